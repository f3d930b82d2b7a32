// `bangfu identify [--line 500] < households.jsonl`: one household JSON a line in, one result
// JSON a line out, in the same order. A bad line gets {"error":…} and the rest go on.
import readline from 'node:readline';
import { identify, parseHousehold, parseYuan, policyForLine } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { policyFor } from '../modules/policy/policy.repository.js';

type Out = (line: string) => void;

export async function identifyStream(input: NodeJS.ReadableStream, out: Out, opts: { line?: string; db?: Db }): Promise<{ ok: number; failed: number }> {
  let lineFen: number | null = null;
  if (opts.line !== undefined) {
    const m = parseYuan(opts.line);
    if (!m.ok || m.fen === 0) throw new Error(`--line must be a monthly line in yuan greater than 0, e.g. 500 or 537.5 (${m.ok ? 'got 0' : m.message})`);
    lineFen = m.fen;
  } else if (!opts.db) throw new Error('without --line the stored policy is used, which needs the database');
  let ok = 0;
  let failed = 0;
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const text = raw.trim();
    if (!text) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      out(JSON.stringify({ error: { code: 'INVALID_JSON', message: `第 ${n} 行不是有效的 JSON`, errors: [] } }));
      failed++;
      continue;
    }
    // the worked examples wrap the file as {"household": …}; accept both shapes
    const household = json && typeof json === 'object' && 'household' in json ? (json as { household: unknown }).household : json;
    const parsed = parseHousehold(household);
    if (!parsed.ok) {
      out(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: `第 ${n} 行有 ${parsed.errors.length} 处错误`, errors: parsed.errors } }));
      failed++;
      continue;
    }
    const h = parsed.data;
    const policy = lineFen !== null ? policyForLine(h, lineFen) : await policyFor(opts.db!, h.regionCode, Number(h.fillDate.slice(0, 4)));
    out(JSON.stringify(identify(h, policy)));
    ok++;
  }
  return { ok, failed };
}
