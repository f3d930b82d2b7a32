// The rubric editor's values ↔ the API's: a rate is 0–1 in the API and a percentage on the form
// (85.25 % ↔ 0.8525), a number per hundred stays as it is. Also the live weight sum and where a
// server's field error lands on the form.
import type { FieldError } from '@bangfu/core';
import type { Rubric, RubricItem } from '../../api/assessment';
import { toFormFieldErrors, type MappedErrors } from '../../lib/fieldErrors';

export type RubricRow = Rubric['items'][number];

/** Two decimals of a percentage; rounded so that 0.853 shows 85.3, not 85.30000000000001. */
export const rateToPercent = (r: number): number => Math.round(r * 10_000) / 100;
export const percentToRate = (p: number): number => Math.round(p * 100) / 10_000;

const toForm = (unit: RubricRow['unit'], v: number) => (unit === 'rate' ? rateToPercent(v) : v);
const toApi = (unit: RubricRow['unit'], v: number) => (unit === 'rate' ? percentToRate(v) : v);

/** The form's rows: the rubric's items with their values in the units the page shows. */
export function toRubricForm(r: Pick<Rubric, 'items'>): RubricRow[] {
  return r.items.map((it) => ({ ...it, zero: toForm(it.unit, it.zero), full: toForm(it.unit, it.full) }));
}

/** The body's items from the form's rows (only what the API takes). */
export function toRubricItems(rows: readonly RubricRow[]): RubricItem[] {
  return rows.map((r) => ({ code: r.code, weight: r.weight, zero: toApi(r.unit, r.zero), full: toApi(r.unit, r.full) }));
}

/** The live sum; a cleared box counts 0. */
export const weightSum = (rows: readonly { weight?: number | null }[] | undefined): number => (rows ?? []).reduce((s, r) => s + (r?.weight ?? 0), 0);

export const valueSuffix = (unit: RubricRow['unit']): string => (unit === 'rate' ? '%' : '次/百户');

/** 0 % 得 0 分，100 % 得 100 分，之间按比例 — the rule of a row, in the form's units. */
export function ruleText(row: Pick<RubricRow, 'unit' | 'zero' | 'full'>): string {
  const s = valueSuffix(row.unit);
  return `${row.zero}${s} 得0分，${row.full}${s} 得100分，其间按比例计分`;
}

const EDITABLE = ['weight', 'zero', 'full'];

/** The server's errors on the form's boxes (items[3].full); the rest (the weight sum) for the alert. */
/** The rubric form's own boxes: ['items', i, 'weight' | 'zero' | 'full']. */
export const rubricPlaceable = (n: (string | number)[]) => n.length === 3 && n[0] === 'items' && typeof n[1] === 'number' && EDITABLE.includes(String(n[2]));

export function rubricFieldErrors(errors: readonly FieldError[]): MappedErrors {
  return toFormFieldErrors(errors, rubricPlaceable);
}
