// What the 脱困回访 pages say: the schedule, the next visit, where a household stands (the list's
// tag), what a 返困 leads to, and the reason a reopening starts from. Pure, so the tests read them.
import { fallenBackReason, FOLLOW_UP_OUTCOME_LABELS, type FollowUpListItem, type FollowUpOutcome, type HouseholdStatus, type MyHousehold } from '@bangfu/core';

/** [3, 6, 12] → 脱困后第3、6、12个月 */
export const followUpMonthsText = (months: readonly number[]): string => (months.length ? `脱困后第${months.join('、')}个月` : '未安排回访');

/** The next planned visit: 第1次 2026-11-07; none left: —. */
export const nextVisitText = (next: { seq: number; dueOn: string } | null): string => (next ? `第${next.seq}次 ${next.dueOn}` : '—');

/** Visits made of those planned: 1/3 (a visit beyond the plan fulfils nothing more). */
export const progressText = (done: number, months: readonly number[]): string => `${Math.min(done, months.length)}/${months.length}`;

export interface FollowUpTag {
  key: 'pendingReopen' | 'overdue' | 'due' | 'done' | 'later';
  text: string;
  color: string;
}

/** An exited household's follow-ups as one tag: a family found fallen back first, then the next visit's day. */
export function followUpTag(s: Pick<FollowUpListItem, 'next' | 'due' | 'overdue' | 'daysOverdue' | 'pendingReopen'>): FollowUpTag {
  if (s.pendingReopen) return { key: 'pendingReopen', text: '返困待重新纳入', color: 'red' };
  if (s.overdue) return { key: 'overdue', text: `超期${s.daysOverdue}天`, color: 'red' };
  if (s.due) return { key: 'due', text: '即将到期', color: 'orange' };
  if (!s.next) return { key: 'done', text: '已完成', color: 'green' };
  return { key: 'later', text: '未到期', color: 'default' };
}

/** 我的帮扶对象's tag of an exited household: 回访超期 / 回访到期, or none. */
export function myFollowUpTag(h: Pick<MyHousehold, 'followUpDue' | 'followUpOverdue'>): Pick<FollowUpTag, 'text' | 'color'> | null {
  if (h.followUpOverdue) return { text: '回访超期', color: 'red' };
  if (h.followUpDue) return { text: '回访到期', color: 'orange' };
  return null;
}

/** The next visit in a sentence: 第1次回访（计划 2026-11-07）已超期30天; null when none is left. */
export function nextVisitNotice(s: { next: { seq: number; dueOn: string } | null; overdue: boolean; daysOverdue: number }): string | null {
  if (!s.next) return null;
  const visit = `第${s.next.seq}次回访（计划 ${s.next.dueOn}）`;
  return s.overdue ? `${visit}已超期${s.daysOverdue}天` : `${visit}即将到期`;
}

/** What a 返困 leads to: the recorder who files the household reopens it at once, anyone else alerts its filers. */
export const fallenBackNotice = (reopens: boolean): string =>
  reopens ? '提交后档案将重新纳入（回到草稿），请补充情况后重新提交审核' : '提交后将提醒该户所在单位工会重新纳入';

/** The reason a 重新纳入 after a 返困 starts from (the dialog's reason is at most `max` characters). */
export const reopenReasonOf = (f: { date: string; note: string }, max = 500): string => fallenBackReason(f.date, f.note).slice(0, max);

/** The message after a follow-up was saved, by its outcome and the file's status then. */
export function recordedText(name: string, outcome: FollowUpOutcome, status: HouseholdStatus): string {
  if (outcome === 'stable') return `已记录 ${name} 的回访（${FOLLOW_UP_OUTCOME_LABELS.stable}）`;
  return status === 'draft' ? `${name} 回访发现返困，档案已重新纳入（草稿），请补充情况后重新提交审核` : `已记录 ${name} 的回访（返困），已提醒该户所在单位工会重新纳入`;
}

/** The schedule as the settings form keeps it: whole months, each once, in increasing order. */
export const sortedMonths = (v: readonly (number | string)[] | undefined): number[] =>
  [...new Set((v ?? []).map(Number).filter((m) => Number.isInteger(m) && m > 0))].sort((a, b) => a - b);
