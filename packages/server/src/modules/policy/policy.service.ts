// The policy: lines per region and year and the two ratios, edited by the city union. A change
// is previewed (what-if) before it is saved; saving bumps the policy version, records old → new,
// and queues the re-evaluation of every affected file.
import { z } from 'zod';
import {
  MONTHLY_LINE_MAX_MESSAGE, MONTHLY_LINE_MAX_YUAN, fenToYuan, parseRatio, parseYuan, todayInChina, toFieldErrors,
  type MissingLinesResponse, type Policy, type PolicyChangeItem, type PolicyHistoryItem, type PolicyPreview,
} from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canEditPolicy, scopeOf } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { createJob } from '../jobs/jobs.repository.js';
import { bumpSettings, getSettings, insertChange, listChanges, listLines, writeLine } from './policy.repository.js';
import { liveFilesPerPair, pairImpacts, whatIfContext, type WhatIfPair } from './whatif.service.js';

const ratioText = (label: string, max: number) =>
  z
    .union([z.string(), z.number()], { error: `${label}应为小数，例如 1.3` })
    .transform((v, ctx) => {
      const text = String(v).trim();
      const r = parseRatio(text);
      if (!r || r.num === 0n || Number(text) > max) {
        ctx.addIssue({ code: 'custom', message: `${label}应为大于 0、不超过 ${max} 的小数（最多6位小数），例如 ${label === '边缘户比例' ? '1.3' : '0.5'}` });
        return z.NEVER;
      }
      return text;
    });

const lineChange = z.object({
  regionCode: z.string({ error: '请选择地区' }).regex(/^[A-Z]\d{2}$/, { error: '地区代码格式不正确' }),
  year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在 2000 至 2100 之间' }).max(2100, { error: '年度应在 2000 至 2100 之间' }),
  monthlyLine: z
    .union([z.number(), z.string(), z.null()], { error: '低保标准应为金额（元/人·月），或 null 表示删除' })
    .transform((v, ctx) => {
      if (v === null) return null;
      const r = parseYuan(v);
      if (!r.ok || r.fen === 0 || r.fen > MONTHLY_LINE_MAX_YUAN * 100) {
        ctx.addIssue({ code: 'custom', message: !r.ok ? `低保标准：${r.message}` : r.fen === 0 ? '低保标准必须大于 0' : MONTHLY_LINE_MAX_MESSAGE });
        return z.NEVER;
      }
      return r.fen;
    })
    .describe('yuan per person per month; null removes the line'),
});

export const policyChangeSchema = z.object({
  lines: z.array(lineChange).max(500, { error: '一次最多修改500条标准' }).optional().default([]),
  marginalRatio: ratioText('边缘户比例', 10).optional(),
  expenseRatio: ratioText('支出比例', 10).optional(),
  reason: z.string().trim().max(500, { error: '修改说明不能超过500个字' }).optional(),
  /** the version the editor saw; a stale one gets 409 */
  expectedVersion: z.number().int().optional(),
});

export type PolicyChange = z.output<typeof policyChangeSchema>;


export async function getPolicy(db: Db): Promise<Policy> {
  const [settings, lines, orgs] = await Promise.all([getSettings(db), listLines(db), listOrgs(db)]);
  const names = new Map(orgs.map((o) => [o.code, o.name]));
  return {
    version: settings.version,
    marginalRatio: settings.marginalRatio,
    expenseRatio: settings.expenseRatio,
    lines: lines.map((l) => ({
      regionCode: l.region_code,
      regionName: names.get(l.region_code) ?? l.region_code,
      year: Number(l.year),
      monthlyLine: fenToYuan(l.monthly_line_fen),
      isExample: l.is_example === 1,
      version: l.version,
      updatedAt: l.updated_at,
      updatedBy: l.updated_by_name ?? null,
    })),
  };
}

/**
 * The pairs without a line that matter: every (region, year) with live files, and every region in
 * the current year (new filings default to today). Read from the kept counts, not the files.
 */
