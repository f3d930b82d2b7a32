// The progress as of a past day against the household list and against the history the test made:
// files taken through their review steps by the API, then their steps' days moved into the past (the
// kept counts follow through the triggers), so that each file has a known status on every day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, HOUSEHOLD_STATUSES, progressFilter, todayInChina, type HouseholdStatus, type ProgressItem, type ProgressMeasure, type ProgressResponse } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { seededRandom } from '../../../test/fixtures/random.js';

let ctx: TestContext;
let city: Client;
let campaignId: number;
const today = todayInChina();
const year = Number(today.slice(0, 4));
type State = HouseholdStatus | 'returned';
/** a file and the days it reached its steps: [entered, submitted, unit-approved, filed, removed/exited] as far as its state goes */
const made: { id: number; region: string; unit: string | null; state: State; days: string[] }[] = [];
const units: string[] = [];
const CHAIN: HouseholdStatus[] = ['draft', 'submitted', 'unitApproved', 'filed'];
const STEPS = { draft: 1, returned: 1, submitted: 2, unitApproved: 3, filed: 4, removed: 5, exited: 5 } as const;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  const admin = await ctx.admin();
  for (const name of ['京山化肥厂工会', '京山纺织厂工会']) units.push((await admin.post('/api/orgs', { name, parentCode: 'H01' })).json().code);
  const clerk = await ctx.userIn('H', 'city');
  const reviewer = { H01: await ctx.userIn('H01', 'region'), H02: await ctx.userIn('H02', 'region') } as Record<string, Client>;
  const { random, pick } = seededRandom(2424);
  const states: State[] = ['draft', 'returned', 'submitted', 'unitApproved', 'filed', 'removed', 'exited'];
  for (let i = 0; i < 30; i++) {
    const region = pick(['H01', 'H02']);
    const unit = region === 'H01' ? pick([null, ...units]) : null;
    const state = pick(states);
    const res = await clerk.post('/api/households', makeHousehold({ regionCode: region, unitId: unit, fillDate: `${year}-01-${String(10 + (i % 15)).padStart(2, '0')}` }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    const post = async (url: string, body: unknown, by = clerk) => { const r = await by.post(url, body); expect(r.statusCode, r.body).toBe(200); };
    if (state !== 'draft') await post(`/api/households/${id}/submit`, {});
    if (state === 'returned') await post(`/api/households/${id}/review`, { level: 'unit', decision: 'return', opinion: '请补充' }, reviewer[region]);
    if (STEPS[state] >= 3 && state !== 'returned') await post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '属实' }, reviewer[region]);
    if (STEPS[state] >= 4) await post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意' }, city);
    if (state === 'removed') await post(`/api/households/${id}/remove`, { reason: '收入已超过标准' });
    if (state === 'exited') await post(`/api/households/${id}/exit`, { reason: '已稳定就业', date: `${year}-01-31` });
    // the days of its steps, in the past and never decreasing
    const days = [addDays(today, -200 + Math.floor(random() * 60))];
    for (let s = 1; s < STEPS[state]; s++) days.push(addDays(days[s - 1], Math.floor(random() * 25)));
    made.push({ id, region, unit, state, days });
  }
  // the history: written straight into the rows (the triggers move the kept counts as for any change)
  for (const f of made) {
    const d = f.state === 'returned' ? [f.days[0], addDays(f.days[0], 3)] : f.days; // a returned draft keeps its old submission day
    await ctx.db.updateTable('households').set({
      // entered at 01:00 in China on its day: the UTC time is the evening before, the day is China's
      created_at: `${addDays(d[0], -1)}T17:00:00.000Z`, created_on: d[0], submitted_on: d[1] ?? null, approved_on: d[2] ?? null, filed_on: d[3] ?? null, ended_on: d[4] ?? null,
    }).where('id', '=', f.id).execute();
  }
  const c = await city.post('/api/campaigns', {
    name: '回溯测试', year, startDate: `${year}-01-01`, endDate: `${year}-12-31`, phases: [],
    deadlines: [{ kind: 'data', label: '数据上报', dueDate: `${year}-12-31` }], requiredOrgCodes: ['H01', 'H02', units[0]],
  });
  expect(c.statusCode, c.body).toBe(201);
  campaignId = c.json().id;
});
afterAll(() => ctx.close());

/** A file's status at the end of a day, from the history the test made; null before it was entered. */
function statusOn(f: (typeof made)[number], day: string): HouseholdStatus | null {
  if (f.days[0] > day) return null;
  if (f.state === 'draft' || f.state === 'returned') return 'draft';
  let s: HouseholdStatus = 'draft';
  f.days.forEach((d, i) => { if (d <= day) s = i === 4 ? (f.state as HouseholdStatus) : CHAIN[i]; });
  return s;
}

type Measure = Exclude<ProgressMeasure, 'returned'>;
const MEASURES: Measure[] = ['total', ...HOUSEHOLD_STATUSES, 'newThisWeek', 'waiting'];
function expected(fs: typeof made, day: string, m: Measure): number {
  const on = fs.map((f) => ({ f, s: statusOn(f, day) })).filter((x) => x.s !== null);
  if (m === 'total') return on.length;
  if (m === 'newThisWeek') return on.filter((x) => x.f.days[0] >= addDays(day, -6)).length;
  if (m === 'waiting') return on.filter((x) => x.s === 'submitted' || x.s === 'unitApproved').length;
  return on.filter((x) => x.s === m).length;
}
const valueOf = (i: Pick<ProgressItem, 'total' | 'byStatus' | 'newThisWeek' | 'waiting'>, m: Measure) =>
  m === 'total' || m === 'newThisWeek' || m === 'waiting' ? i[m] : i.byStatus[m];

