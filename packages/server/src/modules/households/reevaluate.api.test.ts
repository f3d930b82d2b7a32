// A re-evaluation batch is computed from a snapshot and written afterwards (so that on SQLite the
// write lock is held only while writing): a file edited in between keeps the result of its edit,
// the others get the batch's, and the job's step counts the batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { createJob, takeLease } from '../jobs/jobs.repository.js';
import type { JobRow } from '../jobs/jobs.runner.js';
import { computeBatch, writeBatch } from './reevaluate.job.js';

let ctx: TestContext;
let city: Client;
let clerk: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  clerk = await ctx.userIn('H05');
});
afterAll(() => ctx?.close());

const single = (income: number) =>
  makeHousehold({ regionCode: 'H05', householdAnnualIncome: income, ownAnnualIncome: income, householdSize: 1, members: [], maritalStatus: '已婚', receivesDibao: false, category: '低保户' });

describe('re-evaluation batches', () => {
  it('leave a file edited between the snapshot and the write as its edit left it', async () => {
    const policy = (await city.get('/api/policy')).json();
    expect((await city.put('/api/policy', { lines: [{ regionCode: 'H05', year: 2016, monthlyLine: 500 }], expectedVersion: policy.version })).statusCode).toBe(200);
    await ctx.app.jobs.idle();
    const files = [];
    for (const income of [5000, 5500, 6500]) files.push((await clerk.post('/api/households', single(income))).json());
    const [a, b, c] = files;
    expect(b.identification).toMatchObject({ eligible: true, fileVersion: 1 });

    // a job of another (living) process: the runner of this app leaves it alone
    const jobId = await createJob(ctx.db, { kind: 'reevaluate', params: { policyVersion: policy.version + 1, pairs: [{ regionCode: 'H05', year: 2016 }] }, createdBy: null });
    const owner = 'another-host:1:test';
    expect(await takeLease(ctx.db, jobId, null, owner, '2999-01-01T00:00:00.000Z')).toBe(true);
    const job: JobRow = { id: jobId, params: JSON.stringify({ policyVersion: policy.version + 1, pairs: [{ regionCode: 'H05', year: 2016 }] }), cursor: 0, done: 0, total: 3, changed: 0, created_by: null, lease_owner: owner };

    const batch = await computeBatch(ctx.db, 0, [{ regionCode: 'H05', year: 2016 }]);
    expect(batch.map((x) => Number(x.row.id))).toEqual(files.map((f) => f.id));
    const before = new Map((await ctx.db.selectFrom('household_results').select(['household_id', 'id_at']).where('household_id', 'in', files.map((f) => f.id)).execute()).map((r) => [Number(r.household_id), r.id_at]));

    // b's income rises above the line after the snapshot: its edit identifies it as not eligible
    const edited = await clerk.put(`/api/households/${b.id}`, { ...single(7000), version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().identification).toMatchObject({ eligible: false, fileVersion: 2 });

    await new Promise((r) => setTimeout(r, 5)); // the batch's time differs from the snapshot's
    const step = await writeBatch(ctx.db, job, batch);
    expect(step).toEqual({ cursor: c.id, done: 3, changed: 0 });

    const after = (await clerk.get(`/api/households/${b.id}`)).json();
    expect(after.identification).toMatchObject({ eligible: false, fileVersion: 2 });
    const rows = await ctx.db.selectFrom('household_results').select(['household_id', 'id_at']).where('household_id', 'in', [a.id, c.id]).execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.id_at! > before.get(Number(r.household_id))!).toBe(true);
    const saved = await ctx.db.selectFrom('jobs').select(['cursor', 'done']).where('id', '=', jobId).executeTakeFirstOrThrow();
    expect({ cursor: Number(saved.cursor), done: Number(saved.done) }).toEqual({ cursor: c.id, done: 3 });
  });
});
