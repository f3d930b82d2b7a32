// The numbers of a 调研报告 data draft for one organization (a region, or a unit with its sub-units)
// and fill year: files by status, by category, cause, income band, work and enterprise status, the
// identification result, the year's assistance, and the typical cases. A named read model over the
// households, their causes and the assistance counts per household and year. A region's counts come
// from the kept counts (the facets with the fill year); a unit's by GROUP BY on its few files; the
// typical cases are ordered reads of the organization's files of the year.
import { sql, type ExpressionBuilder } from 'kysely';
import { LIVE_STATUSES } from '@bangfu/core';
import type { Database } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';
import { bandExpression } from '../households/tally.sql.js';
import { facetOfYear, facetRows } from '../households/tally.repository.js';

export type DraftScope = { regionCode: string } | { units: string[] };
const inScope = (s: DraftScope) => (eb: ExpressionBuilder<Database, 'households'>) =>
  'regionCode' in s ? eb('households.region_code', '=', s.regionCode) : eb('households.unit_id', 'in', s.units);

type Count = { key: string; n: number };
const counts = (rows: { key: string | null; n: unknown }[]): Count[] => rows.map((r) => ({ key: String(r.key ?? ''), n: Number(r.n) }));

/** A region's files of a year on the books by one of the year facets' values ('低保户|2016'). */
const regionFacet = async (db: Q, regionCode: string, year: number, facet: string): Promise<Count[]> =>
  (await facetOfYear(db, facet, LIVE_STATUSES, regionCode, year)).map((r) => ({ key: r.v, n: r.n }));

/** Files of the year by status. */
export async function statusCounts(db: Q, scope: DraftScope, year: number): Promise<Count[]> {
  if ('regionCode' in scope) return (await facetRows(db, 'year', { regionCode: scope.regionCode, values: [String(year)] })).map((r) => ({ key: r.status, n: r.n }));
  return counts(await db.selectFrom('households').select(['status as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScope(scope)).where('fill_year', '=', year).groupBy('status').execute());
}

/** The year's files on the books (草稿 … 已建档) by one column, or by income band. */
export async function liveCountsBy(db: Q, scope: DraftScope, year: number, by: 'category' | 'work_status' | 'enterprise_status' | 'band'): Promise<Count[]> {
  if ('regionCode' in scope) return regionFacet(db, scope.regionCode, year, by);
  const key = by === 'band' ? sql<string>`${sql.raw(bandExpression('per_capita_income'))}` : sql<string>`${sql.ref(by)}`;
  return counts(await db.selectFrom('households').select([key.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScope(scope)).where('fill_year', '=', year).where('status', 'in', [...LIVE_STATUSES]).groupBy(key).execute());
}

export async function liveCauseCounts(db: Q, scope: DraftScope, year: number): Promise<Count[]> {
  if ('regionCode' in scope) return regionFacet(db, scope.regionCode, year, 'cause');
  return counts(await db.selectFrom('household_causes').innerJoin('households', 'households.id', 'household_causes.household_id')
    .select(['household_causes.cause as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScope(scope)).where('households.fill_year', '=', year).where('households.status', 'in', [...LIVE_STATUSES])
    .groupBy('household_causes.cause').execute());
}

/** The year's files on the books that identification finds eligible (符合条件). */
export async function eligibleCount(db: Q, scope: DraftScope, year: number): Promise<number> {
  const r = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inScope(scope)).where('fill_year', '=', year).where('status', 'in', [...LIVE_STATUSES]).where('id_eligible', '=', 1).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Assistance in a calendar year to the organization's households (of any fill year): households helped, records, money (fen), solved problems. */
export async function assistanceOfYear(db: Q, scope: DraftScope, year: number) {
  const r = await db.selectFrom('assistance_household_year as a').innerJoin('households', 'households.id', 'a.household_id')
    .select((eb) => [eb.fn.countAll<number>().as('households'), eb.fn.sum<number>('a.records').as('records'), eb.fn.sum<number>('a.money').as('money'), eb.fn.sum<number>('a.solved').as('solved')])
    .where(inScope(scope)).where('a.year', '=', year).where('a.records', '>', 0).executeTakeFirstOrThrow();
  return { households: Number(r.households), records: Number(r.records ?? 0), money: Number(r.money ?? 0), solved: Number(r.solved ?? 0) };
}

const CASE_COLUMNS = [
  'households.id', 'households.name', 'households.gender', 'households.category', 'households.causes', 'households.cause_description',
  'households.household_size', 'households.per_capita_income', 'households.work_status', 'households.health', 'households.needs', 'households.measures',
  'households.status', 'households.removal_reason', 'households.exit_reason', 'households.exit_date', 'households.urgency_score',
] as const;

/** The names in the cases' families: what their free text is masked of. */
export async function memberNames(db: Q, householdIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!householdIds.length) return out;
  const rows = await db.selectFrom('household_members').select(['household_id', 'name']).where('household_id', 'in', householdIds).execute();
  for (const r of rows) out.set(Number(r.household_id), [...(out.get(Number(r.household_id)) ?? []), r.name]);
  return out;
}

/**
 * The typical cases (典型案例), by stated criteria: the two files on the books with the highest
 * urgency (紧迫度), the latest removal (剔除) and the latest exit (脱困) of the year, and the file with
 * the most problems solved in the calendar year.
 */
export async function typicalCases(db: Q, scope: DraftScope, year: number) {
  const ofYear = () => db.selectFrom('households').select([...CASE_COLUMNS]).where(inScope(scope)).where('households.fill_year', '=', year);
  const [urgent, removed, exited, solved] = await Promise.all([
    ofYear().where('households.status', '=', 'filed').where('households.urgency_score', 'is not', null).orderBy('households.urgency_score', 'desc').orderBy('households.id').limit(2).execute(),
    ofYear().where('households.status', '=', 'removed').orderBy('households.removed_at', 'desc').orderBy('households.id').limit(1).execute(),
    ofYear().where('households.status', '=', 'exited').orderBy('households.exit_date', 'desc').orderBy('households.id').limit(1).execute(),
    db.selectFrom('assistance_household_year as a').innerJoin('households', 'households.id', 'a.household_id').select([...CASE_COLUMNS, 'a.solved'])
      .where(inScope(scope)).where('households.fill_year', '=', year).where('a.year', '=', year).where('a.solved', '>', 0)
      .orderBy('a.solved', 'desc').orderBy('households.id').limit(1).execute(),
  ]);
  return { urgent, removed: removed[0] ?? null, exited: exited[0] ?? null, solved: solved[0] ?? null };
}
export type CaseRow = Awaited<ReturnType<typeof typicalCases>>['urgent'][number];
