import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

let ctx: TestContext;
let clerk: Client;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  clerk = await ctx.userIn('H', 'city');
  city = await ctx.userIn('H', 'city');
  await city.put('/api/policy', { lines: [{ regionCode: 'H01', year: 2016, monthlyLine: 500 }, { regionCode: 'H02', year: 2016, monthlyLine: 500 }] });
  await ctx.app.jobs.idle();
});
afterAll(() => ctx?.close());

async function filed(over: Parameters<typeof makeHousehold>[0] = {}) {
  const f = (await clerk.post('/api/households', makeHousehold({ regionCode: 'H01', ...over }))).json();
  await ctx.fileThrough(f.id);
  return f;
}

const ago = (days: number) => {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

describe('tailored measures', () => {
  it('recommends measures from the causes with reasons, and keeps a plan with urgency and batch', async () => {
    const f = await filed({ causes: ['因未就业', '因病'], health: '尿毒症', wantsToStartBusiness: true, rightsInfringed: true, householdAnnualIncome: 9000 });
    const rec = (await clerk.get(`/api/households/${f.id}/recommendations`)).json();
    expect(rec.map((r: { measure: string }) => r.measure)).toEqual(['startupLoan', 'startupPolicy', 'jobReferral', 'skillTraining', 'rightsMediation', 'medicalMutualAid', 'seriousIllnessAid']);
    expect(rec[0]).toMatchObject({ name: '工会小额贷款', category: '创业扶持', reason: expect.stringMatching(/有创业愿望/) });

    const plan = (await clerk.get(`/api/households/${f.id}/plan`)).json();
    // 9,000 for 3 people under a 6,000 line: the income part is floor(40 × (23,400 − 9,000) / 23,400) = 24; illness 15; one child in school 8
    expect(plan.urgency).toMatchObject({ score: 47, batch: 2, batchLabel: '第二批' });
    expect(plan.urgency.parts.map((p: { factor: string; points: number }) => [p.factor, p.points])).toEqual([['income', 24], ['illness', 15], ['school', 8]]);
    expect(plan.items).toEqual([]);

    const saved = await clerk.put(`/api/households/${f.id}/plan`, { items: [
      { measure: 'jobReferral', targetDate: '2016-09-30', status: 'inProgress' },
      { measure: 'winterWarmth', targetDate: '2017-01-20', status: 'planned' },
    ] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items.map((i: { measure: string; recommended: boolean }) => [i.measure, i.recommended])).toEqual([['jobReferral', true], ['winterWarmth', false]]);
    const bad = await clerk.put(`/api/households/${f.id}/plan`, { items: [{ measure: 'nope' }, { measure: 'jobReferral', targetDate: '2016-13-01' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['items[0].measure', 'items[1].targetDate']);
    const batches = (await clerk.get('/api/batches')).json();
    expect(batches.regions.find((r: { regionCode: string }) => r.regionCode === 'H01').batches[1]).toBeGreaterThanOrEqual(1);
  });

  it('keeps plans for filed households only', async () => {
    const draft = (await clerk.post('/api/households', makeHousehold({ regionCode: 'H01' }))).json();
    const res = await clerk.put(`/api/households/${draft.id}/plan`, { items: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOT_FILED');
  });

  it('lets the city union edit the catalog, and no one else', async () => {
    const region = await ctx.userIn('H01');
    expect((await region.post('/api/measures', { name: '爱心超市', category: '定向援助' })).statusCode).toBe(403);
    const added = await city.post('/api/measures', { name: '爱心超市', category: '定向援助', description: '凭卡领取生活物资' });
    expect(added.statusCode).toBe(201);
    const list = (await region.get('/api/measures')).json().items;
    expect(list.at(-1)).toMatchObject({ code: added.json().code, name: '爱心超市', active: true });
  });
});

describe('responsibility', () => {
  it('names a leader and a cadre; a change needs a reason and is kept with who, when and why', async () => {
    const f = await filed();
    const leader = await ctx.userIn('H', 'leader');
    const cadre = await ctx.userIn('H01');
    const other = await ctx.userIn('H01');
    const set = await clerk.put(`/api/households/${f.id}/responsibility`, { leaderUsername: leader.username, cadreUsername: cadre.username });
    expect(set.statusCode).toBe(200);
    expect(set.json().leader.username).toBe(leader.username);
    const noReason = await clerk.put(`/api/households/${f.id}/responsibility`, { leaderUsername: leader.username, cadreUsername: other.username });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const changed = (await clerk.put(`/api/households/${f.id}/responsibility`, { leaderUsername: leader.username, cadreUsername: other.username, reason: '原责任人调离' })).json();
    expect(changed.cadre.username).toBe(other.username);
    expect(changed.history[0]).toMatchObject({ reason: '原责任人调离' });
    expect(changed.history).toHaveLength(2);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(f.id)).where('action', 'like', 'responsibility.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['responsibility.set', 'responsibility.change']);
    // the responsible leader (a city leader) now sees the household, and appears in 我的帮扶对象
    expect((await leader.get(`/api/households/${f.id}`)).statusCode).toBe(200);
    expect((await leader.get('/api/my/households')).json().items.map((i: { id: number }) => i.id)).toContain(f.id);
    const bad = await clerk.put(`/api/households/${f.id}/responsibility`, { leaderUsername: 'nobody', cadreUsername: other.username, reason: 'x' });
    expect(bad.json().errors[0].path).toBe('leaderUsername');
  });

  it('shows which city leaders and staff have fewer or more than their 2 and 1 households', async () => {
    const leader = await ctx.userIn('H', 'leader');
    const staff = await ctx.userIn('H', 'staff');
    const [a, b, c] = [await filed(), await filed(), await filed()];
    for (const h of [a, b, c]) expect((await city.post(`/api/households/${h.id}/links`, { username: leader.username })).statusCode).toBe(200);
    const q = (await city.get('/api/links/quota')).json().items;
    expect(q.find((x: { username: string }) => x.username === leader.username)).toMatchObject({ expected: 2, linked: 3, status: 'more' });
    expect(q.find((x: { username: string }) => x.username === staff.username)).toMatchObject({ expected: 1, linked: 0, status: 'fewer' });
    await city.del(`/api/households/${c.id}/links/${leader.username}`);
    await city.post(`/api/households/${c.id}/links`, { username: staff.username });
    const q2 = (await city.get('/api/links/quota')).json().items;
    expect(q2.find((x: { username: string }) => x.username === leader.username).status).toBe('ok');
    expect(q2.find((x: { username: string }) => x.username === staff.username).status).toBe('ok');
    // the linked staff member sees that household and no other
    const list = (await staff.get('/api/households')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([c.id]);
  });

  it('a working group\'s leader sees the county\'s households and its progress', async () => {
    const leader = await ctx.userIn('H', 'leader');
    const h02 = await filed({ regionCode: 'H02' });
    expect((await leader.get(`/api/households/${h02.id}`)).statusCode).toBe(404);
    const res = await city.put('/api/working-groups', { groups: [{ regionCode: 'H02', name: '沙洋工作组', leaderUsername: leader.username }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(7);
    expect(res.json().items.find((g: { regionCode: string }) => g.regionCode === 'H02')).toMatchObject({ name: '沙洋工作组', leader: { username: leader.username }, filed: 1 });
    expect((await leader.get(`/api/households/${h02.id}`)).statusCode).toBe(200);
    const bad = await city.put('/api/working-groups', { groups: [{ regionCode: 'H08', name: '市直', leaderUsername: (await ctx.userIn('H', 'staff')).username }] });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['groups[0].regionCode', 'groups[0].leaderUsername']);
  });

  it('has 机关干部 as members, one group each, and lists the households linked to its people', async () => {
    const leader = await ctx.userIn('H', 'leader');
    const [a, b] = [await ctx.userIn('H', 'staff'), await ctx.userIn('H', 'staff')];
    const outsider = await ctx.userIn('H', 'staff');
    const mine = await filed({ regionCode: 'H05' });
    expect((await city.post(`/api/households/${mine.id}/links`, { username: a.username })).statusCode).toBe(200);
    // a is also its 具体责任人: linked twice, counted and listed once
    const resp = await city.put(`/api/households/${mine.id}/responsibility`, { leaderUsername: leader.username, cadreUsername: a.username });
    expect(resp.statusCode, resp.body).toBe(200);
    const put = (groups: unknown[]) => city.put('/api/working-groups', { groups });
    const saved = await put([{ regionCode: 'H05', name: '掇刀工作组', leaderUsername: leader.username, memberUsernames: [a.username, b.username] }]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items.find((g: { regionCode: string }) => g.regionCode === 'H05').members).toEqual([
      { username: a.username, displayName: expect.any(String), linked: 1 }, { username: b.username, displayName: expect.any(String), linked: 0 },
    ].sort((x, y) => x.username.localeCompare(y.username)));
    // one group each; a leader is no member
    const twice = await put([{ regionCode: 'H06', name: '漳河工作组', memberUsernames: [a.username, a.username, leader.username] }]);
    expect(twice.json().errors.map((e: { path: string }) => e.path)).toEqual(['groups[0].memberUsernames[1]', 'groups[0].memberUsernames[2]']);
    // moving a member to another group takes them out of the first
    await put([{ regionCode: 'H06', name: '漳河工作组', memberUsernames: [b.username] }]);
    const groups = (await a.get('/api/working-groups')).json().items;
    expect(groups.find((g: { regionCode: string }) => g.regionCode === 'H05').members.map((m: { username: string }) => m.username)).toEqual([a.username]);
    // the group's page: its people's households, for the city, the leader and a member, not for another staff member
    for (const who of [city, leader, a]) {
      const list = await who.get('/api/working-groups/H05/households');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({ id: mine.id, username: leader.username }), expect.objectContaining({ id: mine.id, username: a.username, status: 'filed', overdue: true }),
      ]);
    }
    expect((await outsider.get('/api/working-groups/H05/households')).statusCode).toBe(403);
    expect((await city.get('/api/working-groups/H08/households')).statusCode).toBe(404);
  });
});

describe('assistance records', () => {
  it('records visits and aid, counts solved problems per household, cadre and region, and lists the overdue', async () => {
    const a = await filed({ regionCode: 'H02' });
    const b = await filed({ regionCode: 'H02' });
    const cadre = await ctx.userIn('H02');
    const year = Number(todayInChina().slice(0, 4));
    const r1 = await cadre.post(`/api/households/${a.id}/assistance`, { date: ago(3), type: '走访', description: '入户走访，了解就业需求' });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({ type: '走访', amount: null, solvedProblem: false });
    expect((await cadre.post(`/api/households/${a.id}/assistance`, { date: ago(2), type: '慰问金', amount: 500.5, description: '春节慰问', solvedProblem: false })).statusCode).toBe(201);
    expect((await cadre.post(`/api/households/${a.id}/assistance`, { date: ago(1), type: '岗位推荐', description: '推荐到某物流公司就业', solvedProblem: true })).statusCode).toBe(201);
    const noAmount = await cadre.post(`/api/households/${a.id}/assistance`, { date: ago(1), type: '慰问金', description: '慰问' });
    expect(noAmount.json().errors[0].path).toBe('amount');
    const future = await cadre.post(`/api/households/${a.id}/assistance`, { date: '2999-01-01', type: '走访', description: '走访' });
    expect(future.json().errors[0].path).toBe('date');

    const s = (await cadre.get(`/api/assistance/summary?year=${year}&regionCode=H02`)).json();
    const ha = s.households.find((h: { id: number }) => h.id === a.id);
    expect(ha).toMatchObject({ records: 3, visits: 1, money: 500.5, solved: 1, metTarget: true, lastAssistedOn: ago(1) });
    const region = s.regions.find((r: { regionCode: string }) => r.regionCode === 'H02');
    expect(region).toMatchObject({ records: 3, visits: 1, money: 500.5, solved: 1, metTarget: 1 });
    expect(s.cadres.find((c: { username: string }) => c.username === cadre.username)).toMatchObject({ records: 3, visits: 1, households: 1, solved: 1, money: 500.5 });
    // b was never visited: overdue; a was visited yesterday: not
    expect(s.overdue.map((h: { id: number }) => h.id)).toContain(b.id);
    expect(s.overdue.map((h: { id: number }) => h.id)).not.toContain(a.id);
    const records = (await cadre.get(`/api/households/${a.id}/assistance`)).json().items;
    expect(records.map((r: { type: string }) => r.type)).toEqual(['岗位推荐', '慰问金', '走访']);
  });

  it('uses the configured overdue days', async () => {
    const h = await filed({ regionCode: 'H02' });
    const cadre = await ctx.userIn('H02');
    await cadre.post(`/api/households/${h.id}/assistance`, { date: ago(40), type: '走访', description: '走访' });
    const overdueIds = async () => (await cadre.get('/api/assistance/summary?regionCode=H02')).json().overdue.map((x: { id: number }) => x.id);
    expect(await overdueIds()).not.toContain(h.id); // 40 < 90
    const s = (await city.get('/api/settings/assistance')).json();
    expect((await city.put('/api/settings/assistance', { ...s, overdueDays: 30 })).statusCode).toBe(200);
    expect(await overdueIds()).toContain(h.id);
    await city.put('/api/settings/assistance', { ...s, overdueDays: 90 });
  });

  it('re-scores urgency when the weights change', async () => {
    const h = await filed({ health: '肺病' });
    const before = (await clerk.get(`/api/households/${h.id}/plan`)).json().urgency;
    const s = (await city.get('/api/settings/assistance')).json();
    await city.put('/api/settings/assistance', { ...s, urgencyWeights: { ...s.urgencyWeights, illness: 50 } });
    await ctx.app.jobs.idle();
    const after = (await clerk.get(`/api/households/${h.id}/plan`)).json().urgency;
    expect(after.score - before.score).toBe(35);
    await city.put('/api/settings/assistance', s);
    await ctx.app.jobs.idle();
  });

  it('keeps an exited household on record: it can be visited again and come back', async () => {
    const h = await filed();
    const cadre = await ctx.userIn('H01');
    expect((await clerk.post(`/api/households/${h.id}/exit`, { reason: '子女就业，家庭收入稳定', date: todayInChina() })).statusCode).toBe(200);
    expect((await cadre.post(`/api/households/${h.id}/assistance`, { date: todayInChina(), type: '走访', description: '脱困后回访' })).statusCode).toBe(201);
    expect((await clerk.post(`/api/households/${h.id}/reopen`, { reason: '再次失业' })).json().status).toBe('draft');
  });

  it('refuses the read-only steering group', async () => {
    const h = await filed();
    const viewer = await ctx.userIn('H', 'viewer');
    const res = await viewer.post(`/api/households/${h.id}/assistance`, { date: todayInChina(), type: '走访', description: '走访' });
    expect(res.statusCode).toBe(403);
  });
});

describe('responsibility candidates', () => {
  it('finds the people who may be named by their name, within the file\'s reach and role', async () => {
    const f = await filed();
    const leader = await ctx.userIn('H', 'leader');
    const own = await ctx.userIn('H01');
    const far = await ctx.userIn('H03');
    const staff = await ctx.userIn('H', 'staff');
    const usernames = async (kind: string, q = '') =>
      ((await clerk.get(`/api/households/${f.id}/responsibility/candidates?kind=${kind}&q=${encodeURIComponent(q)}`)).json().items as { username: string }[]).map((i) => i.username);
    const leaders = await usernames('leader');
    expect(leaders).toEqual(expect.arrayContaining([leader.username, own.username]));
    expect(leaders).not.toContain(far.username); // a county cadre of another region cannot see the file
    expect(leaders).not.toContain(staff.username); // 机关干部 are 具体责任人, not 责任领导
    expect(await usernames('cadre')).toEqual(expect.arrayContaining([staff.username, own.username]));
    // by name: every user here is named 测试N; the N of the leader finds the leader
    const me = (await leader.get('/api/session')).json().user.displayName as string;
    const byName = await usernames('leader', me);
    expect(byName).toContain(leader.username);
    expect(byName.every((u) => u !== far.username)).toBe(true);
    const found = (await clerk.get(`/api/households/${f.id}/responsibility/candidates?kind=leader&q=${encodeURIComponent(me)}`)).json().items;
    expect(found.find((i: { username: string }) => i.username === leader.username)).toMatchObject({ displayName: me, orgName: expect.any(String), role: 'leader' });
    expect((await clerk.get(`/api/households/${f.id}/responsibility/candidates?kind=boss`)).statusCode).toBe(400);
  });
});

describe('responsibility reach', () => {
  it('refuses a county cadre of another region as responsible person', async () => {
    const f = await filed();
    const leader = await ctx.userIn('H', 'leader');
    const h03 = await ctx.userIn('H03');
    const res = await clerk.put(`/api/households/${f.id}/responsibility`, { leaderUsername: leader.username, cadreUsername: h03.username });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'cadreUsername', message: expect.stringMatching(/不属于该户所在地区或单位的工会/) }]);
  });
});
