// Security issue point 11: a job of someone else's import is not readable by id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('GET /api/jobs/:id', () => {
  it('an import job answers its uploader and the city union, and looks not found to anyone else', async () => {
    const uploader = await ctx.userIn('H01', 'region');
    const other = await ctx.userIn('H02', 'region');
    const city = await ctx.userIn('H', 'city');
    const viewer = await ctx.userIn('H', 'viewer');
    const { worker, members } = rowsOf(makeHousehold({ regionCode: 'H01' }));
    const res = await uploader.upload('/api/imports', [{ name: 'a.xlsx', content: await workbookOf([worker], members) }]);
    expect(res.statusCode, res.body).toBe(202);
    await ctx.app.jobs.idle();
    const job = await ctx.db.selectFrom('jobs').select(['id', 'kind']).where('kind', 'like', 'import.%').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect((await uploader.get(`/api/jobs/${job.id}`)).statusCode).toBe(200);
    expect((await city.get(`/api/jobs/${job.id}`)).statusCode).toBe(200);
    for (const c of [other, viewer]) expect((await c.get(`/api/jobs/${job.id}`)).json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
