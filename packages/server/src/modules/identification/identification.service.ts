// Identification as the server runs it: core's identify() under the policy in force for the
// file's region and year. Stores nothing: the households module stores results with the file.
import { identify, parseHousehold, parseYuan, policyForLine, type HouseholdData, type IdentifyPolicy, type IdentifyResult } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { validationFailed } from '../../lib/errors.js';
import { policyFor } from '../policy/policy.repository.js';
import { getAssistanceSettings, type AssistanceSettings } from '../settings/settings.service.js';

/** Policies and settings read once for many files (an import writes thousands in one transaction). */
export interface EvaluationCache {
  policies: Map<string, IdentifyPolicy>;
  assistance?: AssistanceSettings;
}
export const newEvaluationCache = (): EvaluationCache => ({ policies: new Map() });

/** The result of a file under the policy in force, and the settings its urgency is scored with. */
export async function identifyFile(q: Q, data: HouseholdData, cache?: EvaluationCache): Promise<{ result: IdentifyResult; assistance: AssistanceSettings }> {
  const year = Number(data.fillDate.slice(0, 4));
  const key = `${data.regionCode}/${year}`;
  let p = cache?.policies.get(key);
  if (!p) {
    p = await policyFor(q, data.regionCode, year);
    cache?.policies.set(key, p);
  }
  const assistance = cache?.assistance ?? (await getAssistanceSettings(q));
  if (cache) cache.assistance = assistance;
  return { result: identify(data, p), assistance };
}

/** POST /api/identify and the CLI: a result for a file that is not stored. */
export async function identifyUnstored(q: Q, input: unknown): Promise<IdentifyResult> {
  const body = (input ?? {}) as { household?: unknown; monthlyLine?: unknown };
  const h = parseHousehold(body.household);
  const errors = h.ok ? [] : h.errors.map((e) => ({ path: e.path ? `household.${e.path}` : 'household', message: e.message }));
  let lineFen: number | undefined;
  if (body.monthlyLine !== undefined && body.monthlyLine !== null) {
    const m = parseYuan(body.monthlyLine as number | string);
    if (!m.ok || m.fen === 0) errors.push({ path: 'monthlyLine', message: m.ok ? '低保标准必须大于 0' : `低保标准：${m.message}` });
    else lineFen = m.fen;
  }
  if (errors.length || !h.ok) throw validationFailed(errors, 'identify request');
  if (lineFen !== undefined) return identify(h.data, policyForLine(h.data, lineFen));
  return identify(h.data, await policyFor(q, h.data.regionCode, Number(h.data.fillDate.slice(0, 4))));
}
