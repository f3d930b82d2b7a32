// Every JSON route of the API answers through a response schema of core's contract: the app is
// built, each route seen as it is registered (onRoute), and a route whose 2xx response has no Zod
// schema behind it (so its serializer would send whatever the service returned) fails, unless it
// is listed below as exempt with the reason.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../test/helpers.js';
import { zodOfResponse } from './lib/route.docs.js';

interface SeenRoute {
  url: string;
  method: string | string[];
  schema?: { response?: unknown };
}
const routes: SeenRoute[] = [];

// buildApp makes its own instance: the hook is added to it the moment it exists, before any route
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const make = ((opts: never) => {
    const app = mod.default(opts);
    app.addHook('onRoute', (r) => void routes.push({ url: r.url, method: r.method, schema: r.schema }));
    return app;
  }) as unknown as typeof mod.default;
  return { ...mod, default: make };
});

/** Routes that answer no JSON body: files, streams, 204. */
export const EXEMPT_ROUTES: Record<string, string> = {
  'GET /api/exchange/template.xlsx': 'a workbook (the import template)',
  'GET /api/imports/:id/errors.xlsx': 'a workbook (the error report)',
  'GET /api/households/export.xlsx': 'a workbook (the export)',
  'GET /api/reports/region-summary.xlsx': 'a workbook (the region summary)',
  'GET /api/submissions/:id/export.xlsx': 'a workbook (the files a submission froze)',
  'GET /api/bulletins/:id.pdf': 'a PDF (the bulletin, GB/T 9704 layout)',
  'GET /api/bulletins/:id.docx': 'a Word document (the bulletin, GB/T 9704 layout)',
  'GET /api/households/:id/personal-data.json': 'a download (the household\'s personal-data copy, JSON)',
  'GET /api/assessment.xlsx': 'a workbook (the scores, the rubric, the adjustments)',
  'GET /api/commendations.pdf': 'a PDF (the year\'s approved commendations)',
  'GET /api/commendations.xlsx': 'a workbook (the year\'s approved commendations)',
  'GET /api/research-drafts.docx': 'a Word document (the data draft of a research report)',
  'GET /api/research-reports/:id/file': 'a document (the report file as it was sent: Word, WPS or PDF)',
  'GET /api/campaigns/:id/progress.xlsx': 'a workbook (the progress table)',
  'GET /api/assistance/summary.xlsx': 'a workbook (帮扶统计)',
  'GET /api/households/print.pdf': 'a PDF (the survey forms)',
  'GET /api/households/:id/print.pdf': 'a PDF (the survey form)',
  'PUT /api/session/password': '204 No Content',
  'DELETE /api/session': '204 No Content',
  'GET /api/openapi.json': 'the OpenAPI document itself (hidden from it)',
};

const methodsOf = (r: SeenRoute) => (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');
const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

describe('the response contract of every route', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await t.app.ready();
  });
  afterAll(async () => t?.close());

  const apiRoutes = () => routes.filter((r) => isApi(r.url)).flatMap((r) => methodsOf(r).map((m) => ({ key: `${m} ${r.url}`, route: r })));

  it('sees the routes (the hook works)', () => {
    expect(apiRoutes().length).toBeGreaterThan(60);
  });

  it('every JSON route declares its 2xx response with a Zod schema of the contract, which its serializer uses', () => {
    const missing = apiRoutes()
      .filter(({ key }) => !(key in EXEMPT_ROUTES))
      .filter(({ route }) => {
        const response = (route.schema?.response ?? {}) as Record<string, unknown>;
        const ok = Object.entries(response).filter(([status]) => /^2\d\d$/.test(status));
        return ok.length === 0 || ok.some(([, json]) => !zodOfResponse(json));
      })
      .map(({ key }) => key);
    expect(missing).toEqual([]);
  });

  it('every exempt route exists (the list does not outlive its routes)', () => {
    const keys = new Set(apiRoutes().map((r) => r.key));
    expect(Object.keys(EXEMPT_ROUTES).filter((k) => !keys.has(k))).toEqual([]);
  });
});
