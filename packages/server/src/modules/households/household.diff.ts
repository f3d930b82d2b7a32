// Field-level differences between two versions of a file, for the history (old → new).
import { fenToYuan, labelOfPath, MONEY_FIELDS, type HouseholdData } from '@bangfu/core';

export interface FieldChange {
  path: string;
  label: string;
  old: unknown;
  new: unknown;
}

const MONEY = new Set<string>(MONEY_FIELDS);

/** Values as a person reads them: yuan, not fen. */
function shown(key: string, v: unknown): unknown {
  if (typeof v === 'number' && (MONEY.has(key) || key === 'annualIncome')) return fenToYuan(v);
  return v ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function diffHouseholds(before: HouseholdData, after: HouseholdData): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of Object.keys(after) as (keyof HouseholdData)[]) {
    if (key === 'members' || key === 'workerNo') continue;
    if (!same(before[key], after[key])) out.push({ path: key, label: labelOfPath(key), old: shown(key, before[key]), new: shown(key, after[key]) });
  }
  const n = Math.max(before.members.length, after.members.length);
  for (let i = 0; i < n; i++) {
    const a = before.members[i];
    const c = after.members[i];
    if (!a || !c) {
      const path = `members[${i}]`;
      out.push({ path, label: `家庭成员第${i + 1}人`, old: a ? `${a.name}（${a.relation}）` : null, new: c ? `${c.name}（${c.relation}）` : null });
      continue;
    }
    for (const key of Object.keys(c) as (keyof typeof c)[]) {
      if (!same(a[key], c[key])) {
        const path = `members[${i}].${key}`;
        out.push({ path, label: labelOfPath(path), old: shown(key, a[key]), new: shown(key, c[key]) });
      }
    }
  }
  return out;
}
