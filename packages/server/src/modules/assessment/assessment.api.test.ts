// 考核 of the demo's seeded years, recomputed here by hand from the raw rows (households, their
// records, review opinions, submissions, reports, baselines) with the rubric's rule written out
// again, and compared with the API on whichever database this project runs. Then the rubric's
// checks and version, adjustments (audited, the city union's only), each role's scope, the workbook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DEFAULT_REPORTS_OWED, todayInChina, YEARLY_SOLVED_TARGET, type Assessment, type Rubric } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { seedDemo } from '../../cli/demo.js';
import { seedDemoCampaigns } from '../../demo/campaigns.js';
import { getAssistanceSettings } from '../settings/settings.service.js';

let ctx: TestContext;
let city: Client;
const PASSWORD = 'Demo-password-1';
const today = todayInChina();
const thisYear = Number(today.slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, 60, { demoPassword: PASSWORD });
  await seedDemoCampaigns(ctx.db, { currentYearFiles: 30 });
  city = await ctx.login('shizong', PASSWORD);
}, 180_000);
afterAll(() => ctx.close());

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The assessment of a year and level computed from the raw rows, as a cadre would with the rubric in hand. */
async function byHand(year: number, level: 'region' | 'unit', rubric: Rubric) {
  const db = ctx.db;
  const adjustments = new Map<string, number>();
  for (const a of await db.selectFrom('assessment_adjustments').selectAll().where('year', '=', year).execute())
    adjustments.set(a.org_code, (adjustments.get(a.org_code) ?? 0) + Number(a.tenths) / 10);
  const day = today < `${year}-12-31` ? today : `${year}-12-31`;
  const { overdueDays } = await getAssistanceSettings(db);
  const cutoff = addDays(day, -overdueDays);
  const campaigns = (await db.selectFrom('campaigns').select(['id']).where('year', '=', year).orderBy('id').execute()).map((c) => Number(c.id));
  const required = campaigns.length ? await db.selectFrom('campaign_orgs').selectAll().where('campaign_id', 'in', campaigns).execute() : [];
  const orgs = await db.selectFrom('orgs').selectAll().execute();
  const households = await db.selectFrom('households').select(['id', 'region_code', 'unit_id', 'status', 'fill_year', 'last_assisted_on']).execute();
  const records = await db.selectFrom('assistance_records').select(['household_id', 'year', 'solved_problem']).where('year', '=', year).execute();
  const returns = await db.selectFrom('review_opinions').select(['household_id']).where('decision', '=', 'return').execute();
  const deadlines = campaigns.length ? await db.selectFrom('campaign_deadlines').selectAll().where('campaign_id', 'in', campaigns).where('due_date', '<=', day).execute() : [];
  const subs = await db.selectFrom('submissions').selectAll().execute();
  const reports = await db.selectFrom('research_reports').selectAll().execute();
  const baselines = campaigns.length ? await db.selectFrom('campaign_baselines').selectAll().where('campaign_id', 'in', campaigns).execute() : [];

  const requiredUnits = new Set(required.map((r) => r.org_code).filter((c) => c.length > 3));
  const assessed = orgs.filter((o) => (level === 'region' ? o.kind === 'region' : o.kind === 'unit' && requiredUnits.has(o.code)));
  const mine = (h: { region_code: string; unit_id: string | null }, code: string) => (level === 'region' ? h.region_code === code : h.unit_id === code);
  const items = assessed.map((o) => {
    const ofYear = households.filter((h) => mine(h, o.code) && Number(h.fill_year) === year);
    const count = (s: string) => ofYear.filter((h) => h.status === s).length;
    const live = count('draft') + count('submitted') + count('unitApproved') + count('filed');
    const filedNow = households.filter((h) => mine(h, o.code) && h.status === 'filed');
    const perHousehold = new Map<number, number>();
    for (const r of records) if (filedNow.some((h) => Number(h.id) === Number(r.household_id))) perHousehold.set(Number(r.household_id), (perHousehold.get(Number(r.household_id)) ?? 0) + Number(r.solved_problem));
    const overdue = filedNow.filter((h) => !h.last_assisted_on || h.last_assisted_on < cutoff).length;
    const nReturns = returns.filter((r) => ofYear.some((h) => Number(h.id) === Number(r.household_id))).length;
    const base = baselines.filter((b) => b.org_code === o.code).sort((a, b) => Number(a.campaign_id) - Number(b.campaign_id))[0];
    const isRequired = (campaignId: number) => required.some((r) => Number(r.campaign_id) === campaignId && r.org_code === o.code);
    const dataDue = deadlines.filter((d) => d.kind === 'data' && isRequired(Number(d.campaign_id)));
    const onTime = dataDue.filter((d) => {
      const latest = subs.filter((s) => Number(s.deadline_id) === Number(d.id) && s.org_code === o.code).sort((a, b) => Number(b.id) - Number(a.id))[0];
      return latest && Number(latest.on_time) === 1 && latest.status !== 'returned';
    }).length;
    const reportDue = deadlines.filter((d) => d.kind === 'report' && isRequired(Number(d.campaign_id)));
    let owed = 0;
    let accepted = 0;
    for (const d of reportDue) {
      const n = Number((level === 'region' ? d.reports_per_region : d.reports_per_unit) ?? DEFAULT_REPORTS_OWED[level]);
      owed += n;
      accepted += Math.min(n, reports.filter((r) => Number(r.deadline_id) === Number(d.id) && r.org_code === o.code && r.status === 'accepted').length);
    }
    const ratio = (a: number, b: number) => (b ? a / b : null);
    const values: Record<string, number | null> = {
      filedRate: ratio(count('filed'), live),
      coverage: base ? ratio(ofYear.length, Number(base.households)) : null,
      onTime: ratio(onTime, dataDue.length),
      reports: ratio(accepted, owed),
      assisted: ratio(perHousehold.size, filedNow.length),
      targetMet: ratio([...perHousehold.values()].filter((s) => s >= YEARLY_SOLVED_TARGET).length, filedNow.length),
      overdue: ratio(overdue, filedNow.length),
      returnedPer100: count('filed') ? (100 * nReturns) / count('filed') : null,
    };
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const scores = rubric.items.map((it) => {
      const v = values[it.code];
      return { code: it.code, weight: it.weight, value: v, score: v === null ? null : r1(100 * Math.min(1, Math.max(0, (v - it.zero) / (it.full - it.zero)))) };
    });
    const on = scores.filter((s) => s.score !== null && s.weight > 0);
    const w = on.reduce((t, s) => t + s.weight, 0);
    const baseScore = w ? r1(on.reduce((t, s) => t + s.score! * s.weight, 0) / w) : null;
    const adj = Math.round((adjustments.get(o.code) ?? 0) * 10) / 10;
    return { orgCode: o.code, scores, base: baseScore, total: baseScore === null ? null : r1(baseScore + adj) };
  });
  return items.map((i) => ({ ...i, rank: i.total === null ? null : 1 + items.filter((x) => x.total !== null && x.total > i.total!).length }));
}

