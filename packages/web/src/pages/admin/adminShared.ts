// Small pure helpers of the 系统管理 pages (tested in adminShared.test.ts).
import type { FieldError } from '@bangfu/core';
import { PASSWORD_MIN as PASSWORD_MIN_LENGTH, passwordProblem as passwordOk } from '@bangfu/core';
import { ApiError } from '../../api/request';

/** The lines to list after a failed import: each row's message (第 3 行：…), else the error itself. */
export function importErrorLines(e: unknown): string[] {
  if (e instanceof ApiError) {
    const lines = e.fieldErrors.map((f) => f.message).filter((m) => !!m);
    return lines.length ? [...new Set(lines)] : [e.message];
  }
  return [e instanceof Error && e.message ? e.message : '导入失败，请稍后重试'];
}

/** The rows an import error names, sorted ('rows[3].parentCode' → 3). */
export function importErrorRows(errors: readonly FieldError[]): number[] {
  const rows = new Set<number>();
  for (const e of errors) {
    const m = /^rows\[(\d+)\]/.exec(e.path);
    if (m) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

/** The server's password rule, from core: checked before sending. */
export { PASSWORD_MIN, passwordProblem } from '@bangfu/core';

/** The server's username rule. */
export function usernameProblem(username: string | undefined): string | null {
  const u = (username ?? '').trim();
  if (!u) return '请填写用户名';
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(u)) return '用户名应为3至32位字母、数字、下划线、点或横线';
  return null;
}

const PASSWORD_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random 12-character password without look-alike characters (0/O, 1/l/I). */
export function generatePassword(length = 12, random: (n: number) => number = cryptoRandom): string {
  // drawn again until it mixes kinds of characters as the rule asks (a few draws at most)
  for (let attempt = 0; ; attempt++) {
    let out = '';
    for (let i = 0; i < length; i++) out += PASSWORD_CHARS[random(PASSWORD_CHARS.length)];
    if (length < PASSWORD_MIN_LENGTH || attempt >= 50 || passwordOk(out, undefined) === null) return out;
  }
}

function cryptoRandom(n: number): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0] % n;
}
