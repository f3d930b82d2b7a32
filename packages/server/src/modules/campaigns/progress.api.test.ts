// The progress table's numbers against the household list: every number, with the filters core's
// progressFilter gives it, is the list's total; and both equal the states the test made (random
// files over two regions, their units and two fill years).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { HOUSEHOLD_STATUSES, progressFilter, todayInChina, type ProgressItem, type ProgressMeasure, type ProgressResponse } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { seededRandom } from '../../../test/fixtures/random.js';

let ctx: TestContext;
let city: Client;
let campaignId: number;
const year = Number(todayInChina().slice(0, 4));
type State = (typeof HOUSEHOLD_STATUSES)[number] | 'returned';
const made: { region: string; unit: string | null; year: number; state: State }[] = [];
const units: Record<string, string[]> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  const admin = await ctx.admin();
  const unit = async (name: string, parentCode: string, largeEnterprise = false) =>
    (await admin.post('/api/orgs', { name, parentCode, largeEnterprise })).json().code as string;
  units.H03 = [await unit('钟祥纺织厂工会', 'H03', true), await unit('钟祥磷化工会', 'H03'), await unit('尚未开始的工会', 'H03')];
  units.H04 = [await unit('东宝水泥厂工会', 'H04')];
  const clerk = await ctx.userIn('H', 'city');
  const reviewer = { H03: await ctx.userIn('H03', 'region'), H04: await ctx.userIn('H04', 'region') } as Record<string, Client>;
  const { random, pick } = seededRandom(1313);
  const states: State[] = ['draft', 'submitted', 'unitApproved', 'filed', 'removed', 'exited', 'returned'];
  for (let i = 0; i < 36; i++) {
    const region = pick(['H03', 'H04']);
    const unitId = pick([null, ...units[region].slice(0, 2)]);
    const fy = random() < 0.75 ? year : year - 1;
    const state = pick(states);
    const res = await clerk.post('/api/households', makeHousehold({ regionCode: region, unitId, fillDate: `${fy}-01-${String(10 + (i % 15)).padStart(2, '0')}` }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    const post = async (url: string, body: unknown, by = clerk) => { const r = await by.post(url, body); expect(r.statusCode, r.body).toBe(200); };
    if (state !== 'draft') await post(`/api/households/${id}/submit`, {});
    if (state === 'returned') await post(`/api/households/${id}/review`, { level: 'unit', decision: 'return', opinion: '请补充收入证明' }, reviewer[region]);
    if (['unitApproved', 'filed', 'removed', 'exited'].includes(state)) await post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '属实' }, reviewer[region]);
    if (['filed', 'removed', 'exited'].includes(state)) await post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意' }, city);
    if (state === 'removed') await post(`/api/households/${id}/remove`, { reason: '收入已超过标准' });
    if (state === 'exited') await post(`/api/households/${id}/exit`, { reason: '已稳定就业', date: `${year}-01-31` });
    made.push({ region, unit: unitId, year: fy, state });
  }
  const c = await city.post('/api/campaigns', {
    name: '进度测试', year, startDate: `${year}-01-01`, endDate: `${year}-12-31`, phases: [],
    deadlines: [{ kind: 'data', label: '数据上报', dueDate: `${year}-12-31` }], requiredOrgCodes: ['H03', 'H04', units.H03[0]],
  });
  expect(c.statusCode, c.body).toBe(201);
  campaignId = c.json().id;
});
afterAll(() => ctx.close());

const MEASURES: ProgressMeasure[] = ['total', ...HOUSEHOLD_STATUSES, 'newThisWeek', 'waiting', 'returned'];
const valueOf = (i: Pick<ProgressItem, 'total' | 'byStatus' | 'newThisWeek' | 'waiting' | 'returned'>, m: ProgressMeasure) =>
  m === 'total' || m === 'newThisWeek' || m === 'waiting' || m === 'returned' ? i[m] : i.byStatus[m];

/** What the test made, counted in JavaScript. */
function expected(where: (f: (typeof made)[number]) => boolean, m: ProgressMeasure): number {
  const fs = made.filter(where);
  const ofYear = fs.filter((f) => f.year === year);
  if (m === 'newThisWeek') return ofYear.length; // every file was entered today
  const statusOf = (f: (typeof made)[number]) => (f.state === 'returned' ? 'draft' : f.state);
  if (m === 'total') return ofYear.length;
  if (m === 'waiting') return ofYear.filter((f) => f.state === 'submitted' || f.state === 'unitApproved').length;
  if (m === 'returned') return ofYear.filter((f) => f.state === 'returned').length;
  return ofYear.filter((f) => statusOf(f) === m).length;
}

