// Stores a file's identification result with the file version and policy version it came from,
// and keeps the removal proposal in step: a filed file that meets no condition has one pending
// proposal; a file that qualifies again (or cannot be decided) has none.
import { identify, urgencyOf, type HouseholdData, type IdentifyPolicy, type IdentifyResult } from '@bangfu/core';
import { getAssistanceSettings, type AssistanceSettings } from '../assistance/settings.service.js';
import type { Q } from '../households/households.repository.js';
import { nowIso } from '../../lib/clock.js';
import { policyFor } from '../policy/policy.repository.js';

const b = (v: boolean) => (v ? 1 : 0);

export function identificationColumns(r: IdentifyResult, fileVersion: number, at: string) {
  return {
    id_eligible: r.eligible === null ? null : b(r.eligible),
    id_c1: b(r.conditions.includes('C1')),
    id_c2: b(r.conditions.includes('C2')),
    id_c3: b(r.conditions.includes('C3')),
    id_special: b(r.specialReasons.length > 0),
    id_category: r.category,
    id_flag_mismatch: b(r.flags.includes('categoryMismatch')),
    id_flag_dibao_not_received: b(r.flags.includes('dibaoNotReceived')),
    id_flag_dibao_above: b(r.flags.includes('dibaoAboveLine')),
    id_flag_no_line: b(r.flags.includes('noLine')),
    id_policy_version: r.policy.version,
    id_file_version: fileVersion,
    id_result: JSON.stringify(r),
    id_at: at,
  };
}

export interface Evaluated {
  result: IdentifyResult;
  before: { eligible: number | null; category: string | null };
}

/** Policies and settings read once for many files (an import writes thousands in one transaction). */
export interface EvaluationCache {
  policies: Map<string, IdentifyPolicy>;
  assistance?: AssistanceSettings;
}
export const newEvaluationCache = (): EvaluationCache => ({ policies: new Map() });

/**
 * Computes and stores the result of one live file; the caller's transaction holds it all.
 * `fresh`: the file was inserted in this transaction, so it has no earlier result or proposal.
 */
export async function evaluateAndStore(
  trx: Q,
  householdId: number,
  data: HouseholdData,
  fileVersion: number,
  status: string,
  opts: { cache?: EvaluationCache; fresh?: boolean } = {},
): Promise<Evaluated> {
  const year = Number(data.fillDate.slice(0, 4));
  const key = `${data.regionCode}/${year}`;
  let p = opts.cache?.policies.get(key);
  if (!p) {
    p = await policyFor(trx, data.regionCode, year);
    opts.cache?.policies.set(key, p);
  }
  const assistance = opts.cache?.assistance ?? (await getAssistanceSettings(trx));
  if (opts.cache) opts.cache.assistance = assistance;
  const result = identify(data, p);
  const before = opts.fresh
    ? { id_eligible: null, id_category: null }
    : await trx.selectFrom('households').select(['id_eligible', 'id_category']).where('id', '=', householdId).executeTakeFirstOrThrow();
  const pending = opts.fresh ? undefined
    : await trx.selectFrom('removal_proposals').select('id').where('household_id', '=', householdId).where('status', '=', 'pending').executeTakeFirst();
  // the urgency that orders filed households into batches follows the same data and result
  await applyResult(trx, { id: householdId, regionCode: data.regionCode, fileVersion, status, pendingProposalId: pending?.id ?? null, wasIneligible: before.id_eligible === 0 },
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

/** Writes a computed result and syncs the proposal; the batch re-evaluation calls it directly. */
export async function applyResult(trx: Q, f: StoredFileRef, result: IdentifyResult, at: string, extra: Partial<ReturnType<typeof urgencyColumns>> = {}): Promise<void> {
  await trx.updateTable('households').set({ ...identificationColumns(result, f.fileVersion, at), ...extra }).where('id', '=', f.id).execute();
  await syncProposal(trx, f, result, at);
}

/** The urgency score's columns (分期分批) for a file and its result. */
export function urgencyColumns(data: HouseholdData, result: IdentifyResult | null, s: AssistanceSettings) {
  const u = urgencyOf(data, result, s.urgencyWeights, s.batchThresholds);
  return { urgency_score: u.score, urgency_batch: u.batch, urgency_parts: JSON.stringify(u.parts) };
}

export function removalReasonOf(r: IdentifyResult): string {
  return `经精准识别，三项条件均不符合：${r.explanation}`;
}

async function syncProposal(trx: Q, f: StoredFileRef, r: IdentifyResult, at: string) {
  if (r.eligible === false && f.status === 'filed') {
    const fields = { reason: removalReasonOf(r), result: JSON.stringify(r), file_version: f.fileVersion, policy_version: r.policy.version };
    if (f.pendingProposalId !== null) {
      await trx.updateTable('removal_proposals').set(fields).where('id', '=', f.pendingProposalId).execute();
      return;
    }
    // A person decided not to remove this household: while it stays ineligible, that decision
    // stands; it is proposed again only after it has qualified in between.
    if (f.wasIneligible) {
      const last = await trx.selectFrom('removal_proposals').select('status').where('household_id', '=', f.id).orderBy('id', 'desc').executeTakeFirst();
      if (last?.status === 'rejected') return;
    }
    await trx.insertInto('removal_proposals').values({ household_id: f.id, region_code: f.regionCode, status: 'pending', created_at: at, ...fields }).execute();
  } else if (f.pendingProposalId !== null) {
    await trx.updateTable('removal_proposals').set({ status: 'withdrawn', decided_at: at, note: f.status === 'filed' ? '重新识别后符合条件或无法判定，建议自动撤回' : '档案已不在已建档状态，建议自动撤回' }).where('id', '=', f.pendingProposalId).execute();
  }
}
