// Uploads and downloads of written documents are limited per user and minute (BANGFU_UPLOAD_RATE,
// BANGFU_EXPORT_RATE): past the limit a 429 in the error shape, in Chinese; another user is not
// held back; a plain read is never limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext({ uploadRatePerMinute: 2, exportRatePerMinute: 3 });
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

describe('per-user limits of heavy work', () => {
  it('refuses the fourth export of a minute with 429, and not another user\'s first', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await city.get('/api/exchange/template.xlsx')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await city.get('/api/households/export.xlsx');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^导出和下载过于频繁，请 \d+ 秒后再试$/) });
    expect((await (await ctx.userIn('H01', 'region')).get('/api/exchange/template.xlsx')).statusCode).toBe(200);
    // reading pages is not limited
    for (let i = 0; i < 5; i++) expect((await city.get('/api/households')).statusCode).toBe(200);
  });

  it('refuses the third upload of a minute', async () => {
    const file = { name: 'x.xlsx', content: Buffer.from('not a workbook') };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await city.upload('/api/imports', [file])).statusCode);
    expect(statuses.slice(0, 2).every((s) => s !== 429)).toBe(true);
    expect(statuses[2]).toBe(429);
  });
});
