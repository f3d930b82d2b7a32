// A re-evaluation's batches read in a thread of their own (as the served app does) give what the
// job's own thread computes, and a thread that cannot start leaves the job to read them itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import type { DbTarget } from '../../config.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { computeBatch } from './reevaluate.job.js';
import { readBatchesInThread, startReaderThread } from './reevaluate.reader.js';

const BIN = fileURLToPath(new URL('../../../bin/bangfu.mjs', import.meta.url));
const PAIRS = [{ regionCode: 'H05', year: 2016 }];

let ctx: TestContext;
let city: Client;
let clerk: Client;
const files: { id: number; income: number }[] = [];

beforeAll(async () => {
  ctx = await createTestContext({}, { shared: true });
  city = await ctx.userIn('H', 'city');
  clerk = await ctx.userIn('H05');
  const policy = (await city.get('/api/policy')).json();
  expect((await city.put('/api/policy', { lines: [{ regionCode: 'H05', year: 2016, monthlyLine: 500 }], expectedVersion: policy.version })).statusCode).toBe(200);
  await ctx.app.jobs.idle();
  for (const income of [4000, 5500, 6500, 7000, 7800, 9000, 12000]) {
    const h = makeHousehold({ regionCode: 'H05', householdAnnualIncome: income, ownAnnualIncome: income, householdSize: 1, members: [], maritalStatus: '已婚', receivesDibao: false, category: '低保户' });
    const r = await clerk.post('/api/households', h);
    expect(r.statusCode).toBe(201);
    files.push({ id: r.json().id, income });
  }
}, 60_000);
afterAll(() => ctx?.close());

async function changeLine(monthlyLine: number) {
  const policy = (await city.get('/api/policy')).json();
  expect((await city.put('/api/policy', { lines: [{ regionCode: 'H05', year: 2016, monthlyLine }], expectedVersion: policy.version })).statusCode).toBe(200);
  await ctx.app.jobs.idle();
}

/** Changes the line with batches read by a thread started from `entry`; what the reader logged. */
async function changeLineReadFrom(entry: string, target: DbTarget, monthlyLine: number): Promise<string[]> {
  const logged: string[] = [];
  const stop = readBatchesInThread(entry, target, (msg) => logged.push(msg));
  try {
    await changeLine(monthlyLine);
  } finally {
    await stop();
  }
  return logged;
}

/** The stored results of the files, without the time they were written. */
async function storedResults() {
  const rows = await ctx.db.selectFrom('household_results').select(['household_id', 'id_result']).where('household_id', 'in', files.map((f) => f.id)).orderBy('household_id').execute();
  return rows.map((r) => ({ id: Number(r.household_id), result: JSON.parse(r.id_result!) }));
}

describe('re-evaluation read in a thread', () => {
  it('reads and computes the same batch as the job\'s own thread', async () => {
    const thread = startReaderThread(BIN, ctx.target());
    try {
      const there = await thread.read(0, PAIRS);
      const here = await computeBatch(ctx.db, 0, PAIRS);
      expect(there.map((c) => Number(c.row.id))).toEqual(files.map((f) => f.id));
      expect(there).toEqual(here);
      // after the last file there is nothing left
      expect(await thread.read(files[files.length - 1].id, PAIRS)).toEqual([]);
    } finally {
      await thread.stop();
    }
  }, 60_000);

  it('writes, under the new line, the results the job\'s own thread computes', async () => {
    const failures = await changeLineReadFrom(BIN, ctx.target(), 600);
    expect(failures).toEqual([]); // every batch came from the thread
    const stored = await storedResults();
    const computed = await computeBatch(ctx.db, 0, PAIRS);
    expect(stored.map((s) => s.result)).toEqual(computed.map((c) => c.result));
    // 6,500 and 7,000 a year are now below 600 × 12: the re-evaluation moved them
    const eligible = (id: number) => stored.find((s) => s.id === id)!.result.eligible;
    expect(eligible(files[2].id)).toBe(true);
    expect(eligible(files[3].id)).toBe(true);
    expect(stored.every((s) => s.result.policy.monthlyLine === 600)).toBe(true);
  }, 60_000);

  it('starts no thread for a database in memory, which another connection would see empty', async () => {
    const logged = await changeLineReadFrom(BIN, { kind: 'sqlite', file: ':memory:' }, 650);
    expect(logged).toEqual([]);
    expect((await storedResults()).every((s) => s.result.policy.monthlyLine === 650)).toBe(true);
  }, 60_000);

  it('leaves the batches to the job\'s own thread when the thread cannot start', async () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-reader-')), 'broken.mjs');
    fs.writeFileSync(broken, "throw new Error('this reader does not start');\n");
    const logged = await changeLineReadFrom(broken, ctx.target(), 550);
    expect(logged.length).toBeGreaterThan(0);
    const stored = await storedResults();
    expect(stored.every((s) => s.result.policy.monthlyLine === 550)).toBe(true);
    const job = await ctx.db.selectFrom('jobs').select(['status', 'done']).where('kind', '=', 'reevaluate').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done' });
    expect(Number(job.done)).toBe(files.length);
  }, 60_000);
});
