import { DEFAULT_EXPENSE_RATIO, DEFAULT_MARGINAL_RATIO, type IdentifyPolicy } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';

// SQL of the policy: the lines per region and year, the two ratios with the version, the changes.

export interface PolicySettings {
  version: number;
  marginalRatio: string;
  expenseRatio: string;
}

export async function getSettings(q: Q): Promise<PolicySettings> {
  const s = await q.selectFrom('policy_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return s
    ? { version: s.version, marginalRatio: s.marginal_ratio, expenseRatio: s.expense_ratio }
    : { version: 0, marginalRatio: DEFAULT_MARGINAL_RATIO, expenseRatio: DEFAULT_EXPENSE_RATIO };
}

export async function listLines(q: Q) {
  const columns = ['region_code', 'year', 'monthly_line_fen', 'is_example', 'version', 'updated_at'] as const;
  return q.selectFrom('policy_lines').leftJoin('users', 'users.id', 'policy_lines.updated_by')
    .select([...columns.map((c) => `policy_lines.${c}` as const), 'users.display_name as updated_by_name'])
    .orderBy('policy_lines.year', 'desc').orderBy('policy_lines.region_code').execute();
}

export async function findLine(q: Q, regionCode: string, year: number) {
  return q.selectFrom('policy_lines').selectAll().where('region_code', '=', regionCode).where('year', '=', year).executeTakeFirst();
}

/** The policy in force for a region and year: its line (or none) and the current ratios. */
export async function policyFor(q: Q, regionCode: string, year: number, settings?: PolicySettings): Promise<IdentifyPolicy> {
  const s = settings ?? (await getSettings(q));
  const line = await findLine(q, regionCode, year);
  return { regionCode, year, monthlyLineFen: line?.monthly_line_fen ?? null, marginalRatio: s.marginalRatio, expenseRatio: s.expenseRatio, version: s.version };
}

/** Bumps the version when it is still the one read; false when someone saved meanwhile. */
export async function bumpSettings(q: Q, from: number, s: { marginalRatio: string; expenseRatio: string; by: number; at: string }): Promise<boolean> {
  const r = await q
    .updateTable('policy_settings')
    .set({ version: from + 1, marginal_ratio: s.marginalRatio, expense_ratio: s.expenseRatio, updated_by: s.by, updated_at: s.at })
    .where('id', '=', 1)
    .where('version', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets (or with null removes) the line of a region and year. */
export async function writeLine(q: Q, l: { regionCode: string; year: number; old: number | null; new: number | null }, meta: { example: boolean; version: number; by: number; at: string }) {
  if (l.new === null) await q.deleteFrom('policy_lines').where('region_code', '=', l.regionCode).where('year', '=', l.year).execute();
  else if (l.old === null)
    await q.insertInto('policy_lines').values({ region_code: l.regionCode, year: l.year, monthly_line_fen: l.new, is_example: meta.example ? 1 : 0, version: meta.version, updated_by: meta.by, updated_at: meta.at }).execute();
  else
    await q.updateTable('policy_lines').set({ monthly_line_fen: l.new, is_example: meta.example ? 1 : 0, version: meta.version, updated_by: meta.by, updated_at: meta.at })
      .where('region_code', '=', l.regionCode).where('year', '=', l.year).execute();
}

export async function insertChange(q: Q, c: { version: number; by: number; at: string; changes: unknown; reason: string | null; jobId: number | null }): Promise<void> {
  await q.insertInto('policy_changes').values({ version: c.version, changed_by: c.by, changed_at: c.at, changes: JSON.stringify(c.changes), reason: c.reason, job_id: c.jobId }).execute();
}

export async function listChanges(q: Q, limit: number) {
  return q
    .selectFrom('policy_changes')
    .leftJoin('users', 'users.id', 'policy_changes.changed_by')
    .select(['policy_changes.version', 'policy_changes.changed_at', 'policy_changes.changes', 'policy_changes.reason', 'policy_changes.job_id',
      'users.username', 'users.display_name'])
    .orderBy('policy_changes.version', 'desc')
    .limit(limit)
    .execute();
}