async function listTotal(by: Client, filter: Record<string, string>) {
  const res = await by.get(`/api/households?${new URLSearchParams({ ...filter, pageSize: '1' })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
}

async function compare(by: Client, p: ProgressResponse, whereOf: (i: ProgressItem) => (f: (typeof made)[number]) => boolean) {
  for (const item of p.items) {
    const org = { kind: item.kind, orgCode: item.orgCode };
    for (const m of MEASURES) {
      const shown = valueOf(item, m);
      expect(shown, `${item.orgCode} ${m}`).toBe(expected(whereOf(item), m));
      expect(await listTotal(by, progressFilter(p.year, org, m, p.weekStart)), `${item.orgCode} ${m} (list)`).toBe(shown);
    }
  }
}

describe('campaign progress', () => {
  it('exports the same table as a workbook, with its 合计 row', async () => {
    const p = (await city.get(`/api/campaigns/${campaignId}/progress?level=unit&parentCode=H03`)).json() as ProgressResponse;
    const x = await city.get(`/api/campaigns/${campaignId}/progress.xlsx?level=unit&parentCode=H03`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('进度')!;
    expect(String(ws.getCell(1, 1).value)).toContain('进度测试');
    const rows: (string | number)[][] = [];
    ws.eachRow((row, n) => { if (n >= 3) rows.push([row.getCell(1).value as string, row.getCell(2).value as number, row.getCell(6).value as number]); });
    expect(rows).toEqual([...p.items.map((i) => [i.orgName, i.total, i.byStatus.filed]), ['合计', p.totals.total, p.totals.byStatus.filed]]);
  });

  it('per region: each number is the list total with its filters, and the files made', async () => {
    const p = (await city.get(`/api/campaigns/${campaignId}/progress`)).json() as ProgressResponse;
    expect(p.level).toBe('region');
    // the regions, then the unit that submits itself (its files are its region's too: not in the totals)
    expect(p.items.map((i) => i.orgCode)).toEqual(['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08', units.H03[0]]);
    expect(p.items.at(-1)).toMatchObject({ kind: 'unit', required: true, largeEnterprise: true });
    await compare(city, p, (i) => (f) => (i.kind === 'unit' ? f.unit === i.orgCode : f.region === i.orgCode));
    for (const m of MEASURES) expect(await listTotal(city, progressFilter(p.year, { kind: 'all', orgCode: 'H' }, m, p.weekStart)), `totals ${m}`).toBe(valueOf(p.totals, m));
    const h03 = p.items.find((i) => i.orgCode === 'H03')!;
    expect(h03).toMatchObject({ required: true, started: true, submission: { status: 'none', onTime: null } });
    expect(p.items.find((i) => i.orgCode === 'H01')).toMatchObject({ required: false, started: false, submission: null, total: 0 });
    if (h03.waiting) expect(h03.oldestWaitingDays).toBe(0);
  });

  it('per unit of a region, units not started listed, for the city and for the county itself', async () => {
    const region = await ctx.userIn('H03', 'region');
    for (const [who, url] of [[city, `/api/campaigns/${campaignId}/progress?level=unit&parentCode=H03`], [region, `/api/campaigns/${campaignId}/progress`]] as const) {
      const p = (await who.get(url)).json() as ProgressResponse;
      expect(p.level).toBe('unit');
      expect(p.items.map((i) => i.orgCode)).toEqual(['H03', ...units.H03]);
      expect(p.items[0].kind).toBe('direct');
      expect(p.items.find((i) => i.orgCode === units.H03[2])).toMatchObject({ started: false, total: 0 });
      expect(p.items.find((i) => i.orgCode === units.H03[0])).toMatchObject({ required: true, largeEnterprise: true, submission: { status: 'none' } });
      await compare(who, p, (i) => (f) => f.region === 'H03' && (i.kind === 'direct' ? f.unit === null : f.unit === i.orgCode));
      for (const m of MEASURES)
        expect(await listTotal(who, progressFilter(p.year, { kind: 'region', orgCode: 'H03' }, m, p.weekStart)), `H03 totals ${m}`).toBe(valueOf(p.totals, m));
    }
    // a county sees only its own region
    expect((await region.get(`/api/campaigns/${campaignId}/progress?level=unit&parentCode=H04`)).statusCode).toBe(403);
  });

  it('shows coverage of the old database and the 工作台 counts the same files', async () => {
    await city.put(`/api/campaigns/${campaignId}/baselines`, { items: [{ orgCode: 'H03', households: 40 }] });
    const p = (await city.get(`/api/campaigns/${campaignId}/progress`)).json() as ProgressResponse;
    const h03 = p.items.find((i) => i.orgCode === 'H03')!;
    expect(h03.baseline).toBe(40);
    expect(h03.coverage).toBeCloseTo(h03.total / 40);
    const d = (await city.get('/api/dashboard')).json();
    expect(d.campaign.id).toBe(campaignId);
    expect(d.kpis.files).toBe(p.totals.total);
    expect(d.kpis.filed).toBe(p.totals.byStatus.filed);
    expect(d.kpis.waiting).toBe(p.totals.waiting);
    expect(d.byOrgStatus.find((o: { orgCode: string }) => o.orgCode === 'H03').byStatus).toEqual(h03.byStatus);
    expect(d.weekly.at(-1).cumulative).toBe(made.filter((f) => f.year === year).length);
    // the year's categories and income bands: each category is the list's total for the year and category
    expect(d.byCategory.reduce((n: number, c: { n: number }) => n + c.n, 0)).toBe(d.kpis.files);
    expect(d.byIncomeBand.reduce((n: number, c: { n: number }) => n + c.n, 0)).toBe(d.kpis.files);
    for (const c of d.byCategory) expect(await listTotal(city, { fillYear: String(year), category: c.key }), c.key).toBe(c.n);
    // a unit's 工作台 counts its own files the same way
    const unitUser = await ctx.userIn(units.H03[0], 'unit');
    const ud = (await unitUser.get('/api/dashboard')).json();
    const ownFiles = made.filter((f) => f.unit === units.H03[0] && f.year === year).length;
    expect(ud.scope).toMatchObject({ kind: 'unit', orgCode: units.H03[0] });
    expect(ud.kpis.files).toBe(ownFiles);
    expect(ud.byCategory.reduce((n: number, c: { n: number }) => n + c.n, 0)).toBe(ownFiles);
    const county = (await (await ctx.userIn('H03', 'region')).get('/api/dashboard')).json();
    expect(county.scope).toMatchObject({ kind: 'region', orgCode: 'H03' });
    expect(county.kpis.files).toBe(h03.total);
    expect(county.campaign.deadlines[0].own).toMatchObject({ status: 'none' });
    expect(county.reviewQueue.count).toBe(made.filter((f) => f.region === 'H03' && f.state === 'submitted').length);
  });
});
