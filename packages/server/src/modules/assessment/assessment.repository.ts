// SQL of the assessment's own tables: assessment_rubrics (a year's rubric as saved) and
// assessment_adjustments (points in tenths). Owned by the assessment module.
import type { RubricItem } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';

export async function rubricRow(db: Q, year: number) {
  const r = await db.selectFrom('assessment_rubrics as a').innerJoin('users', 'users.id', 'a.updated_by')
    .select(['a.items', 'a.version', 'a.updated_at', 'users.display_name']).where('a.year', '=', year).executeTakeFirst();
  return r && { items: JSON.parse(r.items) as RubricItem[], version: Number(r.version), updatedAt: r.updated_at, updatedBy: r.display_name };
}

/** Saves a year's rubric if it is still at `version` (0: never saved); false when someone saved meanwhile. */
export async function saveRubricRow(trx: Q, year: number, items: RubricItem[], version: number, by: number, at: string): Promise<boolean> {
  const values = { items: JSON.stringify(items), version: version + 1, updated_by: by, updated_at: at };
  if (version === 0) {
    const r = await trx.insertInto('assessment_rubrics').values({ year, ...values }).onConflict((oc) => oc.column('year').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await trx.updateTable('assessment_rubrics').set(values).where('year', '=', year).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function adjustmentRows(db: Q, year: number) {
  const rows = await db.selectFrom('assessment_adjustments as a').innerJoin('users', 'users.id', 'a.created_by')
    .select(['a.id', 'a.org_code', 'a.tenths', 'a.reason', 'a.created_at', 'users.display_name'])
    .where('a.year', '=', year).orderBy('a.id').execute();
  return rows.map((r) => ({ id: Number(r.id), orgCode: r.org_code, points: Number(r.tenths) / 10, reason: r.reason, by: r.display_name, at: r.created_at }));
}

export async function insertAdjustment(trx: Q, a: { year: number; orgCode: string; points: number; reason: string; by: number; at: string }): Promise<number> {
  const r = await trx.insertInto('assessment_adjustments')
    .values({ year: a.year, org_code: a.orgCode, tenths: Math.round(a.points * 10), reason: a.reason, created_by: a.by, created_at: a.at })
    .returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** A year's finalized result of a level, if the city union finalized it. */
export async function resultRow(db: Q, year: number, level: string) {
  const r = await db.selectFrom('assessment_results as a').innerJoin('users', 'users.id', 'a.finalized_by')
    .select(['a.data', 'a.finalized_at', 'users.display_name']).where('a.year', '=', year).where('a.level', '=', level).executeTakeFirst();
  return r && { data: r.data, at: r.finalized_at, by: r.display_name };
}

/** The levels of a year that are finalized. */
export async function finalizedLevels(db: Q, year: number): Promise<string[]> {
  return (await db.selectFrom('assessment_results').select('level').where('year', '=', year).execute()).map((r) => r.level);
}

/** Keeps a finalized result; false when the level of that year was finalized already. */
export async function insertResult(trx: Q, r: { year: number; level: string; data: string; by: number; at: string }): Promise<boolean> {
  const res = await trx.insertInto('assessment_results').values({ year: r.year, level: r.level, data: r.data, finalized_by: r.by, finalized_at: r.at })
    .onConflict((oc) => oc.columns(['year', 'level']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}
