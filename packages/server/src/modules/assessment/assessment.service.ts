// 考核: a year's rubric (the city union's, else core's DEFAULT_RUBRIC), each county union's (or
// required large unit's) indicators measured from the kept counts and the campaign tables of the
// year, scored by core's rules, adjusted by hand, and ranked. The whole ranking is computed, then
// cut to the caller's scope: a region sees its own row and rank.
import {
  addDays, adjustmentInputSchema, DEFAULT_RUBRIC, INDICATORS, progressFilter, rankByTotal, round1, rubricInputSchema, todayInChina, weightedTotal,
  YEARLY_SOLVED_TARGET, indicatorScore,
  type Assessment, type AssessmentItem, type AssessmentLevel, type Campaign, type Evidence, type IndicatorCode, type Rubric, type RubricItem,
} from '@bangfu/core';
import { z } from 'zod';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { audit, auditNow } from '../audit/audit.repository.js';
import { assessmentWorkbook } from './assessment.workbook.js';
import { listOrgs, type Org } from '../orgs/orgs.repository.js';
import { assistancePerRegion } from '../assistance/assistance-tally.repository.js';
import { facetCountBelow, facetRows } from '../households/tally.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { campaignViews } from '../campaigns/campaigns.service.js';
import { baselineRows, latestSubmissions } from '../campaigns/campaigns.repository.js';
import { reportRows } from '../campaigns/research-reports.repository.js';
import { returnsByOrg, unitAssistance } from './assessment.queries.js';
import * as repo from './assessment.repository.js';

/** Who reads the assessment: the city's people all of it, a county or unit union its own rows; not 机关干部. */
const SEES_ALL = ['admin', 'city', 'leader', 'viewer'];
export const seesAssessment = (actor: Actor) => SEES_ALL.includes(actor.role) || actor.role === 'region' || actor.role === 'unit';
/** Who edits the rubric and adjusts scores: the city union (its 领导小组办公室). */
export const canAssess = (actor: Actor) => actor.role === 'city';

const yearSchema = z.coerce.number({ error: '考核年度应为四位年份' }).int({ error: '考核年度应为四位年份' }).min(2000, { error: '考核年度应在2000至2100之间' }).max(2100, { error: '考核年度应在2000至2100之间' });
const querySchema = z.object({
  year: yearSchema,
  level: z.enum(['region', 'unit'], { error: '层级应为 region（县区工会）或 unit（大中型企事业单位）' }).default('region'),
});

export async function getRubric(db: Q, actor: Actor, query: unknown): Promise<Rubric> {
  if (!seesAssessment(actor)) throw forbidden('没有查看考核的权限');
  const { year } = parseQuery(z.object({ year: yearSchema }), query, 'rubric query');
  return rubricOf(db, year);
}

async function rubricOf(db: Q, year: number): Promise<Rubric> {
  const saved = await repo.rubricRow(db, year);
  const items: RubricItem[] = saved?.items ?? [...DEFAULT_RUBRIC];
  return {
    year, saved: !!saved, updatedBy: saved?.updatedBy ?? null, updatedAt: saved?.updatedAt ?? null, version: saved?.version ?? 0,
    items: items.map((it) => ({ ...it, ...INDICATORS[it.code] })),
  };
}

export async function saveRubric(db: Db, actor: Actor, query: unknown, input: unknown): Promise<Rubric> {
  if (!canAssess(actor)) throw forbidden('只有市总工会可以修改考核细则');
  const { year } = parseQuery(z.object({ year: yearSchema }), query, 'rubric query');
  const r = parseInput(rubricInputSchema, input, 'assessment rubric');
  if ((await repo.finalizedLevels(db, year)).length) throw new AppError('ASSESSMENT_FINAL', { message: `${year}年度考核结果已定稿，考核细则不能再修改`, detail: `rubric of finalized ${year}` });
  await inTransaction(db, async (trx) => {
    if (!(await repo.saveRubricRow(trx, year, r.items, r.version, actor.id, nowIso())))
      throw new AppError('RUBRIC_CHANGED', { detail: `rubric of ${year} is no longer at version ${r.version}` });
    await audit(trx, actor, 'assessment.rubric', 'assessment', year, { items: r.items });
  });
  return rubricOf(db, year);
}

