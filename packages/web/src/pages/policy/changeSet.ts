// The pending edits of the 低保标准 page: line amounts changed, lines added or removed, the two
// ratios. Kept as the text the user typed; turned into the body of POST /api/policy/preview and
// PUT /api/policy only when valid. Pure functions, so the page's state is easy to reason about.
import { MONTHLY_LINE_MAX_MESSAGE, MONTHLY_LINE_MAX_YUAN, fenToYuan, formatYuan, parseRatio, parseYuan, unusualLineReason, type FieldError } from '@bangfu/core';
import type { Policy, PolicyChangeBody, PolicyChangeItem, PolicyLine } from '../../api/policy';

/** One edited line. `monthlyLine` is the amount as typed (yuan), or null: remove the line. */
export interface LineEdit {
  regionCode: string;
  year: number;
  monthlyLine: string | null;
}

export interface ChangeSet {
  /** by lineKey */
  lines: Record<string, LineEdit>;
  marginalRatio?: string;
  expenseRatio?: string;
}

export type RatioKey = 'marginalRatio' | 'expenseRatio';

export const RATIO_LABELS: Record<RatioKey, string> = { marginalRatio: '边缘户比例', expenseRatio: '支出比例' };
export const RATIO_MAX = 10;

export const EMPTY_CHANGES: ChangeSet = { lines: {} };

/** "H01_2016": also the tail of the amount input's id, #policy_line_H01_2016. */
export const lineKey = (regionCode: string, year: number) => `${regionCode}_${year}`;

export const lineInputId = (regionCode: string, year: number) => `policy_line_${lineKey(regionCode, year)}`;

function currentLine(policy: Policy, regionCode: string, year: number): PolicyLine | undefined {
  return policy.lines.find((l) => l.regionCode === regionCode && l.year === year);
}

function fenOf(v: unknown): number | null {
  const r = parseYuan(v);
  return r.ok ? r.fen : null;
}

/** Sets a line's amount. Typing the stored amount back drops the edit. */
export function setLineAmount(cs: ChangeSet, policy: Policy, regionCode: string, year: number, text: string): ChangeSet {
  const key = lineKey(regionCode, year);
  const cur = currentLine(policy, regionCode, year);
  const lines = { ...cs.lines };
  const typed = fenOf(text);
  if (cur && typed !== null && typed === fenOf(cur.monthlyLine)) delete lines[key];
  else lines[key] = { regionCode, year, monthlyLine: text };
  return { ...cs, lines };
}

/** Adds a line that does not exist yet (or replaces a pending edit of it). */
export function addLine(cs: ChangeSet, policy: Policy, regionCode: string, year: number, text: string): ChangeSet {
  return setLineAmount(cs, policy, regionCode, year, text);
}

/** Removes a stored line; a line only added in this change set is simply dropped. */
export function removeLine(cs: ChangeSet, policy: Policy, regionCode: string, year: number): ChangeSet {
  const key = lineKey(regionCode, year);
  const lines = { ...cs.lines };
  if (currentLine(policy, regionCode, year)) lines[key] = { regionCode, year, monthlyLine: null };
  else delete lines[key];
  return { ...cs, lines };
}

/** Forgets the pending edit of one line. */
export function undoLine(cs: ChangeSet, regionCode: string, year: number): ChangeSet {
  const lines = { ...cs.lines };
  delete lines[lineKey(regionCode, year)];
  return { ...cs, lines };
}

const sameRatio = (a: string, b: string) => {
  const x = parseRatio(a);
  const y = parseRatio(b);
  return x !== null && y !== null && x.num * y.den === y.num * x.den;
};

/** Sets a ratio; typing the stored value back (1.30 for 1.3 too) drops the edit. */
export function setRatio(cs: ChangeSet, policy: Policy, key: RatioKey, text: string): ChangeSet {
  const next = { ...cs };
  if (text.trim() === policy[key] || sameRatio(text, policy[key])) delete next[key];
  else next[key] = text;
  return next;
}

/** Drops edits that the (reloaded) policy already has, e.g. after someone else saved the same. */
export function pruneChangeSet(cs: ChangeSet, policy: Policy): ChangeSet {
  let next: ChangeSet = { ...cs, lines: {} };
  for (const e of Object.values(cs.lines)) {
    const cur = currentLine(policy, e.regionCode, e.year);
    if (e.monthlyLine === null) {
      if (cur) next.lines[lineKey(e.regionCode, e.year)] = e;
    } else next = setLineAmount(next, policy, e.regionCode, e.year, e.monthlyLine);
  }
  for (const k of ['marginalRatio', 'expenseRatio'] as const) {
    const v = cs[k];
    if (v !== undefined) next = setRatio(next, policy, k, v);
  }
  return next;
}

