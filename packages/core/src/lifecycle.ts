// The state machine of a file: which action leads from which status to which. Who may take an
// action is the server's access rule; what the action needs (an opinion, a reason) is here so
// that the browser shows the same buttons the server accepts.
import type { HouseholdStatus } from './enums.js';

export const LIFECYCLE_ACTIONS = ['submit', 'unitAgree', 'unitReturn', 'cityAgree', 'cityReturn', 'remove', 'exit', 'reopen'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export interface Transition {
  from: readonly HouseholdStatus[];
  to: HouseholdStatus;
  label: string;
  /** what the person must write: an opinion, a reason */
  needs: 'none' | 'opinion' | 'reason';
}

export const TRANSITIONS: Record<LifecycleAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', label: '提交审核', needs: 'none' },
  unitAgree: { from: ['submitted'], to: 'unitApproved', label: '单位工会同意', needs: 'opinion' },
  unitReturn: { from: ['submitted'], to: 'draft', label: '单位工会退回', needs: 'opinion' },
  cityAgree: { from: ['unitApproved'], to: 'filed', label: '市总工会同意', needs: 'opinion' },
  cityReturn: { from: ['unitApproved'], to: 'draft', label: '市总工会退回', needs: 'opinion' },
  remove: { from: ['filed'], to: 'removed', label: '剔除', needs: 'reason' },
  exit: { from: ['filed'], to: 'exited', label: '脱困', needs: 'reason' },
  reopen: { from: ['removed', 'exited'], to: 'draft', label: '重新纳入', needs: 'reason' },
};

export function canTransition(action: LifecycleAction, from: HouseholdStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** What editing a file in this status means (the rules of docs/用户手册.md). */
export type EditRule = 'free' | 'withReason' | 'locked';

export function editRule(status: HouseholdStatus): EditRule {
  if (status === 'draft') return 'free';
  if (status === 'filed') return 'withReason';
  return 'locked';
}

/** The part of an identification result whose change sends an edited filed file back to review. */
export interface IdentificationOutcome {
  eligible: boolean | null;
  category: string | null;
}

/** An edited filed (已建档) file goes back to 待单位审核 when its eligibility or suggested category changes. */
export function editSendsBackToReview(status: HouseholdStatus, before: IdentificationOutcome, after: IdentificationOutcome): boolean {
  return status === 'filed' && (before.eligible !== after.eligible || before.category !== after.category);
}
