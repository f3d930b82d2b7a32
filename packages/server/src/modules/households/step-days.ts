// The days a file reaches its review steps (migration 024): what "as of a day" reads. Written with
// the status by every action that moves it, so that a file's status on any day follows from its row.
import { todayInChina, type LifecycleAction } from '@bangfu/core';

/**
 * The review steps' days an action writes (migration 024): a submission starts a new round, the
 * reviews and the closing of a file date their step. An exit is dated by its 脱困日期, never before
 * the filing (the steps' days do not decrease).
 */
export function stepDays(action: LifecycleAction, at: string, filedOn: string | null, exitDate?: string): Record<string, string | null> {
  const day = todayInChina(new Date(at));
  switch (action) {
    case 'submit': return { submitted_on: day, approved_on: null, filed_on: null, ended_on: null };
    case 'unitAgree': return { approved_on: day };
    case 'cityAgree': return { filed_on: day };
    case 'remove': return { ended_on: day };
    case 'exit': return { ended_on: filedOn && exitDate! < filedOn ? filedOn : exitDate! };
    case 'reopen': return { ended_on: null };
    default: return {};
  }
}