function expectSame(api: Assessment, hand: Awaited<ReturnType<typeof byHand>>) {
  expect(api.items.map((i) => i.orgCode).sort()).toEqual(hand.map((h) => h.orgCode).sort());
  for (const h of hand) {
    const a = api.items.find((i) => i.orgCode === h.orgCode)!;
    for (const s of h.scores) {
      const x = a.indicators.find((i) => i.code === s.code)!;
      if (s.value === null) expect(x.value, `${h.orgCode} ${s.code}`).toBeNull();
      else expect(x.value, `${h.orgCode} ${s.code}`).toBeCloseTo(s.value, 9);
      expect(x.score, `${h.orgCode} ${s.code} score`).toBe(s.score);
    }
    expect([a.orgCode, a.base, a.total, a.rank]).toEqual([h.orgCode, h.base, h.total, h.rank]);
  }
  // listed in the order of rank
  const ranks = api.items.map((i) => i.rank ?? Infinity);
  expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
}

describe('考核 computed by hand from the raw rows', () => {
  it('agrees for the seeded year 2016, regions and the required units, with real differences between them', async () => {
    const rubric = (await city.get('/api/assessment/rubric?year=2016')).json() as Rubric;
    expect(rubric).toMatchObject({ saved: false, version: 0 });
    expect(rubric.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
    const regions = (await city.get('/api/assessment?year=2016&level=region')).json() as Assessment;
    expect(regions.asOf).toBe('2016-12-31');
    expectSame(regions, await byHand(2016, 'region', rubric));
    // the seed's June submissions: H02 late, H03 returned then resubmitted on time
    const ind = (code: string, ind: string) => regions.items.find((i) => i.orgCode === code)!.indicators.find((i) => i.code === ind)!;
    expect(ind('H01', 'onTime').value).toBe(1);
    expect(ind('H02', 'onTime').value).toBe(0);
    expect(new Set(regions.items.map((i) => i.total)).size).toBeGreaterThan(3);
    // evidence names its numbers and links to the list that holds them
    expect(ind('H01', 'filedRate').evidence[0]).toMatchObject({ label: '已建档户数', link: expect.stringContaining('/households?fillYear=2016&regionCode=H01&status=filed') });
    const units = (await city.get('/api/assessment?year=2016&level=unit')).json() as Assessment;
    expect(units.items.length).toBeGreaterThan(0);
    expectSame(units, await byHand(2016, 'unit', rubric));
  });

  it('agrees for the running year, where returns in review and assistance records count', async () => {
    const rubric = (await city.get(`/api/assessment/rubric?year=${thisYear}`)).json() as Rubric;
    const a = (await city.get(`/api/assessment?year=${thisYear}&level=region`)).json() as Assessment;
    expect(a.asOf).toBe(today);
    const hand = await byHand(thisYear, 'region', rubric);
    expectSame(a, hand);
    expect(a.items.some((i) => (i.indicators.find((x) => x.code === 'returnedPer100')?.value ?? 0) > 0)).toBe(true);
  });
});

describe('rubric', () => {
  it('is checked field by field, saved by the city union with its version, and changes the scores', async () => {
    const region = await ctx.userIn('H01', 'region');
    const r = (await city.get('/api/assessment/rubric?year=2016')).json() as Rubric;
    const items = r.items.map(({ code, weight, zero, full }) => ({ code, weight, zero, full }));
    expect((await region.put('/api/assessment/rubric?year=2016', { items, version: 0 })).statusCode).toBe(403);
    const sum = await city.put('/api/assessment/rubric?year=2016', { items: items.map((i, k) => (k === 0 ? { ...i, weight: 30 } : i)), version: 0 });
    expect(sum.statusCode).toBe(400);
    expect(sum.json().errors).toEqual([{ path: 'items', message: '各项权重之和应为100，现为110' }]);
    const same = await city.put('/api/assessment/rubric?year=2016', { items: items.map((i, k) => (k === 1 ? { ...i, zero: 1, full: 1 } : i)), version: 0 });
    expect(same.json().errors[0]).toEqual({ path: 'items[1].full', message: '“原数据库覆盖率”的0分和100分对应值不能相同' });
    expect((await city.put('/api/assessment/rubric?year=2016', { items: [...items, items[0]], version: 0 })).json().errors[0].path).toMatch(/^items/);
    // only the filed rate counts: the totals become the filed-rate scores
    const only = items.map((i) => ({ ...i, weight: i.code === 'filedRate' ? 100 : 0 }));
    const saved = await city.put('/api/assessment/rubric?year=2016', { items: only, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ saved: true, version: 1 });
    expect((await city.put('/api/assessment/rubric?year=2016', { items, version: 0 })).json().code).toBe('RUBRIC_CHANGED');
    const a = (await city.get('/api/assessment?year=2016')).json() as Assessment;
    for (const i of a.items) expect(i.base).toBe(i.indicators.find((x) => x.code === 'filedRate')!.score);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'assessment.rubric').execute();
    expect(audit).toEqual([{ action: 'assessment.rubric', entity_id: '2016' }]);
    // back to the seeded weights for the tests below
    expect((await city.put('/api/assessment/rubric?year=2016', { items, version: 1 })).statusCode).toBe(200);
  });
});

