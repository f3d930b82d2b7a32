import { Readable } from 'node:stream';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifyStream } from './identify.js';

const examples = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../../core/test/fixtures/identify-examples.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

async function run(lines: string[], line?: string) {
  const out: string[] = [];
  const r = await identifyStream(Readable.from(lines.map((l) => `${l}\n`)), (s) => out.push(s), { line });
  return { ...r, out: out.map((s) => JSON.parse(s)) };
}

describe('bangfu identify', () => {
  it('answers each public example line by line with the spec fields', async () => {
    const atLine500 = examples.filter((e) => e.line === 500);
    const { out, ok } = await run(atLine500.map((e) => JSON.stringify(e.household)), '500');
    expect(ok).toBe(atLine500.length);
    out.forEach((r, i) => expect(r).toMatchObject(atLine500[i].expected));
  });

  it('keeps the order and reports a bad line in place without stopping', async () => {
    const good = JSON.stringify(examples[0].household);
    const bad = JSON.stringify({ ...examples[0].household, idNumber: '110105194912310021', category: '贫困户' });
    const { out, ok, failed } = await run([good, bad, '{not json', good], '500');
    expect([ok, failed]).toEqual([2, 2]);
    expect(out[0].eligible).toBe(true);
    expect(out[1].error.code).toBe('VALIDATION_FAILED');
    expect(out[1].error.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['idNumber', 'category']));
    expect(out[2].error.code).toBe('INVALID_JSON');
    expect(out[3].eligible).toBe(true);
  });

  it('accepts lines with jiao and refuses a bad --line', async () => {
    const { out } = await run([JSON.stringify(examples[0].household)], '537.5');
    expect(out[0].annualLine).toBe(6450);
    await expect(run([], 'abc')).rejects.toThrow(/--line/);
  });
});