/** The list's total with these filters, and the rows it lists (the rows are filtered one by one; the total comes from the kept counts). */
async function list(by: Client, filter: Record<string, string>) {
  const res = await by.get(`/api/households?${new URLSearchParams({ ...filter, pageSize: '100' })}`);
  expect(res.statusCode, res.body).toBe(200);
  return { total: res.json().total as number, rows: (res.json().items as unknown[]).length };
}

// days before any file, in the middle of the steps, and yesterday; and the very days some files took a step
const DAYS = [-230, -185, -165, -150, -130, -100, -1].map((d) => addDays(today, d));
const stepDaysOfSome = () => [...new Set(made.filter((f) => f.days.length >= 4).slice(0, 3).flatMap((f) => f.days))];

describe('campaign progress as of a day', () => {
  it('per region and per unit: each number is what the files were that day, and the list with its filters', async () => {
    for (const day of [...DAYS, ...stepDaysOfSome()]) {
      const regions = (await city.get(`/api/campaigns/${campaignId}/progress?asOf=${day}`)).json() as ProgressResponse;
      const h01 = (await city.get(`/api/campaigns/${campaignId}/progress?level=unit&parentCode=H01&asOf=${day}`)).json() as ProgressResponse;
      expect(regions.asOf).toBe(day);
      expect(regions.weekStart).toBe(addDays(day, -6));
      for (const p of [regions, h01]) {
        for (const item of p.items) {
          const fs = made.filter((f) => (item.kind === 'region' ? f.region === item.orgCode : item.kind === 'direct' ? f.region === item.orgCode && f.unit === null : f.unit === item.orgCode));
          expect(item.returned, 'no returns as of a past day').toBeNull();
          expect(item.oldestWaitingDays).toBeNull();
          for (const m of MEASURES) {
            const want = expected(fs, day, m);
            expect(valueOf(item, m), `${day} ${item.orgCode} ${m}`).toBe(want);
            const l = await list(city, progressFilter(p.year, { kind: item.kind, orgCode: item.orgCode }, m, p.weekStart, p.asOf));
            expect(l, `${day} ${item.orgCode} ${m} (list)`).toEqual({ total: want, rows: want });
          }
        }
      }
      for (const m of MEASURES) {
        const all = await list(city, progressFilter(year, { kind: 'all', orgCode: 'H' }, m, regions.weekStart, day));
        expect(all, `${day} totals ${m}`).toEqual({ total: valueOf(regions.totals, m), rows: valueOf(regions.totals, m) });
      }
    }
  });

  it('a unit union counts its own files as of a day the same way', async () => {
    const unitUser = await ctx.userIn(units[0], 'unit');
    const day = DAYS[4];
    const own = made.filter((f) => f.unit === units[0]);
    for (const m of MEASURES) {
      const l = await list(unitUser, progressFilter(year, { kind: 'unit', orgCode: units[0] }, m, addDays(day, -6), day));
      expect(l, m).toEqual({ total: expected(own, day, m), rows: expected(own, day, m) });
    }
  });

  it('as of today or later is now; files and submissions made today are not there yesterday', async () => {
    const region = await ctx.userIn('H02', 'region');
    const id = (await region.post('/api/households', makeHousehold({ regionCode: 'H02', fillDate: `${year}-02-01` }))).json().id as number;
    expect((await region.post(`/api/households/${id}/submit`, {})).statusCode).toBe(200);
    const row = await ctx.db.selectFrom('households').select(['created_on', 'submitted_on', 'approved_on', 'filed_on']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_on: today, submitted_on: today, approved_on: null, filed_on: null });
    expect((await region.post(`/api/campaigns/${campaignId}/submissions`, { note: '' })).statusCode).toBe(201);

    const now = (await city.get(`/api/campaigns/${campaignId}/progress`)).json() as ProgressResponse;
    const asToday = (await city.get(`/api/campaigns/${campaignId}/progress?asOf=${today}`)).json() as ProgressResponse;
    expect(asToday.asOf).toBeNull();
    expect(asToday.items).toEqual(now.items);
    const h02Now = now.items.find((i) => i.orgCode === 'H02')!;
    expect(h02Now.submission).toMatchObject({ status: 'submitted' });

    const yesterday = (await city.get(`/api/campaigns/${campaignId}/progress?asOf=${addDays(today, -1)}`)).json() as ProgressResponse;
    const h02 = yesterday.items.find((i) => i.orgCode === 'H02')!;
    expect(h02.total).toBe(expected(made.filter((f) => f.region === 'H02'), addDays(today, -1), 'total'));
    expect(h02.submission).toMatchObject({ status: 'none', submissionId: null });
    // the deadline's days are counted from the day asked for
    expect(yesterday.deadline!.daysLeft).toBe(now.deadline!.daysLeft + 1);
  });

  it('refuses a day that is not a date, naming the field', async () => {
    const res = await city.get(`/api/campaigns/${campaignId}/progress?asOf=2026-02-30`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('asOf');
    expect(res.body).toContain('截至日期');
    expect((await city.get('/api/households?asOf=yesterday')).statusCode).toBe(400);
    const noYear = await city.get(`/api/households?asOf=${addDays(today, -1)}&status=filed`);
    expect(noYear.json().errors).toEqual([{ path: 'asOf', message: '按日期回溯时请同时选择填表年度' }]);
  });
});
