import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTHLY_LINE_MAX_MESSAGE, MONTHLY_LINE_MAX_YUAN, identify, parseHousehold, policyForLine, todayInChina, type HouseholdInput } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';
import { pairImpact, pairImpacts, whatIfContext } from './whatif.service.js';
import type { PairOutcome } from './whatif.queries.js';

let ctx: TestContext;
let clerk: Client;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  // a city-union clerk: the role that sees identity numbers in full (the system admin does not)
  clerk = await ctx.userIn('H', 'city');
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx?.close());

const waitJobs = () => ctx.app.jobs.idle();

/** A one-person household with a given income, so that eligibility is easy to reason about. */
function single(region: string, income: number, extra: Record<string, unknown> = {}) {
  return makeHousehold({
    regionCode: region, householdAnnualIncome: income, ownAnnualIncome: income, householdSize: 1, members: [],
    maritalStatus: '已婚', receivesDibao: false, category: '低保户', ...extra,
  });
}

describe('policy lines', () => {
  it('without a line the stored result is "cannot decide" with the flag noLine', async () => {
    const f = (await clerk.post('/api/households', single('H02', 5000))).json();
    expect(f.identification).toMatchObject({ eligible: null, flags: ['noLine'], fileVersion: 1 });
    expect(f.identification.explanation).toMatch(/未配置 2016 年度低保标准/);
    const unknown = (await clerk.get('/api/households?regionCode=H02&eligible=unknown')).json();
    expect(unknown.items.map((i: { id: number }) => i.id)).toContain(f.id);
  });

  it('only city-level users may preview or change the policy; a region user gets 403', async () => {
    const region = await ctx.userIn('H01');
    const body = { lines: [{ regionCode: 'H01', year: 2016, monthlyLine: 500 }] };
    expect((await region.post('/api/policy/preview', body)).statusCode).toBe(403);
    expect((await region.put('/api/policy', body)).statusCode).toBe(403);
    expect((await region.get('/api/policy')).statusCode).toBe(200);
  });

  it('lists the region × year pairs that lack a line: those with live files, and the current year of every region', async () => {
    const year = Number(todayInChina().slice(0, 4));
    const f = (await clerk.post('/api/households', single('H04', 5000))).json();
    const fileYear = Number(f.fillDate.slice(0, 4));
    const before = (await city.get('/api/policy/missing-lines')).json();
    expect(before.currentYear).toBe(year);
    const h04 = before.items.filter((i: { regionCode: string }) => i.regionCode === 'H04');
    expect(h04).toContainEqual({ regionCode: 'H04', regionName: expect.any(String), year: fileYear, liveFiles: 1 });
    expect(h04).toContainEqual(expect.objectContaining({ regionCode: 'H04', year }));
    const regions = new Set(before.items.filter((i: { year: number }) => i.year === year).map((i: { regionCode: string }) => i.regionCode));
    expect(regions.size).toBe(8);

    expect((await city.put('/api/policy', { lines: [{ regionCode: 'H04', year: fileYear, monthlyLine: 480 }] })).statusCode).toBe(200);
    await waitJobs();
    const after = (await city.get('/api/policy/missing-lines')).json();
    expect(after.items.some((i: { regionCode: string; year: number }) => i.regionCode === 'H04' && i.year === fileYear)).toBe(false);

    // a county user is told about its own region only
    const region = (await (await ctx.userIn('H01')).get('/api/policy/missing-lines')).json();
    expect(new Set(region.items.map((i: { regionCode: string }) => i.regionCode))).toEqual(new Set(['H01']));
  });

  it('refuses a monthly line above the hard limit, naming the field', async () => {
    const res = await city.put('/api/policy', { lines: [{ regionCode: 'H07', year: 2016, monthlyLine: 99_999 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'lines[0].monthlyLine', message: MONTHLY_LINE_MAX_MESSAGE }]);
    expect((await city.post('/api/policy/preview', { lines: [{ regionCode: 'H07', year: 2016, monthlyLine: MONTHLY_LINE_MAX_YUAN }] })).statusCode).toBe(200);
  });

  it('validates a change field by field', async () => {
    const res = await city.put('/api/policy', { lines: [{ regionCode: 'H09', year: 2016, monthlyLine: 500 }, { regionCode: 'H01', year: 1999, monthlyLine: -1 }], marginalRatio: 'abc' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['lines[1].monthlyLine', 'lines[1].year', 'marginalRatio']);
  });

  it('previews a line change exactly, saves it, re-evaluates in the background and keeps the history', async () => {
    // H03 2016: incomes 5,999.99 (below 500×12), 6,000 (on the line, no special reason) and 7,000.
    const below = (await clerk.post('/api/households', single('H03', 5999.99))).json();
    const onLine = (await clerk.post('/api/households', single('H03', 6000))).json();
    const above = (await clerk.post('/api/households', single('H03', 7000))).json();
    for (const f of [below, onLine, above]) await ctx.fileThrough(f.id);
    const change = { lines: [{ regionCode: 'H03', year: 2016, monthlyLine: 500 }], reason: '2016年钟祥低保标准' };
    const preview = (await city.post('/api/policy/preview', change)).json();
    expect(preview.files).toBe(3);
    // all three were "cannot decide": each now has a decision
    expect(preview.eligibilityChanged).toBe(3);
    expect(preview.becomeEligible).toBe(1);
    expect(preview.becomeIneligible).toBe(2);
    expect(preview.categoryChanged).toBe(1);
    expect(preview.byPair).toEqual([expect.objectContaining({ regionCode: 'H03', year: 2016, files: 3, monthlyLine: 500, regionName: '钟祥' })]);
    expect(preview.samples.map((s: { id: number }) => s.id).sort()).toEqual([below.id, onLine.id, above.id].sort());
    // nothing saved yet
    expect((await clerk.get(`/api/households/${below.id}`)).json().identification.eligible).toBeNull();

    const saved = await city.put('/api/policy', change);
    expect(saved.statusCode).toBe(200);
    const { version, jobId } = saved.json();
    await waitJobs();
    const job = (await city.get(`/api/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', total: 3, done: 3, changed: 3 });
    const changes = (await city.get(`/api/jobs/${jobId}/changes`)).json().items;
    expect(changes).toHaveLength(3);

    const b = (await clerk.get(`/api/households/${below.id}`)).json().identification;
    expect(b).toMatchObject({ eligible: true, conditions: ['C1'], category: '低保户', annualLine: 6000, flags: ['dibaoNotReceived'] });
    expect(b.policy).toMatchObject({ regionCode: 'H03', year: 2016, monthlyLine: 500, version });
    const o = (await clerk.get(`/api/households/${onLine.id}`)).json().identification;
    expect(o).toMatchObject({ eligible: false, conditions: [], category: null });

    const policy = (await city.get('/api/policy')).json();
    expect(policy.version).toBe(version);
    expect(policy.lines).toContainEqual(expect.objectContaining({ regionCode: 'H03', year: 2016, monthlyLine: 500, isExample: false }));
    const hist = (await city.get('/api/policy/history')).json().items;
    expect(hist[0]).toMatchObject({ version, reason: '2016年钟祥低保标准', jobId, changes: [{ item: 'monthlyLine', regionCode: 'H03', year: 2016, old: null, new: 500 }] });

    // the two filed files that meet no condition are proposed for removal
    const proposals = (await city.get('/api/removal-proposals?regionCode=H03')).json();
    expect(proposals.items.map((p: { householdId: number }) => p.householdId).sort()).toEqual([onLine.id, above.id].sort());
    expect(proposals.items[0].reason).toMatch(/三项条件均不符合/);

    // raising the line to 583.34 brings the 7,000 file below it (7,000 < 7,000.08)
    const raise = { lines: [{ regionCode: 'H03', year: 2016, monthlyLine: 583.34 }], expectedVersion: version };
    const p2 = (await city.post('/api/policy/preview', raise)).json();
    expect(p2).toMatchObject({ files: 3, eligibilityChanged: 2, becomeEligible: 2, becomeIneligible: 0 });
    const stale = await city.put('/api/policy', { ...raise, expectedVersion: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect((await city.put('/api/policy', raise)).statusCode).toBe(200);
    await waitJobs();
    expect((await clerk.get(`/api/households/${above.id}`)).json().identification.category).toBe('低保户');
    // a file that qualifies again has its proposal withdrawn
    const left = (await city.get('/api/removal-proposals?regionCode=H03')).json();
    expect(left.total).toBe(0);
  });

  it('a change of the ratios touches every live file', async () => {
    await city.put('/api/policy', { lines: [{ regionCode: 'H05', year: 2016, monthlyLine: 500 }] });
    await waitJobs();
    // 7,500 is within 130% of 6,000 (7,800); with an ill worker it meets condition 2
    const f = (await clerk.post('/api/households', single('H05', 7500, { health: '糖尿病', category: '低保边缘户' }))).json();
    expect(f.identification).toMatchObject({ eligible: true, conditions: ['C2'], specialReasons: ['illness'] });
    const preview = (await city.post('/api/policy/preview', { marginalRatio: '1.2' })).json();
    expect(preview.byPair.length).toBeGreaterThanOrEqual(2);
    expect(preview.samples.map((s: { id: number }) => s.id)).toContain(f.id);
    const saved = (await city.put('/api/policy', { marginalRatio: '1.2' })).json();
    await waitJobs();
    expect((await clerk.get(`/api/households/${f.id}`)).json().identification).toMatchObject({ eligible: false, policy: { marginalRatio: '1.2', version: saved.version } });
    await city.put('/api/policy', { marginalRatio: '1.3' });
    await waitJobs();
  });
});

describe('the what-if agrees with identify() on every file', () => {
  it('predicts exactly the files whose eligibility or category changes', async () => {
    await city.put('/api/policy', { lines: [{ regionCode: 'H06', year: 2016, monthlyLine: 520 }] });
    await waitJobs();
    // A spread of incomes around the lines, sizes, expenses and special reasons.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const size = 1 + rnd(4);
      const members: HouseholdInput['members'] = Array.from({ length: size - 1 }, (_, k) => ({
        name: `成员${k}`, relation: k === 0 ? ('配偶' as const) : ('子' as const), gender: k === 0 ? ('女' as const) : ('男' as const), education: '初中' as const,
        idNumber: makeIdNumber(k === 0 ? '19700101' : '20050101', k === 0 ? '女' : '男'), health: rnd(5) === 0 ? '肺病' : '良好',
        disabilityGrade: '无' as const, annualIncome: 0, occupation: k === 0 ? ('灵活就业' as const) : rnd(2) ? ('义务教育在校' as const) : ('其他' as const),
      }));
      const income = (5000 + rnd(4000)) * size + rnd(100) / 100;
      const f = await clerk.post('/api/households', makeHousehold({
        regionCode: 'H06', householdSize: size, members, householdAnnualIncome: income, ownAnnualIncome: 0,
        medicalExpense: rnd(6) === 0 ? Math.round(income * (0.4 + rnd(3) / 10)) : 0,
      }));
      expect(f.statusCode).toBe(201);
      ids.push(f.json().id);
    }
    const newLine = 600;
    const preview = (await city.post('/api/policy/preview', { lines: [{ regionCode: 'H06', year: 2016, monthlyLine: newLine }] })).json();
    // What core says, file by file.
    let expectedChanged = 0;
    const predicted = new Set(preview.samples.map((s: { id: number }) => s.id));
    for (const id of ids) {
      const file = (await clerk.get(`/api/households/${id}`)).json();
      const parsed = parseHousehold(file);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const next = identify(parsed.data, policyForLine(parsed.data, newLine * 100));
      const changed = next.eligible !== file.identification.eligible || next.category !== file.identification.category;
      if (changed) expectedChanged++;
      expect(predicted.has(id), `file ${id}`).toBe(changed);
    }
    expect(preview.files).toBe(60);
    expect(preview.samples).toHaveLength(expectedChanged);
    expect(expectedChanged).toBeGreaterThan(0);
  });

  it('computes from the bands near the edges what it computes from every file', async () => {
    // the 60 files of H06 above, under a line of 520; the bands forced (bandShare 1) against every file read
    const changes: { line: number; ratio: string; expense?: string }[] = [
      { line: 600, ratio: '1.3' }, { line: 530, ratio: '1.3' }, { line: 480, ratio: '1.3' }, { line: 520, ratio: '1.5' },
      { line: 520, ratio: '1.31' }, { line: 525, ratio: '1.2' }, { line: 700, ratio: '1.1' }, { line: 400, ratio: '2' },
      { line: 520, ratio: '1.3', expense: '0.4' }, { line: 520, ratio: '1.3', expense: '0.65' }, { line: 520, ratio: '1.3', expense: '0.05' },
      // a file may lie in bands of both kinds: computed whole
      { line: 560, ratio: '1.3', expense: '0.6' },
    ];
    const over: string[] = [];
    for (const c of changes) {
      const label = `${c.line} ${c.ratio} ${c.expense ?? '0.5'}`;
      const pair = { regionCode: 'H06', year: 2016, monthlyLineFen: c.line * 100, oldLineFen: 52_000 };
      const base = await whatIfContext(ctx.db, { oldMarginalRatio: '1.3', marginalRatio: c.ratio, oldExpenseRatio: '0.5', expenseRatio: c.expense ?? '0.5' });
      const viaBands = await pairImpact(ctx.db, pair, { ...base, bandShare: 1 }, 200);
      const viaAll = await pairImpact(ctx.db, pair, { ...base, liveFiles: null }, 200);
      expect(viaAll.over).toBe('all');
      over.push(viaBands.over);
      expect(viaBands.outcome, label).toEqual(viaAll.outcome);
      expect(viaBands.samples.map((s) => s.id), label).toEqual(viaAll.samples.map((s) => s.id));
      if (c.expense === '0.4') expect(viaAll.outcome.categoryChanged, label).toBeGreaterThan(0);
    }
    expect(over).toEqual([...Array(changes.length - 1).fill('bands'), 'all']);
  });

  it('gives the pairs in order and the first changed files of them all, however many pairs it computes at once', async () => {
    const base = await whatIfContext(ctx.db, { oldMarginalRatio: '1.3', marginalRatio: '1.3', oldExpenseRatio: '0.5', expenseRatio: '0.5' });
    const pairs = [600, 480, 700, 530].map((line) => ({ regionCode: 'H06', year: 2016, monthlyLineFen: line * 100, oldLineFen: 52_000 }));
    for (const limit of [3, 8, 200]) {
      // one pair after the other, each given what is left of the limit
      const outcomes: PairOutcome[] = [];
      const samples: number[] = [];
      for (const pair of pairs) {
        const one = await pairImpact(ctx.db, pair, base, limit - samples.length);
        outcomes.push(one.outcome);
        samples.push(...one.samples.map((x) => x.id));
      }
      expect(samples.length).toBeGreaterThan(0);
      const all = await pairImpacts(ctx.db, pairs, base, limit);
      expect(all.outcomes, `limit ${limit}`).toEqual(outcomes);
      expect(all.samples.map((x) => x.id), `limit ${limit}`).toEqual(samples);
    }
  });
});

describe('removal proposals', () => {
  it('confirms many at once: removed with the reason, audited; rejected ones stay', async () => {
    await city.put('/api/policy', { lines: [{ regionCode: 'H07', year: 2016, monthlyLine: 500 }] });
    await waitJobs();
    const a = (await clerk.post('/api/households', single('H07', 9000))).json();
    const b = (await clerk.post('/api/households', single('H07', 9500))).json();
    const c = (await clerk.post('/api/households', single('H07', 9900))).json();
    const draft = (await clerk.post('/api/households', single('H07', 9800))).json();
    for (const f of [a, b, c]) await ctx.fileThrough(f.id);
    const pending = (await city.get('/api/removal-proposals?regionCode=H07')).json().items;
    const pa = pending.find((p: { householdId: number }) => p.householdId === a.id);
    const pb = pending.find((p: { householdId: number }) => p.householdId === b.id);
    const pc = pending.find((p: { householdId: number }) => p.householdId === c.id);
    expect(pa.explanation).toMatch(/超过当地年低保标准/);
    // a draft that meets no condition is the reviewers' to judge, not a removal proposal
    expect(pending.find((p: { householdId: number }) => p.householdId === draft.id)).toBeUndefined();

    const regionUser = await ctx.userIn('H01');
    const notYours = (await regionUser.post('/api/removal-proposals/decide', { ids: [pa.id], decision: 'confirm' })).json();
    expect(notYours.results[0]).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const res = (await city.post('/api/removal-proposals/decide', { ids: [pa.id, pb.id], decision: 'confirm' })).json();
    expect(res.decided).toBe(2);
    const ra = (await clerk.get(`/api/households/${a.id}`)).json();
    expect(ra.status).toBe('removed');
    expect(ra.removalReason).toMatch(/三项条件均不符合/);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', String(a.id)).where('action', '=', 'household.remove').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ proposalId: pa.id, result: { conditions: [], annualLine: 6000 } });

    const again = (await city.post('/api/removal-proposals/decide', { ids: [pa.id], decision: 'confirm' })).json();
    expect(again.results[0]).toMatchObject({ ok: false, code: 'ALREADY_DECIDED' });
    const rej = (await city.post('/api/removal-proposals/decide', { ids: [pc.id], decision: 'reject', note: '家庭有特殊情况，暂缓剔除' })).json();
    expect(rej.decided).toBe(1);
    expect((await clerk.get(`/api/households/${c.id}`)).json().status).toBe('filed');
    const confirmed = (await city.get('/api/removal-proposals?status=confirmed&regionCode=H07')).json();
    expect(confirmed.total).toBe(2);
    // the decision not to remove stands while the household stays ineligible: an edit does not re-propose it…
    const cf = (await clerk.get(`/api/households/${c.id}`)).json();
    const { id: _i, version, workerNo: _w, warnings: _x, status: _s, removalReason: _r, createdAt: _c, updatedAt: _u, perCapitaIncome: _p, identification: _id, opinions: _o, statusLabel: _l, returnReason: _rr, exitReason: _er, exitDate: _ed, createdBy: _cb, ...input } = cf;
    expect((await clerk.put(`/api/households/${c.id}`, { ...input, phone: '13911112222', version, reason: '更新联系电话' })).statusCode).toBe(200);
    const pendingC = async () => (await city.get('/api/removal-proposals?regionCode=H07')).json().items.filter((p: { householdId: number }) => p.householdId === c.id);
    expect(await pendingC()).toEqual([]);
    // …but once it has qualified in between and fails again, it is proposed again
    await city.put('/api/policy', { lines: [{ regionCode: 'H07', year: 2016, monthlyLine: 900 }] });
    await waitJobs();
    await city.put('/api/policy', { lines: [{ regionCode: 'H07', year: 2016, monthlyLine: 500 }] });
    await waitJobs();
    expect(await pendingC()).toHaveLength(1);
    // a removed household can be filed again
    const refile = await clerk.post('/api/households', { ...single('H07', 3000), idNumber: a.idNumber });
    expect(refile.statusCode).toBe(201);
  });
});

describe('POST /api/identify', () => {
  it('identifies without storing, with a given line', async () => {
    const res = await clerk.post('/api/identify', { household: makeHousehold({ householdAnnualIncome: 15000 }), monthlyLine: 500 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ eligible: true, conditions: ['C1'], category: '低保户', perCapitaIncome: 5000, annualLine: 6000 });
    expect(res.json().explanation).toMatch(/5,000\.00 元，低于当地年低保标准 6,000\.00 元/);
  });

  it('names every bad field under household.*', async () => {
    const res = await clerk.post('/api/identify', { household: { ...makeHousehold(), idNumber: '123' }, monthlyLine: 'abc' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['household.idNumber', 'monthlyLine']));
  });
});
