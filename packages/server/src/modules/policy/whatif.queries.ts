// The what-if of a policy change, computed in the database so that a million files take seconds:
// the three conditions as integer SQL over the stored columns (income, size, expenses and
// id_special, which does not depend on the policy), compared with each file's stored result.
// Must agree with core's identify(): policy.api.test.ts checks it against identify() file by file.
import { sql, type RawBuilder } from 'kysely';
import { parseRatio } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { isPostgres } from '../../db/dialect.js';

export interface PairLine {
  regionCode: string;
  year: number;
  /** null: no line → every file of the pair becomes "cannot decide" */
  monthlyLineFen: number | null;
}

/**
 * Files whose result a change may move: per-capita incomes (fen, both ends included) near the
 * lines, or (`of: 'expense'`) shares of the largest expense in the household's income near the
 * expense ratio.
 */
export interface Band {
  lo: number;
  hi: number;
  of?: 'income' | 'expense';
}

/**
 * The largest of the three expenses over the household's income, as the index households_whatif_expense
 * (migration 013) holds it: the query must spell it the same way for the planner to use the index.
 * No income: NULL (a file without income and with an expense meets the third condition at any ratio).
 */
export const expenseShareSql = (pg: boolean) =>
  pg
    ? 'cast(greatest(medical_expense, tuition_expense, accident_expense) as float8) / nullif(household_annual_income, 0)'
    : 'max(medical_expense, tuition_expense, accident_expense) * 1.0 / household_annual_income';

/** The files households_whatif_expense holds (a query must say so, in these words, for the planner to use it). */
export const WITH_EXPENSE = '(medical_expense > 0 or tuition_expense > 0 or accident_expense > 0)';

/** Where the third condition can flip when the expense ratio changes (a relative margin for the rounding of the quotient). */
export function expenseBand(oldRatio: string, newRatio: string): Band[] {
  const value = (t: string) => Number(t);
  const [a, b] = [value(oldRatio), value(newRatio)];
  if (a === b) return [];
  return [{ lo: Math.min(a, b) * (1 - 1e-9), hi: Math.max(a, b) * (1 + 1e-9), of: 'expense' }];
}

/**
 * Where the first and second conditions can flip when a pair's line and the marginal ratio change
 * (the third does not depend on either): per-capita income (the stored, rounded quotient) around
 * 12 × line and around ratio × 12 × line, old and new, one fen wider on each side for the rounding.
 * A file outside these bands meets the same conditions before and after. Overlapping bands merged.
 */
export function flipBands(oldLineFen: number, newLineFen: number, oldRatio: string, newRatio: string): Band[] {
  const around = (a: number, b: number): Band => ({ lo: Math.floor(Math.min(a, b)) - 1, hi: Math.ceil(Math.max(a, b)) + 1 });
  const edge = (line: number, ratio: string) => {
    const r = parseRatio(ratio)!;
    return Number(12n * BigInt(line) * r.num) / Number(r.den);
  };
  const bands: Band[] = [];
  if (oldLineFen !== newLineFen) bands.push(around(12 * oldLineFen, 12 * newLineFen));
  const [k, k2] = [edge(oldLineFen, oldRatio), edge(newLineFen, newRatio)];
  if (k !== k2) bands.push(around(k, k2));
  bands.sort((a, b) => a.lo - b.lo);
  const merged: Band[] = [];
  for (const b of bands) {
    const last = merged[merged.length - 1];
    if (last && b.lo <= last.hi) last.hi = Math.max(last.hi, b.hi);
    else merged.push({ ...b });
  }
  return merged;
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

function changedSubquery(q: Q, p: PairLine, marginalRatio: string, expenseRatio: string, band?: Band) {
  const cat = newCategoryExpr(p.monthlyLineFen, marginalRatio, expenseRatio);
  const newElig = p.monthlyLineFen === null ? sql`cast(null as integer)` : sql`case when ${cat} is null then 0 else 1 end`;
  // Only columns of a covering index, the files are not read: the whole pair from households_whatif
  // (migration 011), a band from households_whatif_band (013; the year compared as an expression, so
  // that SQLite's planner does not prefer the pair's index).
  const where = band
    ? sql`region_code = ${p.regionCode} and ${bandColumn(q, band)} between ${band.lo} and ${band.hi} and (fill_year + 0) = ${p.year}`
    : sql`region_code = ${p.regionCode} and fill_year = ${p.year}`;
  return sql`select id, region_code, id_eligible as old_eligible, id_category as old_category,
      ${newElig} as new_eligible, ${cat} as new_category
    from households
    where ${where} and status not in ('removed', 'exited')`;
}

/** Whether queries sent at once are answered at once (PostgreSQL's pool), not one after the other (SQLite's one connection). */
export const manyConnections = (q: Q): boolean => isPostgres(q);

/** Files of a region whose per-capita income is in the band, any year or status, counted up to `upTo` (the index alone). */
export async function filesInBand(q: Q, regionCode: string, band: Band, upTo: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from (select 1 from households
    where region_code = ${regionCode} and ${bandColumn(q, band)} between ${band.lo} and ${band.hi} limit ${Math.max(0, Math.floor(upTo))}) x`.execute(q);
  return Number(r.rows[0].n);
}

const bandColumn = (q: Q, band: Band) =>
  band.of === 'expense' ? sql.raw(`${WITH_EXPENSE} and (${expenseShareSql(isPostgres(q))})`) : sql.ref('per_capita_income');

const ELIG_CHANGED = sql`coalesce(old_eligible, -1) <> coalesce(new_eligible, -1)`;
const CAT_CHANGED = sql`coalesce(old_category, '') <> coalesce(new_category, '')`;

/** The pair's outcome; with a band, over the band's files only (`files` then counts those). */
export async function previewPair(q: Q, p: PairLine, marginalRatio: string, expenseRatio: string, band?: Band): Promise<PairOutcome> {
  const sub = changedSubquery(q, p, marginalRatio, expenseRatio, band);
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

export async function changedFiles(q: Q, p: PairLine, marginalRatio: string, expenseRatio: string, limit: number, band?: Band): Promise<ChangedFile[]> {
  if (limit <= 0) return [];
  const sub = changedSubquery(q, p, marginalRatio, expenseRatio, band);
  const r = await sql<{ id: number; worker_no: string; name: string; region_code: string; old_eligible: number | null; old_category: string | null; new_eligible: number | null; new_category: string | null }>`
    select x.*, h.worker_no, h.name from (select * from (${sub}) y where ${ELIG_CHANGED} or ${CAT_CHANGED} order by id limit ${limit}) x
    join households h on h.id = x.id order by x.id`.execute(q);
  const bool = (v: number | null) => (v === null || v === undefined ? null : Number(v) === 1);
  return r.rows.map((x) => ({
    id: Number(x.id), workerNo: x.worker_no, name: x.name, regionCode: x.region_code,
    oldEligible: bool(x.old_eligible), oldCategory: x.old_category, newEligible: bool(x.new_eligible), newCategory: x.new_category,
  }));
}

