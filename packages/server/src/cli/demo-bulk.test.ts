// The bulk loader writes the same files as the per-file demo for the same seed: same households,
// members, statuses, identification, urgency, proposals, opinions and assistance; only times, version
// rows and the audit trail differ (one audit row for the whole load).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { isPostgres } from '../db/dialect.js';
import { verifyAuditChain } from '../modules/audit/audit.repository.js';
import { bulkLoadDemo, regionsFor, syntheticData } from '../demo/bulk.js';
import { tallyDifferences } from '../modules/households/tally.repository.js';
import { iterateSyntheticHouseholds } from '../demo/synthetic.js';
import { parseHousehold, todayInChina } from '@bangfu/core';
import { seedDemo } from './demo.js';

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
    expect(await tallyDifferences(bulk.db)).toEqual([]);
    expect(await tallyDifferences(perFile.db)).toEqual([]);
  }, 600_000);

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
    // a second load onto existing files recounts them all
    expect(await tallyDifferences(bulk.db)).toEqual([]);
  }, 300_000);
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
  });
});
