import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { reevaluateJob } from '../households/reevaluate.job.js';
import { JobRunner } from './jobs.runner.js';
import { createJob } from './jobs.repository.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const quiet = { info: () => {}, error: () => {} };

describe('job runner', () => {
  it('resumes a job that a restart interrupted, from its cursor', async () => {
    const admin = await ctx.admin();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await admin.post('/api/households', makeHousehold({ regionCode: 'H02' }))).json().id);
    // a line appears behind the files' back, as if the server died right after saving it
    await ctx.db.insertInto('policy_lines').values({ region_code: 'H02', year: 2016, monthly_line_fen: 50000, is_example: 0, version: 0, updated_by: null, updated_at: new Date().toISOString() }).execute();
    const jobId = await createJob(ctx.db, { kind: 'reevaluate', params: { policyVersion: 0, pairs: [{ regionCode: 'H02', year: 2016 }] }, createdBy: null });
    // the first file was done before the "crash"
    await ctx.db.updateTable('jobs').set({ status: 'running', total: 3, cursor: ids[0], done: 1 }).where('id', '=', jobId).execute();
    const runner = new JobRunner(ctx.db, { reevaluate: reevaluateJob }, quiet);
    runner.kick();
    await runner.idle();
    const job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', done: 3, changed: 2 });
    const rows = await ctx.db.selectFrom('households').select(['id', 'id_eligible']).where('id', 'in', ids).orderBy('id').execute();
    // the file before the cursor was not visited again; the two after it were
    expect(rows.map((r) => r.id_eligible)).toEqual([null, 1, 1]);
  });

  it('marks a job failed with a Chinese message when its handler throws, and goes on with the next', async () => {
    const bad = await createJob(ctx.db, { kind: 'boom', params: {}, createdBy: null });
    const next = await createJob(ctx.db, { kind: 'reevaluate', params: { policyVersion: 0, pairs: [] }, createdBy: null });
    const boom = { count: async () => { throw new Error('boom'); }, batch: async () => null };
    const runner = new JobRunner(ctx.db, { reevaluate: reevaluateJob, boom }, quiet);
    runner.kick();
    await runner.idle();
    const job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', bad).executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/任务执行失败/);
    expect((await ctx.db.selectFrom('jobs').select('status').where('id', '=', next).executeTakeFirstOrThrow()).status).toBe('done');
  });

  it('leaves the kinds it has no handler for to the runner that has (the CLI runs only import jobs)', async () => {
    const other = await createJob(ctx.db, { kind: 'not-mine', params: {}, createdBy: null });
    const runner = new JobRunner(ctx.db, { reevaluate: reevaluateJob }, quiet);
    runner.kick();
    await runner.idle();
    expect((await ctx.db.selectFrom('jobs').select('status').where('id', '=', other).executeTakeFirstOrThrow()).status).toBe('queued');
  });
});
