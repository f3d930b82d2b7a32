// Stores a file's identification result (with the file and policy version it came from and the
// urgency scored from it) and takes core's removal-proposal step (proposalStep) in the same
// transaction: a filed file that meets no condition has one pending proposal.
import { proposalNeedsHistory, proposalStep, removalReasonOf, type HouseholdData, type IdentifyResult } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { identifyFile, type EvaluationCache } from '../identification/identification.service.js';
import { identificationColumns, urgencyColumns } from './household.mapping.js';
import * as repo from './households.repository.js';

export { newEvaluationCache, type EvaluationCache } from '../identification/identification.service.js';

export interface Evaluated {
  result: IdentifyResult;
  before: { eligible: number | null; category: string | null };
}

/**
 * Computes and stores the result of one live file; the caller's transaction holds it all.
 * `fresh`: the file was inserted in this transaction, so it has no earlier result or proposal.
 */
export async function evaluateAndStore(
  trx: Q, householdId: number, data: HouseholdData, fileVersion: number, status: string, opts: { cache?: EvaluationCache; fresh?: boolean } = {},
): Promise<Evaluated> {
  const { result, assistance } = await identifyFile(trx, data, opts.cache);
  const before = opts.fresh ? { id_eligible: null, id_category: null } : await repo.storedOutcome(trx, householdId);
  const pending = opts.fresh ? null : await repo.pendingProposalId(trx, householdId);
  await applyResult(trx, { id: householdId, regionCode: data.regionCode, fileVersion, status, pendingProposalId: pending, wasIneligible: before.id_eligible === 0 },
    result, nowIso(), urgencyColumns(data, result, assistance));
  return { result, before: { eligible: before.id_eligible, category: before.id_category } };
}

export interface StoredFileRef {
  id: number;
  regionCode: string;
  fileVersion: number;
  /** only filed files are proposed for removal; a draft or a file under review is the reviewers' */
  status: string;
  pendingProposalId: number | null;
  /** the stored result before this one was "meets no condition" */
  wasIneligible: boolean;
}

/** Writes a computed result (and the urgency columns when given) and takes the proposal step. */
export async function applyResult(trx: Q, f: StoredFileRef, result: IdentifyResult, at: string, urgency: Partial<ReturnType<typeof urgencyColumns>> = {}): Promise<void> {
  await repo.setHouseholdColumns(trx, f.id, { ...identificationColumns(result, f.fileVersion, at), ...urgency });
  const facts = { eligible: result.eligible, status: f.status, hasPending: f.pendingProposalId !== null, wasIneligible: f.wasIneligible };
  const step = proposalStep({ ...facts, lastProposalStatus: proposalNeedsHistory(facts) ? await repo.lastProposalStatus(trx, f.id) : null });
  const fields = { reason: removalReasonOf(result), result: JSON.stringify(result), file_version: f.fileVersion, policy_version: result.policy.version };
  if (step.kind === 'refresh') await repo.updateProposal(trx, f.pendingProposalId!, fields);
  else if (step.kind === 'propose') await repo.insertProposal(trx, { household_id: f.id, region_code: f.regionCode, status: 'pending', created_at: at, ...fields });
  else if (step.kind === 'withdraw') await repo.updateProposal(trx, f.pendingProposalId!, { status: 'withdrawn', decided_at: at, note: step.note });
}
