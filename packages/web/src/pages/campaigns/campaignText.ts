// How campaigns read in Chinese: days to a deadline, rates, a submission's state and timeliness,
// the deadline that comes next. Pure functions of core's responses.
import { SUBMISSION_STATE_LABELS, type SubmissionState } from '@bangfu/core';
import type { Deadline } from '../../api/campaigns';

/** 还剩 N 天 / 今天截止 / 已逾期 N 天 */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天截止';
  return `已逾期 ${-daysLeft} 天`;
}

/** The tag colour of a deadline: red once past, orange in its last week, blue before. */
export function daysLeftColor(daysLeft: number): 'error' | 'warning' | 'processing' {
  return daysLeft < 0 ? 'error' : daysLeft <= 7 ? 'warning' : 'processing';
}

/** 0.853 → 85.3%; null (nothing to divide by) → —. */
export function rateText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export const CAMPAIGN_STATE_COLORS = { upcoming: 'default', running: 'processing', ended: 'default' } as const;

export const SUBMISSION_STATE_COLORS: Record<SubmissionState, string> = {
  none: 'default',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

export function submissionStateText(s: SubmissionState): string {
  return SUBMISSION_STATE_LABELS[s];
}

/** 按时 / 逾期; null: not yet due and not submitted (nothing to say). */
export function onTimeText(onTime: boolean | null | undefined): string | null {
  return onTime === true ? '按时' : onTime === false ? '逾期' : null;
}

/** The first deadline not yet past (of a kind, when given), else the last one; null without deadlines. */
export function nextDeadline<D extends Pick<Deadline, 'kind' | 'daysLeft'>>(deadlines: readonly D[], kind?: Deadline['kind']): D | null {
  const of = kind ? deadlines.filter((d) => d.kind === kind) : deadlines;
  return of.find((d) => d.daysLeft >= 0) ?? of[of.length - 1] ?? null;
}

/** The index of the current phase in Steps: the one named, else how many phases have ended. */
export function currentPhaseIndex(phases: readonly { name: string; endDate: string }[], current: string | null, today: string): number {
  if (current !== null) {
    const i = phases.findIndex((p) => p.name === current);
    if (i >= 0) return i;
  }
  return phases.filter((p) => p.endDate < today).length;
}
