import { identify, parseHousehold, parseYuan, policyForLine, type IdentifyResult } from '@bangfu/core';
import type { Q } from '../households/households.repository.js';
import { validationFailed } from '../../lib/errors.js';
import { policyFor } from '../policy/policy.repository.js';

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