export function pendingCount(cs: ChangeSet): number {
  return Object.keys(cs.lines).length + (cs.marginalRatio !== undefined ? 1 : 0) + (cs.expenseRatio !== undefined ? 1 : 0);
}

/** The message for a typed line amount, or null when it is fine. */
export function lineAmountError(text: string): string | null {
  if (text.trim() === '') return '请填写每月低保标准';
  const r = parseYuan(text);
  if (!r.ok) return r.message;
  if (r.fen === 0) return '低保标准必须大于 0';
  if (r.fen > MONTHLY_LINE_MAX_YUAN * 100) return MONTHLY_LINE_MAX_MESSAGE;
  return null;
}

/** Why a valid typed amount looks wrong (asked before saving), or null. */
export function lineAmountWarning(policy: Policy, e: LineEdit): string | null {
  if (e.monthlyLine === null || lineAmountError(e.monthlyLine)) return null;
  const cur = currentLine(policy, e.regionCode, e.year);
  return unusualLineReason(fenOf(e.monthlyLine) as number, cur ? fenOf(cur.monthlyLine) : null);
}

/** Same rule as the server: decimal text, more than 0, at most 10, at most 6 decimals. */
export function ratioError(key: RatioKey, text: string): string | null {
  const label = RATIO_LABELS[key];
  const t = text.trim();
  if (t === '') return `请填写${label}`;
  const r = parseRatio(t);
  if (!r || r.num === 0n || Number(t) > RATIO_MAX)
    return `${label}应为大于 0、不超过 ${RATIO_MAX} 的小数（最多6位小数），例如 ${key === 'marginalRatio' ? '1.3' : '0.5'}`;
  return null;
}

/** Errors by field key: a lineKey, 'marginalRatio' or 'expenseRatio'. */
export type ChangeErrors = Record<string, string>;

export function validateChangeSet(cs: ChangeSet): ChangeErrors {
  const errors: ChangeErrors = {};
  for (const [key, e] of Object.entries(cs.lines)) {
    if (e.monthlyLine === null) continue;
    const msg = lineAmountError(e.monthlyLine);
    if (msg) errors[key] = msg;
  }
  for (const k of ['marginalRatio', 'expenseRatio'] as const) {
    const v = cs[k];
    if (v === undefined) continue;
    const msg = ratioError(k, v);
    if (msg) errors[k] = msg;
  }
  return errors;
}

/** Lines ordered as the table shows them: newest year first, then region code. */
function byYearRegion(a: { year: number; regionCode: string }, b: { year: number; regionCode: string }): number {
  return b.year - a.year || a.regionCode.localeCompare(b.regionCode);
}

export interface ChangeRequest {
  body: PolicyChangeBody;
  /** lineKey of body.lines[i], to put the server's `lines[i].monthlyLine` errors back on their input */
  lineKeys: string[];
}

/**
 * The body of preview/save, or the errors that stop it. Amounts go as yuan numbers exact to the
 * fen; ratios as trimmed text.
 */
export function toRequestBody(cs: ChangeSet): { ok: true; request: ChangeRequest } | { ok: false; errors: ChangeErrors } {
  const errors = validateChangeSet(cs);
  if (Object.keys(errors).length) return { ok: false, errors };
  const edits = Object.values(cs.lines).sort(byYearRegion);
  const body: PolicyChangeBody = {
    lines: edits.map((e) => ({ regionCode: e.regionCode, year: e.year, monthlyLine: e.monthlyLine === null ? null : fenToYuan(fenOf(e.monthlyLine) as number) })),
  };
  if (cs.marginalRatio !== undefined) body.marginalRatio = cs.marginalRatio.trim();
  if (cs.expenseRatio !== undefined) body.expenseRatio = cs.expenseRatio.trim();
  return { ok: true, request: { body, lineKeys: edits.map((e) => lineKey(e.regionCode, e.year)) } };
}

/** The server's 400 errors (lines[0].monthlyLine, lines[1], marginalRatio …) by field key. */
export function serverErrorsToKeys(errors: readonly FieldError[], lineKeys: readonly string[]): { byKey: ChangeErrors; other: string[] } {
  const byKey: ChangeErrors = {};
  const other: string[] = [];
  for (const e of errors) {
    const m = /^lines\[(\d+)\]/.exec(e.path);
    const key = m ? lineKeys[Number(m[1])] : e.path === 'marginalRatio' || e.path === 'expenseRatio' ? e.path : undefined;
    if (key && !byKey[key]) byKey[key] = e.message;
    else if (!key) other.push(e.message);
  }
  return { byKey, other };
}

