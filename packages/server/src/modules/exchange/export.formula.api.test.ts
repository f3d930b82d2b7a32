// Security issue point 11: text that a spreadsheet takes for a formula after a CSV round trip
// (=HYPERLINK(…), =cmd|…, +, -, @) is exported with a leading apostrophe, and imported back as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_COLUMNS, WORKER_SHEET } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { readSheet } from '../../../test/fixtures/workbooks.js';

let ctx: TestContext;
let city: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

const LIVE = { causeDescription: '=HYPERLINK("http://x","点我")', needs: "=cmd|' /C calc'!A0", measures: '@SUM(1+1)', otherHardship: '+86 救助' };

describe('formula-like text in exports', () => {
  it('is defused with an apostrophe in the workbook and re-imports unchanged', async () => {
    const h = makeHousehold({ regionCode: 'H06', ...LIVE });
    const created = await city.post('/api/households', h);
    expect(created.statusCode, created.body).toBe(201);
    const res = await city.get('/api/households/export.xlsx?regionCode=H06');
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, WORKER_SHEET);
    const row = rows.find((r) => r?.includes(created.json().workerNo))!;
    for (const [key, text] of Object.entries(LIVE)) expect(row[WORKER_COLUMNS.findIndex((c) => c.key === key)]).toBe(`'${text}`);

    const up = await city.upload('/api/imports', [{ name: 'back.xlsx', content: res.rawPayload }]);
    await ctx.app.jobs.idle();
    const check = (await city.get(`/api/imports/${up.json().id}`)).json();
    expect(check.counts).toMatchObject({ unchanged: 1, changed: 0, error: 0 });
  });
});
