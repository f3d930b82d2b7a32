import { DEFAULT_EXPENSE_RATIO, DEFAULT_MARGINAL_RATIO, type IdentifyPolicy } from '@bangfu/core';
import type { Q } from '../households/households.repository.js';

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
  return q
    .selectFrom('policy_lines')
    .leftJoin('users', 'users.id', 'policy_lines.updated_by')
    .select(['policy_lines.region_code', 'policy_lines.year', 'policy_lines.monthly_line_fen', 'policy_lines.is_example', 'policy_lines.version',
      'policy_lines.updated_at', 'users.display_name as updated_by_name'])
    .orderBy('policy_lines.year', 'desc')
    .orderBy('policy_lines.region_code')
    .execute();
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
