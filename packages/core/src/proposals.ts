// The removal-proposal rule (剔除建议): a filed (已建档) file that meets no condition has one
// pending proposal; a file that qualifies again, cannot be decided, or leaves 已建档 has none.
// A person's "do not remove" stands while the file stays ineligible: it is proposed again only
// after it has qualified in between. The server stores a result and then takes this step.
import type { HouseholdStatus } from './enums.js';
import type { IdentifyResult } from './identify.js';
import type { ProposalStatus } from './statuses.js';

export interface ProposalFacts {
  /** the new result's eligibility */
  eligible: boolean | null;
  /** the file's status after the change being stored */
  status: HouseholdStatus | string;
  hasPending: boolean;
  /** the stored result before this one was "meets no condition" */
  wasIneligible: boolean;
  /** how the file's latest proposal ended; only asked for when proposalNeedsHistory says so */
  lastProposalStatus?: ProposalStatus | string | null;
}

export type ProposalStep =
  | { kind: 'none' }
  /** the pending proposal takes the new result and reason */
  | { kind: 'refresh' }
  | { kind: 'propose' }
  | { kind: 'withdraw'; note: string };

/** Whether the step depends on how the latest proposal ended (so the caller reads it only then). */
export function proposalNeedsHistory(f: ProposalFacts): boolean {
  return f.eligible === false && f.status === 'filed' && !f.hasPending && f.wasIneligible;
}

export function proposalStep(f: ProposalFacts): ProposalStep {
  if (f.eligible === false && f.status === 'filed') {
    if (f.hasPending) return { kind: 'refresh' };
    if (f.wasIneligible && f.lastProposalStatus === 'rejected') return { kind: 'none' };
    return { kind: 'propose' };
  }
  if (f.hasPending)
    return { kind: 'withdraw', note: f.status === 'filed' ? '重新识别后符合条件或无法判定，建议自动撤回' : '档案已不在已建档状态，建议自动撤回' };
  return { kind: 'none' };
}

/** The reason a proposal gives, and the removal takes when confirmed. */
export function removalReasonOf(r: Pick<IdentifyResult, 'explanation'>): string {
  return `经精准识别，三项条件均不符合：${r.explanation}`;
}
