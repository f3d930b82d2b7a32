// Security issue point 11: every HTML answer carries a CSP, the API document's page included; behind
// HTTPS the browser is told to stay on HTTPS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ cookieSecure: true });
});
afterAll(() => ctx.close());

describe('security headers', () => {
  it('the API docs page has a Content-Security-Policy', async () => {
    const res = await ctx.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-security-policy'] ?? '')).toMatch(/default-src 'self'.*script-src 'self'/);
  });

  it('HSTS when the site is served over HTTPS', async () => {
    const res = await ctx.app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