export async function addAdjustment(db: Db, actor: Actor, input: unknown) {
  if (!canAssess(actor)) throw forbidden('只有市总工会可以加减分');
  const a = parseInput(adjustmentInputSchema, input, 'assessment adjustment');
  const org = (await listOrgs(db)).find((o) => o.code === a.orgCode && o.kind !== 'city');
  if (!org) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'orgCode', message: '被考核单位不存在' }], detail: `no org ${a.orgCode}` });
  if ((await repo.finalizedLevels(db, a.year)).includes(org.kind === 'region' ? 'region' : 'unit'))
    throw new AppError('ASSESSMENT_FINAL', { message: `${a.year}年度考核结果已定稿，不能再加减分`, detail: `adjustment in finalized ${a.year}` });
  const at = nowIso();
  const id = await inTransaction(db, async (trx) => {
    const id = await repo.insertAdjustment(trx, { ...a, by: actor.id, at });
    await audit(trx, actor, 'assessment.adjust', 'assessment', a.year, { orgCode: a.orgCode, points: a.points, reason: a.reason });
    return id;
  });
  return { id, points: a.points, reason: a.reason, by: actor.displayName, at };
}

/** The day the time-bound indicators are measured on: the year's last day, or today while it runs. */
export const assessmentDay = (year: number, today: string) => (today < `${year}-12-31` ? today : `${year}-12-31`);

interface Measured { value: number | null; evidence: Evidence[] }
const share = (num: number, den: number) => (den > 0 ? num / den : null);
const listLink = (filters: Record<string, string>) => `/households?${new URLSearchParams(filters).toString()}`;

/** The organizations assessed at a level: the county unions; the required large units of the year's campaigns (else those marked 大中型). */
function assessedOrgs(orgs: Org[], level: AssessmentLevel, campaigns: Campaign[], regionsWithFiles: Set<string>): Org[] {
  if (level === 'region') return orgs.filter((o) => o.kind === 'region' && (o.active || regionsWithFiles.has(o.code)));
  const required = new Set(campaigns.flatMap((c) => c.requiredOrgs.filter((r) => r.kind === 'unit').map((r) => r.code)));
  return orgs.filter((o) => o.kind === 'unit' && (required.size ? required.has(o.code) : o.largeEnterprise && o.active));
}

/** Every assessed organization's indicators, scores, adjustments, totals and ranks (unscoped): the finalized result once there is one. */
export async function computeAssessment(db: Q, year: number, level: AssessmentLevel, today = todayInChina()): Promise<Assessment> {
  const stored = await repo.resultRow(db, year, level);
  if (stored) return { ...(JSON.parse(stored.data) as Assessment), finalized: { by: stored.by, at: stored.at } };
  return measureAssessment(db, year, level, today);
}

