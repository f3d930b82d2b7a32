// Campaigns (专项行动): the city union creates and edits them (phases, deadlines, the organizations
// that must submit) and enters the old database's counts; everyone signed in reads them.
import { z } from 'zod';
import {
  campaignInputSchema, campaignStateOn, DEFAULT_REPORTS_OWED, daysBetween, phaseOn, todayInChina, type Campaign, type CampaignData, type Phase,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { nowIso } from '../../lib/clock.js';
import { audit } from '../audit/audit.repository.js';
import type { Actor } from '../access/actor.js';
import { listOrgs, unitSubtree } from '../orgs/orgs.repository.js';
import { importedFilesByOrg, oldDatabaseImport } from './baseline.queries.js';
import * as repo from './campaigns.repository.js';
import { deadlinesWithReports } from './research-reports.repository.js';

export const canManageCampaigns = (actor: Actor) => actor.role === 'city' || actor.role === 'admin';

const idOf = (raw: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw notFound('专项行动');
  return id;
};
export { idOf as campaignIdOf };

/** The campaigns as the API shows them (with today's state, phase and days left), newest first. */
export async function campaignViews(db: Q, id?: number, today = todayInChina()): Promise<Campaign[]> {
  const rows = await repo.campaignRows(db, id);
  const ids = rows.map((r) => Number(r.id));
  const [deadlines, orgs] = await Promise.all([repo.deadlineRows(db, ids), repo.requiredOrgRows(db, ids)]);
  return rows.map((r) => {
    const cid = Number(r.id);
    const phases = JSON.parse(r.phases) as Phase[];
    const c = { startDate: r.start_date, endDate: r.end_date };
    return {
      id: cid, name: r.name, year: Number(r.year), startDate: r.start_date, endDate: r.end_date,
      state: campaignStateOn(c, today), phases, currentPhase: phaseOn(phases, today)?.name ?? null,
      deadlines: deadlines.filter((d) => Number(d.campaign_id) === cid).map((d) => ({
        id: Number(d.id), kind: d.kind as 'data' | 'report', label: d.label, dueDate: d.due_date, daysLeft: daysBetween(today, d.due_date),
        reportsOwed: d.kind === 'report' ? { region: Number(d.reports_per_region ?? DEFAULT_REPORTS_OWED.region), unit: Number(d.reports_per_unit ?? DEFAULT_REPORTS_OWED.unit) } : null,
      })),
      requiredOrgs: orgs.filter((o) => Number(o.campaign_id) === cid).map((o) => ({ code: o.code, name: o.name, kind: o.kind as 'region' | 'unit' })),
      version: Number(r.version), updatedAt: r.updated_at,
    };
  });
}

export async function getCampaign(db: Q, id: number): Promise<Campaign> {
  const [c] = await campaignViews(db, id);
  if (!c) throw notFound('专项行动');
  return c;
}

/**
 * The campaign a page means when it names none: the running one that started last, else the one
 * that ends next, else the one that ended last.
 */
export async function currentCampaign(db: Q, today = todayInChina()): Promise<Campaign | null> {
  const all = await campaignViews(db, undefined, today);
  const running = all.filter((c) => c.state === 'running');
  if (running.length) return running[0];
  const upcoming = all.filter((c) => c.state === 'upcoming').sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  return upcoming[0] ?? all[0] ?? null;
}

async function checkOrgs(db: Q, codes: string[]): Promise<void> {
  const orgs = new Map((await listOrgs(db)).map((o) => [o.code, o]));
  const bad = codes.filter((c) => { const o = orgs.get(c); return !o || !o.active || o.kind === 'city'; });
  if (bad.length) throw validationFailed([{ path: 'requiredOrgCodes', message: `上报单位 ${bad.join('、')} 不是启用中的县（市、区）工会或基层工会` }], 'campaign orgs');
}

async function checkDeadlineIds(db: Q, campaignId: number | null, c: CampaignData): Promise<void> {
  const known = new Set(campaignId === null ? [] : (await repo.deadlineRows(db, [campaignId])).map((d) => Number(d.id)));
  c.deadlines.forEach((d, i) => {
    if (d.id !== undefined && !known.has(d.id)) throw validationFailed([{ path: `deadlines[${i}].id`, message: `截止事项“${d.label}”不属于本次行动，请刷新页面后再改` }], 'campaign deadlines');
  });
}

export async function createCampaign(db: Db, actor: Actor, input: unknown): Promise<Campaign> {
  if (!canManageCampaigns(actor)) throw forbidden('只有市总工会可以发起专项行动');
  const c = parseInput(campaignInputSchema, input, 'campaign');
  await checkOrgs(db, c.requiredOrgCodes);
  await checkDeadlineIds(db, null, c);
  const id = await inTransaction(db, async (trx) => {
    const at = nowIso();
    const id = await repo.insertCampaign(trx, c, actor.id, at);
    await repo.saveDeadlines(trx, id, c.deadlines);
    await repo.saveRequiredOrgs(trx, id, c.requiredOrgCodes);
    await audit(trx, actor, 'campaign.create', 'campaign', id, { name: c.name, year: c.year, deadlines: c.deadlines.length, orgs: c.requiredOrgCodes.length });
    return id;
  });
  return getCampaign(db, id);
}

const versionSchema = z.object({ version: z.number({ error: '缺少版本号，请刷新页面后再改' }).int({ error: '版本号应为整数' }) });

export async function updateCampaign(db: Db, actor: Actor, rawId: string, input: unknown): Promise<Campaign> {
  if (!canManageCampaigns(actor)) throw forbidden('只有市总工会可以修改专项行动');
  const id = idOf(rawId);
  const { version } = parseInput(versionSchema, input, 'campaign version');
  const c = parseInput(campaignInputSchema, input, 'campaign');
  const before = await getCampaign(db, id);
  await checkOrgs(db, c.requiredOrgCodes);
  await checkDeadlineIds(db, id, c);
  await inTransaction(db, async (trx) => {
    const at = nowIso();
    if (!(await repo.updateCampaignRow(trx, id, version, c, actor.id, at)))
      throw new AppError('VERSION_CONFLICT', { message: '专项行动已被他人修改，请刷新页面后再改' });
    // a deadline that has submissions stays: its submissions would lose their deadline
    const dropped = before.deadlines.filter((d) => !c.deadlines.some((n) => n.id === d.id)).map((d) => d.id);
    if (dropped.length && ((await repo.latestSubmissions(trx, dropped)).length || (await deadlinesWithReports(trx, dropped))))
      throw validationFailed([{ path: 'deadlines', message: '已有单位上报或报送材料的截止事项不能删除（可以修改日期和名称）' }], 'campaign deadlines');
    await repo.saveDeadlines(trx, id, c.deadlines);
    await repo.saveRequiredOrgs(trx, id, c.requiredOrgCodes);
    await audit(trx, actor, 'campaign.update', 'campaign', id, { version: version + 1, name: c.name, deadlines: c.deadlines.map((d) => `${d.label} ${d.dueDate}`), orgs: c.requiredOrgCodes.length });
  });
  return getCampaign(db, id);
}

const baselinesSchema = z.object({
  items: z.array(z.object({
    orgCode: z.string({ error: '组织代码不能为空' }),
    households: z.number({ error: '户数应为整数' }).int({ error: '户数应为整数' }).min(0, { error: '户数不能为负数' }).max(10_000_000, { error: '户数过大' }).nullable(),
  }), { error: '应为各单位户数的列表' }).max(1000, { error: '一次最多录入1000个单位' }),
});

/** The old database's households per required organization (null: not entered). */
export async function baselines(db: Q, rawId: string) {
  const c = await getCampaign(db, idOf(rawId));
  const entered = await repo.baselineRows(db, c.id);
  return { items: c.requiredOrgs.map((o) => ({ orgCode: o.code, orgName: o.name, households: entered.get(o.code) ?? null })) };
}

const fromImportSchema = z.object({
  importId: z.number({ error: '请选择原数据库导入' }).int({ error: '导入编号无效' }).positive({ error: '导入编号无效' }),
});

/**
 * Baselines counted from an import marked as the old 困难职工数据库 (committed): for each required
 * region the files it brought there, for each required unit those of the unit and its sub-units.
 * Organizations it brought nothing for keep what they had.
 */
export async function baselinesFromImport(db: Db, actor: Actor, rawId: string, input: unknown) {
  if (!canManageCampaigns(actor)) throw forbidden('只有市总工会可以录入原数据库户数');
  const c = await getCampaign(db, idOf(rawId));
  const { importId } = parseInput(fromImportSchema, input, 'baselines from import');
  const imp = await oldDatabaseImport(db, importId);
  if (!imp) throw validationFailed([{ path: 'importId', message: '没有这次导入' }], 'baselines from import');
  if (Number(imp.old_database) !== 1) throw validationFailed([{ path: 'importId', message: '这次导入上传时没有标记为原困难职工数据库' }], 'baselines from import');
  if (imp.status !== 'committed') throw validationFailed([{ path: 'importId', message: '这次导入尚未完成写入，写入后才能取数' }], 'baselines from import');
  const counts = await importedFilesByOrg(db, importId);
  const orgs = await listOrgs(db);
  const items = c.requiredOrgs.map((o) => {
    const units = o.kind === 'unit' ? new Set(unitSubtree(orgs, o.code)) : null;
    const n = counts.filter((r) => (units ? units.has(r.unitId) : r.regionCode === o.code)).reduce((s, r) => s + r.n, 0);
    return { orgCode: o.code, households: n };
  }).filter((i) => i.households > 0);
  await inTransaction(db, async (trx) => {
    await repo.saveBaselines(trx, c.id, items, actor.id, nowIso());
    await audit(trx, actor, 'campaign.baselines', 'campaign', c.id, { fromImport: importId, items: items.map((i) => `${i.orgCode}:${i.households}`) });
  });
  return baselines(db, String(c.id));
}

export async function saveBaselines(db: Db, actor: Actor, rawId: string, input: unknown) {
  if (!canManageCampaigns(actor)) throw forbidden('只有市总工会可以录入原数据库户数');
  const c = await getCampaign(db, idOf(rawId));
  const { items } = parseInput(baselinesSchema, input, 'baselines');
  const required = new Set(c.requiredOrgs.map((o) => o.code));
  items.forEach((i, n) => {
    if (!required.has(i.orgCode)) throw validationFailed([{ path: `items[${n}].orgCode`, message: `${i.orgCode} 不是本次行动的上报单位` }], 'baselines');
  });
  await inTransaction(db, async (trx) => {
    await repo.saveBaselines(trx, c.id, items, actor.id, nowIso());
    await audit(trx, actor, 'campaign.baselines', 'campaign', c.id, { items: items.map((i) => `${i.orgCode}:${i.households ?? '-'}`) });
  });
  return baselines(db, String(c.id));
}
