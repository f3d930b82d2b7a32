// An organization's submission state for a deadline from its submissions (newest first): what it
// may do now (上报数据, 重新上报 after a return, nothing while one waits or once accepted).
import type { SubmissionState } from '@bangfu/core';
import type { Campaign, Submission } from '../../api/campaigns';
import { nextDeadline } from './campaignText';

/** The newest submission of this organization to this deadline, or null (未上报). */
export function latestSubmission(items: readonly Submission[], deadlineId: number, orgCode: string): Submission | null {
  let best: Submission | null = null;
  for (const s of items) if (s.deadlineId === deadlineId && s.orgCode === orgCode && (!best || s.id > best.id)) best = s;
  return best;
}

export function stateOf(latest: Submission | null): SubmissionState {
  return latest ? latest.status : 'none';
}

export type SubmitAction = 'submit' | 'resubmit' | null;

/** 上报数据 when none yet, 重新上报 after a return; null while one waits for the city or once accepted. */
export function submitAction(latest: Submission | null): SubmitAction {
  if (!latest) return 'submit';
  return latest.status === 'returned' ? 'resubmit' : null;
}

/** The deadline a submission is for by default: the next data deadline (else the next of any kind). */
export function defaultDeadline(c: Pick<Campaign, 'deadlines'>): Campaign['deadlines'][number] | null {
  return nextDeadline(c.deadlines, 'data') ?? nextDeadline(c.deadlines);
}

/** Whether the user's organization must submit for this campaign. */
export function mustSubmit(c: Pick<Campaign, 'requiredOrgs'>, orgCode: string): boolean {
  return c.requiredOrgs.some((o) => o.code === orgCode);
}
