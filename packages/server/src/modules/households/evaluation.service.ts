// Stores a file's identification result (with the file and policy version it came from and the
// urgency scored from it) and takes core's removal-proposal step (proposalStep) in the same
// transaction: a filed file that meets no condition has one pending proposal.
import { proposalNeedsHistory, proposalStep, removalReasonOf, type HouseholdData, type IdentifyResult } from '@bangfu/core';
import type { Insertable } from 'kysely';
import type { RemovalProposalTable } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';
import type { ProposalChange } from './households.repository.js';
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
 * Computes and stores the result of one stored file; the caller's transaction holds it all (a file
 * being inserted takes its result with it: evaluateNew).
 */
export async function evaluateAndStore(
  trx: Q, householdId: number, data: HouseholdData, fileVersion: number, status: string, opts: { cache?: EvaluationCache } = {},
): Promise<Evaluated> {
  const { result, assistance } = await identifyFile(trx, data, opts.cache);
  const before = await repo.storedOutcome(trx, householdId);
  const pending = await repo.pendingProposalId(trx, householdId);
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

export interface ComputedResult {
  file: StoredFileRef;
  result: IdentifyResult;
  /** the urgency columns, when the caller scored them (every item of one call alike) */
  urgency?: ReturnType<typeof urgencyColumns>;
  /** the file's row as read in this transaction: then only the columns that change are written */
  stored?: Record<string, unknown>;
}

/** Writes a computed result (and the urgency columns when given) and takes the proposal step. */
export async function applyResult(trx: Q, f: StoredFileRef, result: IdentifyResult, at: string, urgency?: ReturnType<typeof urgencyColumns>): Promise<void> {
  await applyResults(trx, [{ file: f, result, urgency }], at);
}

/**
 * Writes many computed results at once (a re-evaluation's batch): the files' columns and their
 * household_results rows in a few statements, then each file's proposal step, the steps' writes
 * grouped by kind.
 */
export async function applyResults(trx: Q, items: readonly ComputedResult[], at: string): Promise<void> {
  if (items.length === 0) return;
  const stored = new Map(items.flatMap((x) => (x.stored ? [[x.file.id, x.stored] as const] : [])));
  await repo.setIdentificationMany(trx, items.map((x) => ({ id: x.file.id, ...identificationColumns(x.result, x.file.fileVersion, at), ...x.urgency })), stored);
  await takeProposalSteps(trx, items, at);
}

/**
 * The result of a file about to be inserted: its columns (identification and urgency) go in with
 * the file's own row instead of an UPDATE right after; the caller then takes the proposal step.
 */
export async function evaluateNew(trx: Q, data: HouseholdData, fileVersion: number, at: string, cache?: EvaluationCache) {
  const { result, assistance } = await identifyFile(trx, data, cache);
  return { result, columns: { ...identificationColumns(result, fileVersion, at), ...urgencyColumns(data, result, assistance) } };
}

/** Core's removal-proposal step of each file, the steps' writes grouped by kind. */
export async function takeProposalSteps(trx: Q, items: readonly Pick<ComputedResult, 'file' | 'result'>[], at: string): Promise<void> {
  if (items.length === 0) return;
  const facts = items.map((x) => ({ eligible: x.result.eligible, status: x.file.status, hasPending: x.file.pendingProposalId !== null, wasIneligible: x.file.wasIneligible }));
  const history = await repo.lastProposalStatuses(trx, items.filter((_, i) => proposalNeedsHistory(facts[i])).map((x) => x.file.id));
  const proposals: Insertable<RemovalProposalTable>[] = [];
  const refreshed: ProposalChange[] = [];
  const withdrawn: ProposalChange[] = [];
  items.forEach(({ file: f, result }, i) => {
    const step = proposalStep({ ...facts[i], lastProposalStatus: history.get(f.id) ?? null });
    // the proposal's copy of the result only for the few files whose proposal it goes into
    const fields = () => ({ reason: removalReasonOf(result), result: JSON.stringify(result), file_version: f.fileVersion, policy_version: result.policy.version });
    if (step.kind === 'refresh') refreshed.push({ id: f.pendingProposalId!, ...fields() });
    else if (step.kind === 'propose') proposals.push({ household_id: f.id, region_code: f.regionCode, status: 'pending', created_at: at, ...fields() });
    else if (step.kind === 'withdraw') withdrawn.push({ id: f.pendingProposalId!, status: 'withdrawn', decided_at: at, note: step.note });
  });
  await repo.insertProposals(trx, proposals);
  await repo.updateProposalsMany(trx, refreshed);
  await repo.updateProposalsMany(trx, withdrawn);
}