export async function missingLines(db: Db, actor: Actor): Promise<MissingLinesResponse> {
  const currentYear = Number(todayInChina().slice(0, 4));
  const scope = scopeOf(actor);
  const own = scope.kind === 'region' ? scope.regionCode : scope.kind === 'unit' ? scope.unitCode.slice(0, 3) : null;
  const [lines, orgs, live] = await Promise.all([listLines(db), listOrgs(db), liveFilesPerPair(db)]);
  const regions = orgs.filter((o) => o.kind === 'region' && o.active && (own === null || o.code === own));
  const has = new Set(lines.map((l) => `${l.region_code}/${Number(l.year)}`));
  const items: MissingLinesResponse['items'] = [];
  for (const r of regions) {
    const years = new Set([currentYear]);
    for (const [key, n] of live) if (n > 0 && key.startsWith(`${r.code}/`)) years.add(Number(key.slice(r.code.length + 1)));
    for (const year of years)
      if (!has.has(`${r.code}/${year}`)) items.push({ regionCode: r.code, regionName: r.name, year, liveFiles: live.get(`${r.code}/${year}`) ?? 0 });
  }
  items.sort((a, b) => b.year - a.year || a.regionCode.localeCompare(b.regionCode));
  return { currentYear, items };
}

async function parseChange(db: Db, input: unknown): Promise<PolicyChange> {
  const r = policyChangeSchema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(toFieldErrors(r.error), 'policy change');
  const regions = new Set((await listOrgs(db)).filter((o) => o.kind === 'region').map((o) => o.code));
  const errors = r.data.lines.flatMap((l, i) => (regions.has(l.regionCode) ? [] : [{ path: `lines[${i}].regionCode`, message: `地区代码 ${l.regionCode} 不是已配置的地区` }]));
  const seen = new Set<string>();
  r.data.lines.forEach((l, i) => {
    const k = `${l.regionCode}/${l.year}`;
    if (seen.has(k)) errors.push({ path: `lines[${i}]`, message: `${l.regionCode} ${l.year} 年度重复出现` });
    seen.add(k);
  });
  if (errors.length) throw validationFailed(errors, 'policy change');
  return r.data;
}

interface Plan {
  settings: { version: number; marginalRatio: string; expenseRatio: string };
  marginalRatio: string;
  expenseRatio: string;
  /** only the lines whose value actually changes */
  lineChanges: { regionCode: string; year: number; old: number | null; new: number | null }[];
  ratiosChanged: boolean;
  /** the (region, year) pairs whose files may change result, with their line before and after the change */
  pairs: WhatIfPair[];
  /** live files per pair, when a change of the ratios needed them */
  liveFiles?: Map<string, number>;
}

async function plan(db: Db, change: PolicyChange): Promise<Plan> {
  const settings = await getSettings(db);
  const current = new Map((await listLines(db)).map((l) => [`${l.region_code}/${l.year}`, l.monthly_line_fen]));
  const lineChanges = change.lines
    .map((l) => ({ regionCode: l.regionCode, year: l.year, old: current.get(`${l.regionCode}/${l.year}`) ?? null, new: l.monthlyLine }))
    .filter((c) => c.old !== c.new);
  const marginalRatio = change.marginalRatio ?? settings.marginalRatio;
  const expenseRatio = change.expenseRatio ?? settings.expenseRatio;
  const ratiosChanged = marginalRatio !== settings.marginalRatio || expenseRatio !== settings.expenseRatio;
  const after = new Map(current);
  for (const c of lineChanges) after.set(`${c.regionCode}/${c.year}`, c.new as number);
  const lineOf = (regionCode: string, year: number) => after.get(`${regionCode}/${year}`) ?? null;
  const pairKeys = new Map<string, WhatIfPair>();
  for (const c of lineChanges) pairKeys.set(`${c.regionCode}/${c.year}`, { regionCode: c.regionCode, year: c.year, monthlyLineFen: c.new, oldLineFen: c.old });
  const liveFiles = ratiosChanged ? await liveFilesPerPair(db) : undefined;
  if (liveFiles)
    for (const key of liveFiles.keys()) {
      const [regionCode, year] = [key.slice(0, key.indexOf('/')), Number(key.slice(key.indexOf('/') + 1))];
      pairKeys.set(key, { regionCode, year, monthlyLineFen: lineOf(regionCode, year), oldLineFen: current.get(key) ?? null });
    }
  return { settings, marginalRatio, expenseRatio, lineChanges, ratiosChanged, pairs: [...pairKeys.values()], liveFiles };
}

const SAMPLE_LIMIT = 200;