describe('adjustments, scope and the workbook', () => {
  it('adds points with a reason (the city union only, audited) and moves the total and the rank', async () => {
    const region = await ctx.userIn('H02', 'region');
    const body = { year: 2016, orgCode: 'H05', points: 3.5, reason: '帮扶资金配套到位，工作有创新' };
    expect((await region.post('/api/assessment/adjustments', body)).statusCode).toBe(403);
    const bad = await city.post('/api/assessment/adjustments', { ...body, points: 25, reason: '' });
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['points', 'reason']);
    expect((await city.post('/api/assessment/adjustments', { ...body, orgCode: 'H77' })).json().errors).toEqual([{ path: 'orgCode', message: '被考核单位不存在' }]);
    const before = (await city.get('/api/assessment?year=2016')).json() as Assessment;
    const res = await city.post('/api/assessment/adjustments', body);
    expect(res.statusCode, res.body).toBe(201);
    expect((await city.post('/api/assessment/adjustments', { ...body, points: -1, reason: '调研报告质量一般' })).statusCode).toBe(201);
    const after = (await city.get('/api/assessment?year=2016')).json() as Assessment;
    const was = before.items.find((i) => i.orgCode === 'H05')!;
    const now = after.items.find((i) => i.orgCode === 'H05')!;
    // the demo gave H05 its own adjustment before
    expect(was.adjustment).toBe(2);
    expect(now.adjustment).toBe(4.5);
    expect(now.total).toBe(Math.round((was.total! + 2.5) * 10) / 10);
    expect(now.adjustments.slice(-2).map((x) => [x.points, x.reason])).toEqual([[3.5, '帮扶资金配套到位，工作有创新'], [-1, '调研报告质量一般']]);
    const rubric = (await city.get('/api/assessment/rubric?year=2016')).json() as Rubric;
    expectSame(after, await byHand(2016, 'region', rubric));
    const audit = await ctx.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'assessment.adjust').orderBy('id').execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[1]!.detail!)).toMatchObject({ orgCode: 'H05', points: 3.5 });
  });

  it('shows a county union its own row and rank only, the steering group all, and 机关干部 nothing', async () => {
    const all = (await city.get('/api/assessment?year=2016')).json() as Assessment;
    const h03 = (await (await ctx.userIn('H03', 'region')).get('/api/assessment?year=2016')).json() as Assessment;
    expect(h03.items).toEqual([all.items.find((i) => i.orgCode === 'H03')]);
    expect(((await (await ctx.userIn('H', 'viewer')).get('/api/assessment?year=2016')).json() as Assessment).items).toHaveLength(all.items.length);
    expect((await (await ctx.userIn('H', 'staff')).get('/api/assessment?year=2016')).statusCode).toBe(403);
    expect((await city.get('/api/assessment?year=16')).json().errors[0].path).toBe('year');
    expect((await city.get('/api/assessment?year=2016&level=city')).json().errors[0].path).toBe('level');
  });

  it('exports the ranking, the rubric and the adjustments as a workbook (audited)', async () => {
    const a = (await city.get('/api/assessment?year=2016')).json() as Assessment;
    const res = await city.get('/api/assessment.xlsx?year=2016&level=region');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('考核结果')!;
    const rows = a.items.map((_, k) => ws.getRow(3 + k));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(a.items.map((i) => i.orgName));
    const last = ws.getRow(2).cellCount;
    expect(rows.map((r) => r.getCell(last).value)).toEqual(a.items.map((i) => i.total));
    expect(wb.getWorksheet('加减分明细')!.getRow(3).getCell(3).value).toBe('帮扶资金配套到位，工作有创新');
    expect(await ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'assessment.export').execute()).toHaveLength(1);
  });
});

