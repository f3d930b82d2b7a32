// The bulk loader writes the same files as the per-file demo for the same seed: same households,
// members, statuses, identification, urgency, proposals, opinions and assistance; only times, version
// rows and the audit trail differ (one audit row for the whole load).
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { isPostgres } from '../db/dialect.js';
import { verifyAuditChain } from '../modules/audit/audit.repository.js';
import { bulkLoadDemo, extraRegionWeight, MAX_BULK_COUNT, regionsFor, syntheticData, type BatchRows, type Generate } from '../demo/bulk.js';
import { tallyDifferences } from '../modules/households/tally.repository.js';
import { assistanceTallyDifferences } from '../modules/assistance/assistance-tally.repository.js';
import { batchesFromThread } from '../demo/bulk.thread.js';
import { bulkWriter, type Rows } from '../demo/bulk-writer.js';
import { iterateSyntheticHouseholds } from '../demo/synthetic.js';
import { parseHousehold, todayInChina } from '@bangfu/core';
import { seedDemo } from './demo.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/bangfu.mjs');
const N = 400;
const SEED = 7;
const PASSWORD = 'Demo-Pass-2026';

const TIMES = ['created_at', 'updated_at', 'id_at', 'submitted_at', 'at', 'recorded_at', 'changed_at'];
const strip = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !TIMES.includes(k)).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

async function snapshot(db: Db) {
  return {
    households: strip(await db.selectFrom('households').selectAll().orderBy('id').execute()),
    members: strip(await db.selectFrom('household_members').select(['household_id', 'seq', 'name', 'relation', 'id_number', 'annual_income', 'occupation']).orderBy('household_id').orderBy('seq').execute()),
    causes: await db.selectFrom('household_causes').selectAll().orderBy('household_id').orderBy('cause').execute(),
    opinions: strip(await db.selectFrom('review_opinions').select(['household_id', 'file_version', 'level', 'decision', 'opinion', 'author_id', 'author_name', 'org_code', 'org_name']).orderBy('household_id').orderBy('level', 'desc').execute()),
    proposals: strip(await db.selectFrom('removal_proposals').select(['household_id', 'region_code', 'status', 'reason', 'result', 'file_version', 'policy_version']).orderBy('household_id').execute()),
    links: await db.selectFrom('household_links').select(['household_id', 'user_id', 'kind']).orderBy('household_id').orderBy('user_id').orderBy('kind').execute(),
    responsibility: strip(await db.selectFrom('responsibility_changes').select(['household_id', 'old_leader_id', 'new_leader_id', 'old_cadre_id', 'new_cadre_id', 'reason', 'changed_by']).orderBy('household_id').execute()),
    records: strip(await db.selectFrom('assistance_records').select(['household_id', 'region_code', 'date', 'year', 'type', 'amount_fen', 'description', 'solved_problem', 'recorded_by']).orderBy('household_id').orderBy('date').orderBy('type').execute()),
    counters: await db.selectFrom('worker_no_counters').selectAll().orderBy('region_code').execute(),
    groups: strip(await db.selectFrom('working_groups').selectAll().orderBy('region_code').execute()),
  };
}