export type RowState = 'unchanged' | 'changed' | 'added' | 'removed';

export interface LineRow {
  key: string;
  regionCode: string;
  regionName: string;
  year: number;
  /** the stored line, or null for one added in this change set */
  current: PolicyLine | null;
  /** the pending edit, if any */
  edit: LineEdit | undefined;
  state: RowState;
  /** the amount to show in the input: the pending text or the stored amount */
  amountText: string;
}

/** Stored lines merged with pending edits, for the table. */
export function mergedRows(policy: Policy, cs: ChangeSet, regionName: (code: string) => string): LineRow[] {
  const rows: LineRow[] = policy.lines.map((l) => {
    const key = lineKey(l.regionCode, l.year);
    const edit = cs.lines[key];
    const state: RowState = !edit ? 'unchanged' : edit.monthlyLine === null ? 'removed' : 'changed';
    return {
      key,
      regionCode: l.regionCode,
      regionName: l.regionName || regionName(l.regionCode),
      year: l.year,
      current: l,
      edit,
      state,
      amountText: edit && edit.monthlyLine !== null ? edit.monthlyLine : plainYuan(l.monthlyLine),
    };
  });
  for (const [key, edit] of Object.entries(cs.lines)) {
    if (currentLine(policy, edit.regionCode, edit.year) || edit.monthlyLine === null) continue;
    rows.push({ key, regionCode: edit.regionCode, regionName: regionName(edit.regionCode), year: edit.year, current: null, edit, state: 'added', amountText: edit.monthlyLine });
  }
  return rows.sort(byYearRegion);
}

/**
 * A pending edit as a change item, old → new, the way the server will describe it; an amount that
 * is not valid yet carries its error (and is not a removal), a valid but unusual one its question.
 */
export type PendingItem = PolicyChangeItem & { problem?: string; unusual?: string };

export function pendingChangeItems(cs: ChangeSet, policy: Policy): PendingItem[] {
  const out: PendingItem[] = Object.values(cs.lines)
    .sort(byYearRegion)
    .map((e) => {
      const cur = currentLine(policy, e.regionCode, e.year);
      const problem = e.monthlyLine === null ? null : lineAmountError(e.monthlyLine);
      const unusual = lineAmountWarning(policy, e);
      const fen = e.monthlyLine === null || problem ? null : fenOf(e.monthlyLine);
      return {
        item: 'monthlyLine' as const, regionCode: e.regionCode, year: e.year, old: cur ? cur.monthlyLine : null, new: fen === null ? null : fenToYuan(fen),
        ...(problem ? { problem } : {}), ...(unusual ? { unusual } : {}),
      };
    });
  for (const k of ['marginalRatio', 'expenseRatio'] as const) {
    const v = cs[k];
    if (v !== undefined) out.push({ item: k, old: policy[k], new: v.trim() });
  }
  return out;
}

/** 500 → "500", 537.5 → "537.50", 1200 → "1,200": a line as people write it. */
export function plainYuan(yuan: number | string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '';
  const r = parseYuan(yuan);
  if (!r.ok) return String(yuan);
  const s = formatYuan(r.fen);
  return s.endsWith('.00') ? s.slice(0, -3) : s;
}

/**
 * One change in words:
 * 「京山 2016年 低保标准 500 → 520 元」「新增 京山 2017年 低保标准 550 元」
 * 「删除 京山 2016年 低保标准（原 500 元）」「边缘户比例 1.3 → 1.2」.
 */
export function changeText(c: PendingItem, regionName: (code: string) => string): string {
  if (c.item === 'monthlyLine') {
    const where = `${regionName(c.regionCode)} ${c.year}年 低保标准`;
    if (c.problem) return `${where}：${c.problem}`;
    if (c.old === null && c.new === null) return where;
    if (c.old === null) return `新增 ${where} ${plainYuan(c.new)} 元`;
    if (c.new === null) return `删除 ${where}（原 ${plainYuan(c.old)} 元）`;
    return `${where} ${plainYuan(c.old)} → ${plainYuan(c.new)} 元`;
  }
  const label = RATIO_LABELS[c.item] ?? c.item;
  return `${label} ${c.old} → ${c.new}`;
}
