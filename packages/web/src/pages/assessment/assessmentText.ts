// What the 考核 page says about numbers: ranks in order, scores with one decimal, points with their
// sign, and the reason a nomination from the ranking carries. Pure, so the tests read them.
import { ASSESSMENT_LEVEL_LABELS, INDICATORS, type AssessmentLevel, type IndicatorCode } from '@bangfu/core';
import type { AssessmentItem } from '../../api/assessment';

/** Rank ascending; those without a total (nothing to assess) last, by code. */
export function byRank<T extends Pick<AssessmentItem, 'rank' | 'orgCode'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.orgCode.localeCompare(b.orgCode));
}

/** 92.5 → '92.5', 92 → '92.0', null → '—'. */
export const scoreText = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(1));

/** +2 → '+2.0', -1.5 → '-1.5', 0 → '—' (no adjustment). */
export const pointsText = (v: number): string => (v === 0 ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)}`);

/** The indicator columns in the order of the first row's (every row has the same rubric). */
export function indicatorColumnsOf(items: readonly AssessmentItem[]): { code: IndicatorCode; name: string; weight: number }[] {
  return (items[0]?.indicators ?? []).map((i) => ({ code: i.code, name: i.name || INDICATORS[i.code].name, weight: i.weight }));
}

/** The reason a nomination from the ranking starts with: 2016年度考核第1名，总分92.5分. */
export function rankingReason(year: number, level: AssessmentLevel, rank: number, total: number): string {
  const of = level === 'unit' ? ASSESSMENT_LEVEL_LABELS.unit : '';
  return `${year}年度${of}考核第${rank}名，总分${scoreText(total)}分`;
}