async function indexNames(db: Db): Promise<string[]> {
  const q = isPostgres(db)
    ? sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`
    : sql<{ name: string }>`select name from sqlite_master where type = 'index'`;
  return (await q.execute(db)).rows.map((r) => r.name).sort();
}

describe('bulk demo loader', () => {
  let perFile: TestContext;
  let bulk: TestContext;
  beforeAll(async () => {
    perFile = await createTestContext();
    bulk = await createTestContext();
  });
  afterAll(async () => {
    await perFile?.close();
    await bulk?.close();
  });

  it(`writes the same ${N} files as the per-file demo for the same seed`, async () => {
    const a = await seedDemo(perFile.db, N, { seed: SEED, demoPassword: PASSWORD });
    const b = await bulkLoadDemo(bulk.db, N, { seed: SEED, demoPassword: PASSWORD });
    expect(b.households).toBe(a.households);
    expect(b.users?.usernames).toEqual(a.users?.usernames);
    const [x, y] = [await snapshot(perFile.db), await snapshot(bulk.db)];
    expect(y.households.length).toBe(N);
    expect(y.members.length).toBe(b.members);
    // the demo's journey: most filed, some waiting at each step, a few drafts; some proposals and records
    const statuses = new Set(y.households.map((h) => h.status));
    expect([...statuses].sort()).toEqual(['draft', 'filed', 'submitted', 'unitApproved']);
    expect(y.proposals.length).toBeGreaterThan(0);
    expect(y.records.length).toBeGreaterThan(0);
    for (const k of Object.keys(x) as (keyof typeof x)[]) expect(y[k], k).toEqual(x[k]);
    // one audit row for the whole load, and the chain holds
    const loads = await bulk.db.selectFrom('audit_log').select('detail').where('action', '=', 'demo.bulkLoad').execute();
    expect(loads).toHaveLength(1);
    expect(JSON.parse(loads[0].detail!)).toMatchObject({ households: N, firstId: 1, lastId: N });
    expect((await verifyAuditChain(bulk.db)).ok).toBe(true);
    // example lines for 2016 and for the current year, where new filings fall (both marked 示例)
    const year = Number(todayInChina().slice(0, 4));
    for (const db of [perFile.db, bulk.db]) {
      const lines = await db.selectFrom('policy_lines').select(['region_code', 'year', 'is_example']).execute();
      for (const y of [2016, year]) expect(lines.filter((l) => Number(l.year) === y && l.region_code <= 'H08').map((l) => l.region_code).sort(), `${y}`).toEqual(['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08']);
      expect(lines.every((l) => l.is_example === 1)).toBe(true);
    }
    // the example lines' re-evaluations had no file to change: nothing is left for the server to redo
    const pending = await bulk.db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running']).execute();
    expect(pending).toEqual([]);
    // the kept counts, dropped for the load and counted at its end, equal a recount; the per-file demo's were kept row by row
    // (the bulk loader counts what it generates: bulk.counts.ts)
    for (const db of [bulk.db, perFile.db]) {
      expect(await tallyDifferences(db)).toEqual([]);
      expect(await assistanceTallyDifferences(db)).toEqual([]);
    }
  }, 600_000);

  it('writes the same files when they are generated in a thread of their own (as the CLI does)', async () => {
    const threaded = await createTestContext();
    try {
      const r = await bulkLoadDemo(threaded.db, N, { seed: SEED, demoPassword: PASSWORD, generate: (input) => batchesFromThread(BIN, input) });
      expect(r.households).toBe(N);
      const [x, y] = [await snapshot(perFile.db), await snapshot(threaded.db)];
      for (const k of Object.keys(x) as (keyof typeof x)[]) expect(y[k], k).toEqual(x[k]);
      expect(await tallyDifferences(threaded.db)).toEqual([]);
      expect(await assistanceTallyDifferences(threaded.db)).toEqual([]);
    } finally {
      await threaded.close();
    }
  }, 600_000);

  it('leaves nothing behind when the generator thread fails', async () => {
    const failing = await createTestContext();
    try {
      const missing = path.join(os.tmpdir(), `bangfu-no-such-entry-${process.pid}.mjs`);
      await expect(bulkLoadDemo(failing.db, 300, { seed: SEED, generate: (input) => batchesFromThread(missing, input) })).rejects.toThrow();
      const n = await failing.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
      // the indexes dropped for the load are back: the load's DDL rolled back with its rows
      expect(await indexNames(failing.db)).toContain('households_id_number_live');
    } finally {
      await failing.close();
    }
  }, 300_000);

  it('adds to a database that has files, continuing ids and worker numbers', async () => {
    const before = await bulk.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await bulkLoadDemo(bulk.db, 500, { seed: SEED });
    expect(r.users).toBeUndefined();
    const rows = await bulk.db.selectFrom('households').select(['id', 'worker_no']).execute();
    expect(rows.length).toBe(Number(before.n) + r.households);
    expect(new Set(rows.map((h) => h.worker_no)).size).toBe(rows.length);
    expect(Math.max(...rows.map((h) => Number(h.id)))).toBe(rows.length);
    // a file created afterwards through the service gets the next id and number
    const h01 = rows.filter((h) => h.worker_no.startsWith('H01')).map((h) => Number(h.worker_no.slice(3))).sort((p, q) => q - p)[0];
    const counter = await bulk.db.selectFrom('worker_no_counters').select('last_serial').where('region_code', '=', 'H01').executeTakeFirstOrThrow();
    expect(counter.last_serial).toBe(h01);
    // the indexes dropped for the load are all back
    const indexes = await indexNames(bulk.db);
    expect(indexes).toContain('households_id_number_live');
    expect(indexes).toEqual(await indexNames(perFile.db));
    // a second load onto existing files adds its counts to theirs
    expect(await tallyDifferences(bulk.db)).toEqual([]);
    expect(await assistanceTallyDifferences(bulk.db)).toEqual([]);
  }, 300_000);
});

describe('bulk writer', () => {
  it('stops the generation and leaves nothing behind when a write fails', async () => {
    const ctx = await createTestContext();
    try {
      let closed = false;
      const empty = (t: string): [string, Rows] => [t, { cols: [], values: [] }];
      const batch = (id: number): BatchRows => ({
        // a file without its worker number: the database refuses it
        tables: [['households', { cols: ['id', 'worker_no'], values: [id, null] }], empty('household_causes'), empty('assistance_records')],
        households: 1, members: 0,
      });
      const generate: Generate = async function* () {
        try {
          for (let id = 900_001; ; id++) yield batch(id);
        } finally {
          closed = true;
        }
      };
      await expect(bulkLoadDemo(ctx.db, 10, { seed: SEED, generate })).rejects.toThrow();
      expect(closed).toBe(true);
      const n = await ctx.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    } finally {
      await ctx.close();
    }
  });

  it('writes any text as it is, in a batch of several tables', async () => {
    const ctx = await createTestContext();
    try {
      const texts = ['plain', 'say "hi"', 'back\\slash', '{a,b}', 'NULL', '', '中文，全角', "it's", 'tab\there', 'line\nbreak'];
      const w = bulkWriter(ctx.db);
      await w.run(['settings'], async () => {
        const rows = (prefix: string): Rows => ({
          cols: ['key', 'value', 'updated_by', 'updated_at'],
          values: texts.flatMap((t, i) => [`${prefix}${i}`, t, i === 0 ? null : i, '2016-03-22T00:00:00Z']),
        });
        await w.write(await w.prepare([['settings', rows('a')], ['settings', { cols: [], values: [] }], ['settings', rows('b')]]));
      });
      const back = await ctx.db.selectFrom('settings').select(['key', 'value', 'updated_by']).where('updated_at', '=', '2016-03-22T00:00:00Z').orderBy('key').execute();
      expect(back.map((r) => [r.key, r.value, r.updated_by === null ? null : Number(r.updated_by)]))
        .toEqual(['a', 'b'].flatMap((p) => texts.map((t, i) => [`${p}${i}`, t, i === 0 ? null : i])).sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
    } finally {
      await ctx.close();
    }
  });
});

describe('bulk loader helpers', () => {
  it('converts generated households exactly as parseHousehold does', () => {
    for (const h of iterateSyntheticHouseholds(2000, 11)) {
      const r = parseHousehold(h);
      expect(r.ok).toBe(true);
      if (r.ok) expect(syntheticData(h)).toEqual(r.data);
    }
  });

  it('adds regions when the eight would run out of worker numbers', () => {
    expect(regionsFor(100_000)).toHaveLength(8);
    const million = regionsFor(1_000_000);
    expect(million.length).toBeGreaterThan(8);
    expect(million.slice(0, 9)).toEqual(['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08', 'H09']);
    expect(regionsFor(100_000, new Map([['H08', 80_000]])).length).toBeGreaterThan(8);
    // the national 5.5 million: regions beyond Jingmen drawn more often, so that 99 are enough
    expect(extraRegionWeight(1_000_000)).toBe(10);
    expect(extraRegionWeight(5_500_000)).toBeGreaterThan(10);
    expect(() => regionsFor(5_500_000, new Map(), 10)).toThrow(/99 regions/);
    expect(regionsFor(5_500_000).length).toBeLessThanOrEqual(99);
    expect(regionsFor(MAX_BULK_COUNT).length).toBeLessThanOrEqual(99);
  });
});