/** What-if: nothing is saved. Counts per region and a sample of the files whose result changes. */
export async function previewPolicy(db: Db, actor: Actor, input: unknown): Promise<PolicyPreview> {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以调整低保标准');
  const p = await plan(db, await parseChange(db, input));
  const names = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  const ctx = await whatIfContext(db, { oldMarginalRatio: p.settings.marginalRatio, marginalRatio: p.marginalRatio, oldExpenseRatio: p.settings.expenseRatio, expenseRatio: p.expenseRatio }, p.liveFiles);
  const impacts = await pairImpacts(db, p.pairs, ctx, SAMPLE_LIMIT);
  const samples = impacts.samples;
  const outcomes = impacts.outcomes.map((o, i) => {
    const line = p.pairs[i].monthlyLineFen;
    return { ...o, regionName: names.get(o.regionCode) ?? o.regionCode, monthlyLine: line === null ? null : fenToYuan(line) };
  });
  const sum = (k: 'files' | 'eligibilityChanged' | 'categoryChanged' | 'becomeEligible' | 'becomeIneligible') => outcomes.reduce((s, o) => s + o[k], 0);
  return {
    currentVersion: p.settings.version,
    changes: describeChanges(p),
    files: sum('files'),
    eligibilityChanged: sum('eligibilityChanged'),
    categoryChanged: sum('categoryChanged'),
    becomeEligible: sum('becomeEligible'),
    becomeIneligible: sum('becomeIneligible'),
    byPair: outcomes,
    samples: samples.map((s) => ({ ...s, regionName: names.get(s.regionCode) ?? s.regionCode })),
    samplesTruncated: samples.length >= SAMPLE_LIMIT,
  };
}

function describeChanges(p: Plan): PolicyChangeItem[] {
  const out: PolicyChangeItem[] = p.lineChanges.map((c) => ({
    item: 'monthlyLine' as const, regionCode: c.regionCode, year: c.year, old: c.old === null ? null : fenToYuan(c.old), new: c.new === null ? null : fenToYuan(c.new),
  }));
  if (p.marginalRatio !== p.settings.marginalRatio) out.push({ item: 'marginalRatio', old: p.settings.marginalRatio, new: p.marginalRatio });
  if (p.expenseRatio !== p.settings.expenseRatio) out.push({ item: 'expenseRatio', old: p.settings.expenseRatio, new: p.expenseRatio });
  return out;
}

/** Saves a change and queues the re-evaluation; returns the new version and the job. */
export async function savePolicy(db: Db, actor: Actor, runner: JobRunner | null, input: unknown, opts: { example?: boolean } = {}) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以调整低保标准');
  const change = await parseChange(db, input);
  const p = await plan(db, change);
  if (change.expectedVersion !== undefined && change.expectedVersion !== p.settings.version)
    throw new AppError('VERSION_CONFLICT', { message: '低保标准已被他人修改，请刷新后重新预览', body: { currentVersion: p.settings.version } });
  const changes = describeChanges(p);
  if (changes.length === 0) throw new AppError('NO_CHANGE', { message: '没有需要保存的修改', errors: [{ path: 'lines', message: '没有需要保存的修改' }] });
  const at = nowIso();
  const result = await inTransaction(db, async (trx) => {
    const bumped = await bumpSettings(trx, p.settings.version, { marginalRatio: p.marginalRatio, expenseRatio: p.expenseRatio, by: actor.id, at });
    if (!bumped) throw new AppError('VERSION_CONFLICT', { message: '低保标准已被他人修改，请刷新后重新预览' });
    const version = p.settings.version + 1;
    for (const c of p.lineChanges) await writeLine(trx, c, { example: !!opts.example, version, by: actor.id, at });
    const jobId = p.pairs.length
      ? await createJob(trx, { kind: 'reevaluate', params: { policyVersion: version, pairs: p.pairs.map(({ regionCode, year }) => ({ regionCode, year })) }, createdBy: actor.id })
      : null;
    await insertChange(trx, { version, by: actor.id, at, changes, reason: change.reason ?? null, jobId });
    await audit(trx, actor, 'policy.update', 'policy', version, { changes, jobId });
    return { version, jobId };
  });
  runner?.kick();
  return { ...result, changes };
}

export async function policyHistory(db: Db): Promise<PolicyHistoryItem[]> {
  const rows = await listChanges(db, 500);
  return rows.map((r) => ({
    version: r.version,
    changedAt: r.changed_at,
    // left-joined: a row with a username has its (not null) display name
    changedBy: r.username ? { username: r.username, displayName: r.display_name! } : null,
    changes: JSON.parse(r.changes),
    reason: r.reason,
    jobId: r.job_id,
  }));
}
