// The browser maps only codes a request can carry: core's list of what the server sends, or the
// two the browser gives itself. A page checking a code the server never sends fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@bangfu/core';
import { CLIENT_ERROR_CODES, messageOfCode } from './request';

const SRC = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

const PATTERNS = [/isApiError\([^,()]+,\s*'([A-Z_]+)'\)/g, /\.code\s*[!=]==?\s*'([A-Z_]+)'/g, /new ApiError\(\s*\d+,\s*'([A-Z_]+)'/g];

describe('error codes the web maps', () => {
  const known = new Set<string>([...Object.keys(ERROR_CODES), ...Object.keys(CLIENT_ERROR_CODES)]);

  it('are all codes the server can send (or the browser\'s own)', () => {
    const unknown: string[] = [];
    for (const file of sources(SRC))
      for (const re of PATTERNS)
        for (const m of fs.readFileSync(file, 'utf8').matchAll(re))
          if (!known.has(m[1])) unknown.push(`${path.relative(SRC, file)}: ${m[1]}`);
    expect(unknown).toEqual([]);
  });

  it('gives every code a Chinese message', () => {
    for (const code of known) expect(messageOfCode(code)).toMatch(/[\u4e00-\u9fff]/);
    expect(messageOfCode('SOMETHING_ELSE', 418)).toBe('请求失败（418）');
  });
});
