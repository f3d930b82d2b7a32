// 脱困回访: an exited household is visited again some months after its exit (by default 3, 6 and
// 12) to see whether it stays out of hardship. The schedule follows from the exit date alone, so the
// server, the browser and the tests derive it one way; the n-th follow-up after an exit fulfils the
// n-th planned visit (a visit made early still counts: the cadre went); a follow-up that finds the
// family fallen back ends the schedule.
import { z } from 'zod';
import { addDays, parseIsoDate } from './dates.js';

export const FOLLOW_UP_OUTCOMES = ['stable', 'fallenBack'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, string> = { stable: '稳定脱困', fallenBack: '返困' };

export const DEFAULT_FOLLOW_UP_MONTHS: readonly number[] = [3, 6, 12];
/** A planned visit shows as 待回访 (due) this many days before its day. */
export const FOLLOW_UP_NOTICE_DAYS = 30;

const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `YYYY-MM-DD` moved by whole months; a day the target month lacks becomes its last (01-31 + 1 → 02-28). */
export function addMonths(day: string, months: number): string {
  const p = parseIsoDate(day);
  if (!p) throw new Error(`not a date: ${day}`);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return ymd(y, m, Math.min(p.d, lastDayOf(y, m)));
}

/**
 * The latest exit date whose visit `months` after it falls on or before `day`: a visit is due by
 * `day` exactly when the exit is on or before this. It lets SQL compare stored exit dates with one
 * threshold per planned visit instead of adding months to every row.
 */
export function latestExitFor(day: string, months: number): string {
  const p = parseIsoDate(day);
  if (!p) throw new Error(`not a date: ${day}`);
  const back = addMonths(day, -months);
  // on a month's last day every later day of the month `months` earlier maps onto it too
  if (p.d !== lastDayOf(p.y, p.m)) return back;
  const b = parseIsoDate(back)!;
  return ymd(b.y, b.m, lastDayOf(b.y, b.m));
}

/** The days of the planned visits after an exit. */
export function followUpSchedule(exitDate: string, months: readonly number[]): string[] {
  return months.map((m) => addMonths(exitDate, m));
}

export interface PlannedVisit {
  seq: number;
  dueOn: string;
  doneOn: string | null;
  outcome: FollowUpOutcome | null;
}

export interface FollowUpState {
  visits: PlannedVisit[];
  /** the first planned visit not yet made */
  next: { seq: number; dueOn: string } | null;
  /** its day has passed */
  overdue: boolean;
  /** its day is within the notice days, or has passed */
  due: boolean;
  daysOverdue: number;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Where an exit's follow-ups stand on `today`, given the follow-ups made since it (any order). */
export function followUpState(
  exitDate: string, months: readonly number[], made: readonly { date: string; outcome: FollowUpOutcome }[], today: string, noticeDays = FOLLOW_UP_NOTICE_DAYS,
): FollowUpState {
  const sorted = [...made].sort((a, b) => a.date.localeCompare(b.date));
  const visits = followUpSchedule(exitDate, months).map((dueOn, i) => ({
    seq: i + 1, dueOn, doneOn: sorted[i]?.date ?? null, outcome: sorted[i]?.outcome ?? null,
  }));
  // a family found fallen back leaves the schedule: reopening the file is what follows
  const pending = made.some((m) => m.outcome === 'fallenBack') ? undefined : visits.find((v) => !v.doneOn);
  const next = pending ? { seq: pending.seq, dueOn: pending.dueOn } : null;
  const overdue = !!next && next.dueOn < today;
  return {
    visits, next, overdue,
    due: !!next && next.dueOn <= addDays(today, noticeDays),
    daysOverdue: overdue ? daysBetween(next!.dueOn, today) : 0,
  };
}

/** The planned months as the city union sets them: 1 to 6 visits, increasing, within five years. */
export const followUpMonthsSchema = z.array(
  z.number({ error: '回访间隔应为整数（月）' }).int({ error: '回访间隔应为整数（月）' }).min(1, { error: '回访间隔不能少于1个月' }).max(60, { error: '回访间隔不能超过60个月' }),
  { error: '请填写回访安排（脱困后第几个月回访）' },
).min(1, { error: '至少安排一次回访' }).max(6, { error: '最多安排6次回访' })
  .refine((a) => a.every((m, i) => i === 0 || m > a[i - 1]), { error: '回访安排应按月数从小到大排列，且不能重复' });

/** What a follow-up says, as the API and the form take it (a fallen-back note becomes the reopening's reason: 500 at most). */
export const followUpInputSchema = z.object({
  date: z.string({ error: '请填写回访日期' }).refine((s) => parseIsoDate(s) !== null, { error: '回访日期应为有效日期，格式 YYYY-MM-DD' }),
  outcome: z.enum(FOLLOW_UP_OUTCOMES, { error: '回访结论应为 stable（稳定脱困）或 fallenBack（返困）' }),
  note: z.string({ error: '请填写回访情况' }).trim().min(2, { error: '请填写回访情况（至少2个字）' }).max(400, { error: '回访情况不能超过400个字' }),
});
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

/** The reason a fallen-back follow-up reopens the file with. */
export const fallenBackReason = (date: string, note: string) => `${date}脱困回访发现返困：${note}`;