describe('定稿', () => {
  it('keeps a year\'s result as it stood: later files, adjustments and rubric changes do not move it', async () => {
    const region = await ctx.userIn('H01', 'region');
    expect((await region.post('/api/assessment/finalize', { year: 2016, level: 'region' })).statusCode).toBe(403);
    expect((await city.post('/api/assessment/finalize', { year: thisYear + 1, level: 'region' })).json().errors).toEqual([{ path: 'year', message: '不能对尚未开始的年度定稿' }]);
    expect((await city.post('/api/assessment/finalize', { year: 2016, level: 'city' })).json().errors[0].path).toBe('level');
    const before = (await city.get('/api/assessment?year=2016')).json() as Assessment;
    expect(before.finalized).toBeNull();
    const res = await city.post('/api/assessment/finalize', { year: 2016, level: 'region' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().finalized).toMatchObject({ by: expect.any(String), at: expect.any(String) });
    const { finalized: _f, ...kept } = res.json() as Assessment;
    const { finalized: _b, ...was } = before;
    expect(kept).toEqual(was);
    // a new filed file of 2016 in H01: measured now it would change H01's filed rate; the result does not
    const h = (await city.post('/api/households', makeHousehold({ regionCode: 'H01', fillDate: '2016-05-01' }))).json();
    expect((await ctx.fileThrough(h.id, city)).statusCode).toBe(200);
    const after = (await city.get('/api/assessment?year=2016')).json() as Assessment;
    expect(after.items).toEqual(before.items);
    expect((await city.post('/api/assessment/adjustments', { year: 2016, orgCode: 'H02', points: 1, reason: '定稿后加分' })).json().code).toBe('ASSESSMENT_FINAL');
    const r = (await city.get('/api/assessment/rubric?year=2016')).json() as Rubric;
    expect((await city.put('/api/assessment/rubric?year=2016', { items: r.items.map(({ code, weight, zero, full }) => ({ code, weight, zero, full })), version: r.version })).json().code).toBe('ASSESSMENT_FINAL');
    expect((await city.post('/api/assessment/finalize', { year: 2016, level: 'region' })).json().code).toBe('ASSESSMENT_FINAL');
    // the units of 2016 are not finalized: still measured, still adjustable
    const unit = ((await city.get('/api/assessment?year=2016&level=unit')).json() as Assessment).items[0]!;
    expect((await city.post('/api/assessment/adjustments', { year: 2016, orgCode: unit.orgCode, points: 1, reason: '按时报送' })).statusCode).toBe(201);
    // a county union reads its own row of the kept result
    expect(((await region.get('/api/assessment?year=2016')).json() as Assessment).items).toEqual(before.items.filter((i) => i.orgCode === 'H01'));
    expect(await ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'assessment.finalize').execute()).toHaveLength(1);
  });
});