/** The assessment measured from the data now. */
async function measureAssessment(db: Q, year: number, level: AssessmentLevel, today: string): Promise<Assessment> {
  const day = assessmentDay(year, today);
  const [orgs, allCampaigns, rubric, adjustments, settings, byYear] = await Promise.all([
    listOrgs(db), campaignViews(db, undefined, day), rubricOf(db, year), repo.adjustmentRows(db, year), getAssistanceSettings(db), facetRows(db, 'year', { values: [String(year)] }),
  ]);
  const campaigns = allCampaigns.filter((c) => c.year === year).sort((a, b) => a.id - b.id);
  const regionsWithFiles = new Set(byYear.map((r) => r.regionCode));
  const assessed = assessedOrgs(orgs, level, campaigns, regionsWithFiles);
  const codes = assessed.map((o) => o.code);
  const cutoff = addDays(day, -settings.overdueDays);

  // files of the fill year per status (region: the year facet; unit: its own files, unit_year)
  const statusCounts = new Map<string, Record<string, number>>();
  const add = (code: string, status: string, n: number) => {
    const m = statusCounts.get(code) ?? statusCounts.set(code, {}).get(code)!;
    m[status] = (m[status] ?? 0) + n;
  };
  if (level === 'region') for (const r of byYear) add(r.regionCode, r.status, r.n);
  else if (codes.length) for (const r of await facetRows(db, 'unit_year', { values: codes.map((u) => `${u}|${year}`) })) add(r.value.slice(0, r.value.indexOf('|')), r.status, r.n);

  // assistance: filed households now (every fill year), assisted and meeting the target in the year, overdue on the day
  const assistance = new Map<string, { filed: number; assisted: number; met: number; overdue: number }>();
  if (level === 'region') {
    // every filed household has a last-assisted value ('' for never): all of them, and those before the cutoff
    const [tally, filed, overdue] = await Promise.all([
      assistancePerRegion(db, year, 'filed'), facetCountBelow(db, 'last_assisted', ['filed'], '9999-99-99'), facetCountBelow(db, 'last_assisted', ['filed'], cutoff),
    ]);
    for (const o of assessed) assistance.set(o.code, { filed: 0, assisted: 0, met: 0, overdue: 0 });
    for (const r of filed) { const a = assistance.get(r.region_code); if (a) a.filed = Number(r.n); }
    for (const r of overdue) { const a = assistance.get(r.region_code); if (a) a.overdue = Number(r.n); }
    for (const r of tally) {
      const a = assistance.get(r.region_code);
      if (a) { a.assisted = Number(r.assisted); a.met = Number(r.met); }
    }
  } else for (const [code, a] of await unitAssistance(db, codes, year, cutoff)) assistance.set(code, a);

  const returns = await returnsByOrg(db, year, level === 'region' ? { level } : { level, units: codes });

  // the year's campaigns: baselines (the first campaign that has one), data deadlines due by the day, report deadlines due by the day
  const baselines = new Map<string, { households: number; campaignId: number }>();
  for (const c of campaigns) for (const [code, n] of await baselineRows(db, c.id)) if (!baselines.has(code)) baselines.set(code, { households: n, campaignId: c.id });
  const dataDue = campaigns.flatMap((c) => c.deadlines.filter((d) => d.kind === 'data' && d.dueDate <= day).map((d) => ({ c, d })));
  const reportDue = campaigns.flatMap((c) => c.deadlines.filter((d) => d.kind === 'report' && d.dueDate <= day).map((d) => ({ c, d })));
  const submissions = await latestSubmissions(db, dataDue.map((x) => x.d.id));
  const reports = (await Promise.all([...new Set(reportDue.map((x) => x.c.id))].map((id) => reportRows(db, { campaignId: id })))).flat();
  const campaignLink = (id: number | undefined) => (id ? `/campaigns/${id}` : null);

  const measure = (o: Org): Record<IndicatorCode, Measured> => {
    const s = statusCounts.get(o.code) ?? {};
    const n = (st: string) => s[st] ?? 0;
    const live = n('draft') + n('submitted') + n('unitApproved') + n('filed');
    const total = Object.values(s).reduce((a, b) => a + b, 0);
    const where = { kind: level === 'region' ? 'region' as const : 'unit' as const, orgCode: o.code };
    const link = (m: 'filed' | 'total') => listLink(progressFilter(year, where, m, day));
    const filedNowLink = listLink({ ...(level === 'region' ? { regionCode: o.code } : { regionCode: o.code.slice(0, 3), unitId: o.code }), status: 'filed' });
    const a = assistance.get(o.code) ?? { filed: 0, assisted: 0, met: 0, overdue: 0 };
    const base = baselines.get(o.code);
    const mine = dataDue.filter((x) => x.c.requiredOrgs.some((r) => r.code === o.code));
    const onTime = mine.filter((x) => submissions.some((sb) => Number(sb.deadline_id) === x.d.id && sb.org_code === o.code && !!sb.on_time && sb.status !== 'returned')).length;
    const owedOf = reportDue.filter((x) => x.c.requiredOrgs.some((r) => r.code === o.code))
      .map((x) => ({ x, owed: level === 'region' ? x.d.reportsOwed!.region : x.d.reportsOwed!.unit }));
    const owed = owedOf.reduce((t, y) => t + y.owed, 0);
    const accepted = owedOf.reduce((t, y) => t + Math.min(y.owed, reports.filter((r) => Number(r.deadline_id) === y.x.d.id && r.org_code === o.code && r.status === 'accepted').length), 0);
    const firstCampaign = campaignLink(mine[0]?.c.id ?? owedOf[0]?.x.c.id ?? campaigns[0]?.id);
    const ret = returns.get(o.code) ?? 0;
    return {
      filedRate: { value: share(n('filed'), live), evidence: [{ label: '已建档户数', n: n('filed'), link: link('filed') }, { label: '在档户数（草稿、待审核、已建档）', n: live, link: null }] },
      coverage: {
        value: base ? share(total, base.households) : null,
        evidence: [{ label: '本年度档案户数', n: total, link: link('total') }, ...(base ? [{ label: '原数据库户数', n: base.households, link: campaignLink(base.campaignId) }] : [])],
      },
      onTime: { value: share(onTime, mine.length), evidence: [{ label: '按时上报事项', n: onTime, link: firstCampaign }, { label: '已到期的数据上报事项', n: mine.length, link: firstCampaign }] },
      reports: { value: share(accepted, owed), evidence: [{ label: '已接收调研报告（篇）', n: accepted, link: firstCampaign }, { label: '应交调研报告（篇）', n: owed, link: firstCampaign }] },
      assisted: { value: share(a.assisted, a.filed), evidence: [{ label: `${year}年有帮扶记录的已建档户`, n: a.assisted, link: `/assistance?year=${year}` }, { label: '已建档户数（各年度）', n: a.filed, link: filedNowLink }] },
      targetMet: { value: share(a.met, a.filed), evidence: [{ label: `${year}年解决问题达到${YEARLY_SOLVED_TARGET}件的户数`, n: a.met, link: `/assistance?year=${year}` }, { label: '已建档户数（各年度）', n: a.filed, link: filedNowLink }] },
      overdue: { value: share(a.overdue, a.filed), evidence: [{ label: `截至${day}超过${settings.overdueDays}天未走访的户数`, n: a.overdue, link: null }, { label: '已建档户数（各年度）', n: a.filed, link: filedNowLink }] },
      returnedPer100: {
        value: n('filed') > 0 ? (100 * ret) / n('filed') : null,
        evidence: [{ label: '本年度档案的审核退回次数', n: ret, link: null }, { label: '本年度档案已建档户数', n: n('filed'), link: link('filed') }],
      },
    };
  };

  const items = assessed.map((o) => {
    const m = measure(o);
    const indicators = rubric.items.map((it) => {
      const { value, evidence } = m[it.code];
      return { code: it.code, name: it.name, value, score: value === null ? null : indicatorScore(value, it), weight: it.weight, evidence };
    });
    const mine = adjustments.filter((x) => x.orgCode === o.code);
    const adjustment = round1(mine.reduce((s, x) => s + x.points, 0));
    const base = weightedTotal(indicators);
    return { orgCode: o.code, orgName: o.name, indicators, base, adjustment, adjustments: mine.map(({ orgCode: _o, ...x }) => x), total: base === null ? null : round1(base + adjustment) };
  });
  const ranked: AssessmentItem[] = rankByTotal(items).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.orgCode.localeCompare(b.orgCode));
  return {
    year, level, asOf: day, campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })), overdueDays: settings.overdueDays, target: YEARLY_SOLVED_TARGET, items: ranked,
    finalized: null,
  };
}

