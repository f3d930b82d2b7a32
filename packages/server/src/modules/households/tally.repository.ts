// The kept counts (tally.sql.ts): read them, fold their deltas, recount them, and compare them with
// a full recount. Only this file and the triggers write household_tally and household_facets.
import { sql, type Kysely } from 'kysely';
import type { HouseholdFilter } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { foldDeltas, keptCountDifferences } from '../../db/deltas.js';
import { HOUSEHOLD_DELTAS, RECOUNT_FACETS, RECOUNT_STATEMENTS, RECOUNT_TALLY } from './tally.sql.js';

const run = async (db: Q, statements: string[]) => {
  for (const s of statements) await sql.raw(s).execute(db);
};

/** Every kept count from the households again (after a bulk load, a restore, or a migration). */
export async function recountTallies(db: Q): Promise<void> {
  await run(db, RECOUNT_STATEMENTS);
}

/** Folds the +1/−1 rows into one row per key; cheap (a few thousand rows), run now and then. */
export async function compactTallies(db: Kysely<any>): Promise<void> {
  await foldDeltas(db, HOUSEHOLD_DELTAS);
}

/** The list's filters a tally answers (the search text and the unit and linked scopes it does not). */
export type TallyFilter = Omit<HouseholdFilter, 'q'>;

const FLAG_DIMS = { categoryMismatch: 'f_mismatch', dibaoNotReceived: 'f_dibao_not_received', dibaoAboveLine: 'f_dibao_above', noLine: 'f_no_line' } as const;
const CONDITION_DIMS = { C1: 'c1', C2: 'c2', C3: 'c3' } as const;

/** How many households pass these filters: the exact total of the list, from the kept counts. */
export async function countFromTally(db: Q, f: TallyFilter): Promise<number> {
  let q = db.selectFrom('household_tally').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('total'));
  if (f.regionCode) q = q.where('region_code', '=', f.regionCode);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.eligible) q = q.where('eligible', '=', f.eligible === 'true' ? 1 : f.eligible === 'false' ? 0 : -1);
  if (f.condition) q = q.where(CONDITION_DIMS[f.condition], '=', 1);
  if (f.suggestedCategory) q = q.where('suggested', '=', f.suggestedCategory === 'none' ? '' : f.suggestedCategory);
  if (f.flag) q = q.where(FLAG_DIMS[f.flag], '=', 1);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.total);
}

/** How many households have this facet value (in a region, of a status): the list's total for a campaign's year or unit. */
export async function countFromFacet(db: Q, facet: string, value: string, f: { regionCode?: string; status?: string }): Promise<number> {
  const row = await db.selectFrom('household_facets').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), sql<number>`0`).as('total'))
    .where('facet', '=', facet).where('value', '=', value)
    .$if(!!f.regionCode, (q) => q.where('region_code', '=', f.regionCode!))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Per region, status and value of one facet (values from `from` on, when given): the campaign's progress and 工作台. */
export async function facetRows(db: Q, facet: string, opts: { regionCode?: string; values?: string[]; from?: string; to?: string } = {}) {
  const rows = await db.selectFrom('household_facets').select(['region_code', 'status', 'value', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('facet', '=', facet)
    .$if(!!opts.regionCode, (q) => q.where('region_code', '=', opts.regionCode!))
    .$if(!!opts.values, (q) => q.where('value', 'in', opts.values!))
    .$if(!!opts.from, (q) => q.where('value', '>=', opts.from!))
    .$if(!!opts.to, (q) => q.where('value', '<=', opts.to!))
    .groupBy(['region_code', 'status', 'value']).having((eb) => eb.fn.sum('n'), '<>', 0).execute();
  return rows.map((r) => ({ regionCode: r.region_code, status: r.status, value: r.value, n: Number(r.n) }));
}

/** Households per region and value of one list dimension (category), for the given statuses. */
export async function tallyByRegion(db: Q, dim: 'category', statuses: readonly string[], regionCode?: string) {
  return db.selectFrom('household_tally').select(['region_code', `${dim} as v`, (eb) => eb.fn.sum<number>('n').as('n')])
    .where('status', 'in', statuses).$if(!!regionCode, (q) => q.where('region_code', '=', regionCode!))
    .groupBy(['region_code', dim]).having((eb) => eb.fn.sum('n'), '<>', 0).execute();
}

/** Households per region and value of one facet (work status, enterprise status, band, batch, cause), for the given statuses. */
export async function facetByRegion(db: Q, facet: string, statuses: readonly string[], regionCode?: string) {
  return db.selectFrom('household_facets').select(['region_code', 'value as v', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('facet', '=', facet).where('status', 'in', statuses).$if(!!regionCode, (q) => q.where('region_code', '=', regionCode!))
    .groupBy(['region_code', 'value']).having((eb) => eb.fn.sum('n'), '<>', 0).execute();
}

/**
 * A facet's counts for one fill year, from its year facet ('value|2026') with the year cut off
 * (地区汇总 of a year, a region's 调研报告 data draft).
 */
export async function facetOfYear(db: Q, facet: string, statuses: readonly string[], regionCode: string | undefined, year: number) {
  const suffix = `|${year}`;
  return (await facetByRegion(db, `${facet}_year`, statuses, regionCode)).filter((r) => r.v.endsWith(suffix)).map((r) => ({ ...r, v: r.v.slice(0, -suffix.length), n: Number(r.n) }));
}

/** Households per region whose facet value is below `below` ('' — never — counts as below), for the given statuses. */
export async function facetCountBelow(db: Q, facet: string, statuses: readonly string[], below: string, regionCode?: string) {
  return db.selectFrom('household_facets').select(['region_code', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('facet', '=', facet).where('status', 'in', statuses).where('value', '<', below).$if(!!regionCode, (q) => q.where('region_code', '=', regionCode!))
    .groupBy('region_code').execute();
}

/**
 * The keys whose kept count differs from a full recount (empty when they agree). The tests run it
 * after random changes; `bangfu tally --check` runs it on a real database.
 */
export async function tallyDifferences(db: Q): Promise<string[]> {
  const [tally, facets] = HOUSEHOLD_DELTAS;
  return [...await keptCountDifferences(db, 'tally', tally, RECOUNT_TALLY), ...await keptCountDifferences(db, 'facet', facets, RECOUNT_FACETS)];
}
