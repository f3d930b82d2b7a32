// The what-if of a policy change, computed in the database so that a million files take seconds:
// the three conditions as integer SQL over the stored columns (income, size, expenses and
// id_special, which does not depend on the policy), compared with each file's stored result.
// Must agree with core's identify(): policy.api.test.ts checks it against identify() file by file.
import { sql, type RawBuilder } from 'kysely';
import { parseRatio } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';

export interface PairLine {
  regionCode: string;
  year: number;
  /** null: no line → every file of the pair becomes "cannot decide" */
  monthlyLineFen: number | null;
}

export interface PairOutcome {
  regionCode: string;
  year: number;
  files: number;
  eligibilityChanged: number;
  categoryChanged: number;
  becomeEligible: number;
  becomeIneligible: number;
}

export interface ChangedFile {
  id: number;
  workerNo: string;
  name: string;
  regionCode: string;
  oldEligible: boolean | null;
  oldCategory: string | null;
  newEligible: boolean | null;
  newCategory: string | null;
}

const big = (n: number | bigint) => sql`cast(${String(n)} as bigint)`;

/** The suggested category under a line and ratios, as a SQL expression over `households`. */
export function newCategoryExpr(lineFen: number | null, marginalRatio: string, expenseRatio: string): RawBuilder<string | null> {
  if (lineFen === null) return sql<string | null>`cast(null as varchar(16))`;
  const m = parseRatio(marginalRatio)!;
  const e = parseRatio(expenseRatio)!;
  const T = sql`cast(household_annual_income as bigint)`;
  const AN = sql`(${big(12 * lineFen)} * household_size)`;
  const c1 = sql`(${T} < ${AN})`;
  const c2 = sql`(${T} * ${big(m.den)} <= ${big(m.num)} * ${AN} and id_special = 1)`;
  const over = (col: string) => sql`(${sql.ref(col)} > 0 and cast(${sql.ref(col)} as bigint) * ${big(e.den)} > ${big(e.num)} * ${T})`;
  const c3 = sql`(${over('medical_expense')} or ${over('tuition_expense')} or ${over('accident_expense')})`;
  return sql<string | null>`case when ${c1} then '低保户' when ${c2} then '低保边缘户' when ${c3} then '意外致困户' else null end`;
}

function changedSubquery(q: Q, p: PairLine, marginalRatio: string, expenseRatio: string) {
  const cat = newCategoryExpr(p.monthlyLineFen, marginalRatio, expenseRatio);
  const newElig = p.monthlyLineFen === null ? sql`cast(null as integer)` : sql`case when ${cat} is null then 0 else 1 end`;
  // only columns of the covering index households_whatif (migration 011): the files are not read
  return sql`select id, region_code, id_eligible as old_eligible, id_category as old_category,
      ${newElig} as new_eligible, ${cat} as new_category
    from households
    where region_code = ${p.regionCode} and fill_year = ${p.year} and status not in ('removed', 'exited')`;
}

const ELIG_CHANGED = sql`coalesce(old_eligible, -1) <> coalesce(new_eligible, -1)`;
const CAT_CHANGED = sql`coalesce(old_category, '') <> coalesce(new_category, '')`;

export async function previewPair(q: Q, p: PairLine, marginalRatio: string, expenseRatio: string): Promise<PairOutcome> {
  const sub = changedSubquery(q, p, marginalRatio, expenseRatio);
  const r = await sql<{ files: number; elig: number | null; cat: number | null; up: number | null; down: number | null }>`
    select count(*) as files,
      sum(case when ${ELIG_CHANGED} then 1 else 0 end) as elig,
      sum(case when ${CAT_CHANGED} then 1 else 0 end) as cat,
      sum(case when new_eligible = 1 and coalesce(old_eligible, -1) <> 1 then 1 else 0 end) as up,
      sum(case when new_eligible = 0 and coalesce(old_eligible, -1) <> 0 then 1 else 0 end) as down
    from (${sub}) x`.execute(q);
  const row = r.rows[0];
  return {
    regionCode: p.regionCode,
    year: p.year,
    files: Number(row.files),
    eligibilityChanged: Number(row.elig ?? 0),
    categoryChanged: Number(row.cat ?? 0),
    becomeEligible: Number(row.up ?? 0),
    becomeIneligible: Number(row.down ?? 0),
  };
}

export async function changedFiles(q: Q, p: PairLine, marginalRatio: string, expenseRatio: string, limit: number): Promise<ChangedFile[]> {
  if (limit <= 0) return [];
  const sub = changedSubquery(q, p, marginalRatio, expenseRatio);
  const r = await sql<{ id: number; worker_no: string; name: string; region_code: string; old_eligible: number | null; old_category: string | null; new_eligible: number | null; new_category: string | null }>`
    select x.*, h.worker_no, h.name from (select * from (${sub}) y where ${ELIG_CHANGED} or ${CAT_CHANGED} order by id limit ${limit}) x
    join households h on h.id = x.id order by x.id`.execute(q);
  const bool = (v: number | null) => (v === null || v === undefined ? null : Number(v) === 1);
  return r.rows.map((x) => ({
    id: Number(x.id), workerNo: x.worker_no, name: x.name, regionCode: x.region_code,
    oldEligible: bool(x.old_eligible), oldCategory: x.old_category, newEligible: bool(x.new_eligible), newCategory: x.new_category,
  }));
}

/** (region, year) pairs that hold live files: what a change of the ratios touches. */
export async function livePairs(q: Q): Promise<{ regionCode: string; year: number }[]> {
  const rows = await q.selectFrom('households').select(['region_code', 'fill_year']).distinct().where('status', 'not in', ['removed', 'exited']).execute();
  return rows.map((r) => ({ regionCode: r.region_code, year: Number(r.fill_year) }));
}