/** The assessment as the caller may see it: the city's people everything, a county or unit union its own subtree's rows. */
export async function assessment(db: Q, actor: Actor, query: unknown, today = todayInChina()): Promise<Assessment> {
  if (!seesAssessment(actor)) throw forbidden('没有查看考核的权限');
  const q = parseQuery(querySchema, query, 'assessment query');
  const a = await computeAssessment(db, q.year, q.level, today);
  if (SEES_ALL.includes(actor.role)) return a;
  const own = actor.role === 'region' ? actor.orgCode.slice(0, 3) : actor.orgCode;
  return { ...a, items: a.items.filter((i) => i.orgCode === own || i.orgCode.startsWith(`${own}-`)) };
}

/** The assessment of the caller's scope as a workbook; the export is audited. */
export async function exportAssessment(db: Db, actor: Actor, query: unknown): Promise<{ a: Assessment; content: Buffer }> {
  const a = await assessment(db, actor, query);
  const content = await assessmentWorkbook(a, await rubricOf(db, a.year));
  await auditNow(db, actor, 'assessment.export', 'assessment', a.year, { level: a.level, rows: a.items.length });
  return { a, content };
}

const finalizeSchema = z.object({
  year: z.number({ error: '请选择考核年度' }).int({ error: '请选择考核年度' }).min(2000, { error: '考核年度应在2000至2100之间' }).max(2100, { error: '考核年度应在2000至2100之间' }),
  level: z.enum(['region', 'unit'], { error: '层级应为 region（县区工会）或 unit（大中型企事业单位）' }),
});

/**
 * 定稿: keeps a year's result of a level as it stands now; from then on it is read as kept, and its
 * rubric and adjustments are closed. Once only (409 ASSESSMENT_FINAL).
 */
export async function finalizeAssessment(db: Db, actor: Actor, input: unknown, today = todayInChina()): Promise<Assessment> {
  if (!canAssess(actor)) throw forbidden('只有市总工会可以将考核结果定稿');
  const f = parseInput(finalizeSchema, input, 'assessment finalize');
  if (f.year > Number(today.slice(0, 4))) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'year', message: '不能对尚未开始的年度定稿' }], detail: `finalize future ${f.year}` });
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    const a = await measureAssessment(trx, f.year, f.level, today);
    if (!(await repo.insertResult(trx, { year: f.year, level: f.level, data: JSON.stringify(a), by: actor.id, at })))
      throw new AppError('ASSESSMENT_FINAL', { message: `${f.year}年度该层级的考核结果已经定稿`, detail: `finalized already: ${f.year} ${f.level}` });
    await audit(trx, actor, 'assessment.finalize', 'assessment', f.year, { level: f.level, rows: a.items.length, ranks: a.items.map((i) => [i.orgCode, i.total, i.rank]) });
  });
  return assessment(db, actor, { year: String(f.year), level: f.level }, today);
}
