// 档案转移 through the API: asked by the side holding the file or by the receiving side, agreed or
// refused by the other, done at once by whoever files on both; the file keeps every record, takes a
// worker number of its new region, and its old number still finds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { tallyDifferences } from '../households/tally.repository.js';
import { assistanceTallyDifferences } from '../assistance/assistance-tally.repository.js';

let ctx: TestContext;
let city: Client;
let h01: Client;
let h02: Client;
let h03: Client;
const today = todayInChina();

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  h01 = await ctx.userIn('H01');
  h02 = await ctx.userIn('H02');
  h03 = await ctx.userIn('H03');
});
afterAll(() => ctx?.close());

async function filed(regionCode = 'H01', extra: Record<string, unknown> = {}) {
  const res = await city.post('/api/households', makeHousehold({ regionCode, ...extra }));
  expect(res.statusCode).toBe(201);
  const f = res.json();
  expect((await ctx.fileThrough(f.id)).statusCode).toBe(200);
  return { id: f.id as number, workerNo: f.workerNo as string, idNumber: f.idNumber as string };
}

/** Rows of every table that hangs off a household, counted for one household. */
async function recordsOf(id: number) {
  const count = async (table: 'household_versions' | 'household_members' | 'household_causes' | 'assistance_records' | 'household_plans' | 'review_opinions' | 'follow_ups' | 'responsibility_changes') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('household_id', '=', id).executeTakeFirstOrThrow()).n);
  return {
    versions: await count('household_versions'), members: await count('household_members'), causes: await count('household_causes'),
    assistance: await count('assistance_records'), plan: await count('household_plans'), opinions: await count('review_opinions'),
    followUps: await count('follow_ups'), responsibility: await count('responsibility_changes'),
  };
}

const links = async (id: number) => (await ctx.db.selectFrom('household_links').select(['user_id', 'kind']).where('household_id', '=', id).execute()).map((l) => l.kind).sort();

describe('a transfer asked by the county holding the file and agreed by the receiving county', () => {
  it('moves the file with every record, hands out a number of the new region, and the old number still finds it', async () => {
    const f = await filed('H01');
    // a county cadre of H01 visits and is named responsible; a city staff member is linked (定点联系)
    const cadre = await ctx.userIn('H01');
    const leader = await ctx.userIn('H01');
    const staff = await ctx.userIn('H', 'staff');
    const cadreName = cadre.username;
    expect((await h01.put(`/api/households/${f.id}/responsibility`, { leaderUsername: leader.username, cadreUsername: cadreName })).statusCode).toBe(200);
    expect((await city.post(`/api/households/${f.id}/links`, { username: staff.username })).statusCode).toBe(200);
    const measure = (await city.get('/api/measures')).json().items[0].code;
    expect((await h01.put(`/api/households/${f.id}/plan`, { items: [{ measure, targetDate: addMonths(today, 3), status: 'inProgress' }] })).statusCode).toBe(200);
    expect((await cadre.post(`/api/households/${f.id}/assistance`, { date: today, type: '走访', description: '入户走访，了解家庭近况', solvedProblem: false })).statusCode).toBe(201);
    const before = await recordsOf(f.id);
    expect(await links(f.id)).toEqual(['cadre', 'leader', 'link']);

    const asked = await h01.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H02', reason: '全家随子女迁居掇刀区' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toEqual({ id: expect.any(Number), status: 'pending', workerNo: f.workerNo });
    const tid = asked.json().id;
    // nothing moved yet
    expect((await h01.get(`/api/households/${f.id}`)).json().workerNo).toBe(f.workerNo);

    const incoming = (await h02.get('/api/transfers?box=incoming')).json();
    expect(incoming.items.map((t: { id: number }) => t.id)).toContain(tid);
    expect(incoming.items.find((t: { id: number }) => t.id === tid)).toMatchObject({
      side: 'from', status: 'pending', canDecide: true, canCancel: false, from: { regionCode: 'H01' }, to: { regionCode: 'H02', unitId: null }, oldWorkerNo: f.workerNo, newWorkerNo: null,
    });
    expect((await h02.get('/api/todos')).json().items).toContainEqual(expect.objectContaining({ kind: 'transfersToDecide', count: 1, link: '/transfers?box=incoming' }));
    const outgoing = (await h01.get('/api/transfers?box=outgoing')).json().items.find((t: { id: number }) => t.id === tid);
    expect(outgoing).toMatchObject({ canDecide: false, canCancel: true });
    // the asking side cannot agree for the other; a third county does not see it at all
    expect((await h01.post(`/api/transfers/${tid}/decision`, { decision: 'agree' })).statusCode).toBe(403);
    expect((await h03.post(`/api/transfers/${tid}/decision`, { decision: 'agree' })).statusCode).toBe(404);
    expect((await h03.get('/api/transfers?box=all')).json().items.map((t: { id: number }) => t.id)).not.toContain(tid);

    const agreed = await h02.post(`/api/transfers/${tid}/decision`, { decision: 'agree', opinion: '同意接收' });
    expect(agreed.statusCode).toBe(200);
    const newNo = agreed.json().newWorkerNo as string;
    expect(newNo).toMatch(/^H02\d{5}$/);
    expect(agreed.json()).toMatchObject({ status: 'agreed', workerNo: newNo, oldWorkerNo: f.workerNo, opinion: '同意接收', canDecide: false });
    expect((await h02.post(`/api/transfers/${tid}/decision`, { decision: 'agree' })).json().code).toBe('TRANSFER_DECIDED');

    // the file is H02's now: H01 no longer sees it, H02 does, with every record
    expect((await h01.get(`/api/households/${f.id}`)).statusCode).toBe(404);
    const file = (await h02.get(`/api/households/${f.id}`)).json();
    expect(file).toMatchObject({ workerNo: newNo, regionCode: 'H02', unitId: null, status: 'filed', idNumber: f.idNumber });
    const after = await recordsOf(f.id);
    expect(after).toEqual({ ...before, versions: before.versions + 1, responsibility: before.responsibility + 1 });
    expect((await h02.get(`/api/households/${f.id}/assistance`)).json().items).toHaveLength(1);
    expect((await h02.get(`/api/households/${f.id}/plan`)).json().items.map((i: { measure: string }) => i.measure)).toEqual([measure]);

    // the responsible leader and cadre are named again in H02; the city's own link stays
    expect(await links(f.id)).toEqual(['link']);
    const resp = (await h02.get(`/api/households/${f.id}/responsibility`)).json();
    expect(resp).toMatchObject({ leader: null, cadre: null });
    expect(resp.history[0]).toMatchObject({ newLeader: null, newCadre: null, reason: expect.stringContaining('档案转移') });
    // the old cadre keeps seeing what they wrote, without the file
    const mine = (await cadre.get('/api/my/assistance-records')).json();
    expect(mine.items).toEqual([expect.objectContaining({ householdId: f.id, workerNo: newNo, regionCode: 'H01', inScope: false, description: '入户走访，了解家庭近况' })]);
    expect((await cadre.get(`/api/households/${f.id}/assistance`)).statusCode).toBe(404);

    // the history says where from and where to
    const history = (await h02.get(`/api/households/${f.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'transfer', reason: expect.stringContaining('全家随子女迁居掇刀区') });
    expect(history[0].changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'workerNo', old: f.workerNo, new: newNo }), expect.objectContaining({ path: 'regionCode', old: 'H01', new: 'H02' }),
    ]));
    const transfers = (await h02.get(`/api/households/${f.id}/transfers`)).json();
    expect(transfers.formerWorkerNos).toEqual([{ workerNo: f.workerNo, regionCode: 'H01', until: today }]);
    expect(transfers.items.map((t: { id: number; status: string }) => [t.id, t.status])).toEqual([[tid, 'agreed']]);
    expect(transfers.items[0].canOpen).toBe(true);
    // the county it left still lists the transfer it asked for, without the file
    expect((await h01.get('/api/transfers?box=outgoing')).json().items.find((t: { id: number }) => t.id === tid)).toMatchObject({ status: 'agreed', canOpen: false });
    // the steering group looks on: nothing waits for it
    const viewer = await ctx.userIn('H', 'viewer');
    expect((await viewer.get('/api/transfers?box=incoming')).json().total).toBe(0);
    expect((await viewer.get('/api/transfers?box=all')).json().items.map((t: { id: number }) => t.id)).toContain(tid);

    // the old number finds the file: the list's search, for the city and for the new county
    for (const who of [city, h02]) {
      const found = (await who.get(`/api/households?q=${f.workerNo}`)).json();
      expect(found.items.map((i: { id: number }) => i.id)).toContain(f.id);
      expect(found.total).toBeGreaterThanOrEqual(1);
    }
    expect((await h01.get(`/api/households?q=${f.workerNo}`)).json().items.map((i: { id: number }) => i.id)).not.toContain(f.id);
    // the identification was made again under H02's policy
    const stored = await ctx.db.selectFrom('household_results').select('id_result').where('household_id', '=', f.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.id_result!).policy.regionCode).toBe('H02');
    expect(await tallyDifferences(ctx.db)).toEqual([]);
    expect(await assistanceTallyDifferences(ctx.db)).toEqual([]);

    const actions = (await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(f.id)).where('entity', '=', 'household').orderBy('id').execute())
      .map((a) => a.action).filter((a) => a.startsWith('transfer') || a === 'household.transfer');
    expect(actions).toEqual(['transfer.request', 'household.transfer']);
    expect((await (await ctx.admin()).get('/api/audit/verify')).json().ok).toBe(true);
  });
});

describe('a transfer asked by the receiving side', () => {
  it('finds the family by its worker number and identity number, and waits for the county holding it', async () => {
    const f = await filed('H01', { name: '王建国' });
    expect((await h02.get(`/api/transfers/lookup?workerNo=${f.workerNo}&idNumber=110101199001011237`)).statusCode).toBe(404);
    const bad = await h02.get('/api/transfers/lookup?workerNo=X1&idNumber=1');
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['idNumber', 'workerNo']);
    const found = await h02.get(`/api/transfers/lookup?workerNo=${f.workerNo.toLowerCase()}&idNumber=${f.idNumber}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ householdId: f.id, workerNo: f.workerNo, regionCode: 'H01', status: 'filed' });
    expect(found.json().name).toBe('王某某');

    // without the identity number (or with another) the receiving side learns nothing and asks nothing
    const noId = await h02.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H02', reason: '已迁入本区居住' });
    expect([noId.statusCode, noId.json().errors[0].path]).toEqual([400, 'idNumber']);
    // a county on neither side gets the same answer as for a file that does not exist
    expect((await h03.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H02', reason: '已迁入本区居住', idNumber: f.idNumber })).statusCode).toBe(404);
    expect((await h03.post('/api/households/999999/transfer', { toRegionCode: 'H03', reason: '已迁入本区居住' })).statusCode).toBe(404);

    const asked = await h02.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H02', reason: '已迁入本区居住', idNumber: f.idNumber });
    expect(asked.statusCode).toBe(201);
    const tid = asked.json().id;
    expect((await h02.post(`/api/transfers/${tid}/decision`, { decision: 'agree' })).statusCode).toBe(403);
    const box = (await h01.get('/api/transfers?box=incoming')).json().items.find((t: { id: number }) => t.id === tid);
    expect(box).toMatchObject({ side: 'to', canDecide: true });
    // a refusal needs its reason, and leaves the file where it was
    const noReason = await h01.post(`/api/transfers/${tid}/decision`, { decision: 'refuse', opinion: '' });
    expect([noReason.statusCode, noReason.json().errors[0].path]).toEqual([400, 'opinion']);
    const refused = await h01.post(`/api/transfers/${tid}/decision`, { decision: 'refuse', opinion: '该户仍在本市东宝区居住' });
    expect(refused.json()).toMatchObject({ status: 'refused', opinion: '该户仍在本市东宝区居住', newWorkerNo: null });
    expect((await h01.get(`/api/households/${f.id}`)).json()).toMatchObject({ workerNo: f.workerNo, regionCode: 'H01' });

    // asked again, the county holding it agrees
    const again = (await h02.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H02', reason: '已核实迁入本区', idNumber: f.idNumber })).json();
    const agreed = (await h01.post(`/api/transfers/${again.id}/decision`, { decision: 'agree', opinion: '' })).json();
    expect(agreed).toMatchObject({ status: 'agreed', newWorkerNo: expect.stringMatching(/^H02/) });
    expect((await h02.get(`/api/households/${f.id}`)).json().workerNo).toBe(agreed.newWorkerNo);
    // the old number found it for the lookup too
    expect((await h03.get(`/api/transfers/lookup?workerNo=${f.workerNo}&idNumber=${f.idNumber}`)).json().householdId).toBe(f.id);
  });
});

describe('transfers done at once', () => {
  it('the city union moves a file between regions without waiting', async () => {
    const f = await filed('H03');
    const res = await city.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H04', reason: '工作调动' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'agreed', workerNo: expect.stringMatching(/^H04\d{5}$/) });
    const list = (await city.get(`/api/households/${f.id}/transfers`)).json();
    expect(list.items[0]).toMatchObject({ side: 'both', status: 'agreed', decidedBy: expect.any(String), newWorkerNo: res.json().workerNo });
  });

  it('a county union moves a file between its own units keeping the number', async () => {
    const admin = await ctx.admin();
    const unit = (await admin.post('/api/orgs', { name: '东宝区转移测试工会', parentCode: 'H01' })).json();
    const f = await filed('H01');
    const res = await h01.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H01', toUnitId: unit.code, reason: '调入该单位工作' });
    expect(res.json()).toEqual({ id: expect.any(Number), status: 'agreed', workerNo: f.workerNo });
    expect((await h01.get(`/api/households/${f.id}`)).json()).toMatchObject({ unitId: unit.code, workerNo: f.workerNo });
    expect((await h01.get(`/api/households/${f.id}/transfers`)).json().formerWorkerNos).toEqual([]);
    // the unit's own union now sees it
    const unitUser = await ctx.userIn(unit.code, 'unit');
    expect((await unitUser.get(`/api/households/${f.id}`)).statusCode).toBe(200);
    // a unit of another region is refused by name
    const other = (await admin.post('/api/orgs', { name: '掇刀区转移测试工会', parentCode: 'H02' })).json();
    const wrong = await h01.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H01', toUnitId: other.code, reason: '调入该单位工作' });
    expect([wrong.statusCode, wrong.json().errors[0].path]).toEqual([400, 'toUnitId']);
    expect(await tallyDifferences(ctx.db)).toEqual([]);
  });
});

describe('what a transfer refuses', () => {
  it('names the field of bad input, and refuses files under review, removed, or already asked for', async () => {
    const f = await filed('H01');
    const paths = async (body: unknown) => {
      const r = await h01.post(`/api/households/${f.id}/transfer`, body);
      expect(r.statusCode).toBe(400);
      return r.json().errors.map((e: { path: string }) => e.path).sort();
    };
    expect(await paths({ toRegionCode: 'Z9', reason: '迁居' })).toEqual(['toRegionCode']);
    expect(await paths({ toRegionCode: 'H99', reason: '迁居' })).toEqual(['toRegionCode']);
    expect(await paths({ toRegionCode: 'H02', reason: '迁' })).toEqual(['reason']);
    expect(await paths({ toRegionCode: 'H02', reason: 'x'.repeat(201) })).toEqual(['reason']);
    expect(await paths({ toRegionCode: 'H01', reason: '原地不动' })).toEqual(['toRegionCode']);
    expect(await paths({})).toEqual(['reason', 'toRegionCode']);

    const first = await h01.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H02', reason: '迁居掇刀区' });
    expect(first.statusCode).toBe(201);
    const second = await h01.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H03', reason: '迁居东宝区' });
    expect([second.statusCode, second.json().code]).toEqual([409, 'TRANSFER_PENDING']);
    // the receiving side cannot withdraw the other side's request; the asking side can
    expect((await h02.post(`/api/transfers/${first.json().id}/cancel`)).statusCode).toBe(403);
    expect((await h01.post(`/api/transfers/${first.json().id}/cancel`)).json().status).toBe('cancelled');
    expect((await h02.post(`/api/transfers/${first.json().id}/decision`, { decision: 'agree' })).json().code).toBe('TRANSFER_DECIDED');
    expect((await h02.get('/api/transfers/0/cancel')).statusCode).toBe(404);

    // under review: belongs to its reviewers
    const draft = (await city.post('/api/households', makeHousehold({ regionCode: 'H01' }))).json();
    expect((await h01.post(`/api/households/${draft.id}/submit`, {})).statusCode).toBe(200);
    const review = await h01.post(`/api/households/${draft.id}/transfer`, { toRegionCode: 'H02', reason: '迁居掇刀区' });
    expect([review.statusCode, review.json().code]).toEqual([409, 'UNDER_REVIEW']);
    // removed: closed
    expect((await h01.post(`/api/households/${f.id}/remove`, { reason: '家庭收入已明显提高' })).statusCode).toBe(200);
    const removed = await h01.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H02', reason: '迁居掇刀区' });
    expect([removed.statusCode, removed.json().code]).toEqual([409, 'HOUSEHOLD_CLOSED']);
    // those who do not file: the steering group, city staff
    const viewer = await ctx.userIn('H', 'viewer');
    const staff = await ctx.userIn('H', 'staff');
    expect((await viewer.post(`/api/households/${draft.id}/transfer`, { toRegionCode: 'H02', reason: '迁居掇刀区' })).statusCode).toBe(403);
    expect((await staff.get('/api/transfers')).statusCode).toBe(403);
    expect((await staff.get(`/api/transfers/lookup?workerNo=${f.workerNo}&idNumber=${f.idNumber}`)).statusCode).toBe(403);
  });

  it('a draft and an exited file move too; an exited file keeps its follow-up schedule', async () => {
    const draft = (await city.post('/api/households', makeHousehold({ regionCode: 'H05' }))).json();
    const d = await city.post(`/api/households/${draft.id}/transfer`, { toRegionCode: 'H06', reason: '户籍迁移' });
    expect(d.json()).toMatchObject({ status: 'agreed', workerNo: expect.stringMatching(/^H06/) });
    expect((await city.get(`/api/households/${draft.id}`)).json().status).toBe('draft');

    const f = await filed('H05');
    expect((await city.post(`/api/households/${f.id}/exit`, { reason: '再就业', date: addMonths(today, -2) })).statusCode).toBe(200);
    const plan = (await city.get(`/api/households/${f.id}/follow-ups`)).json();
    const moved = await city.post(`/api/households/${f.id}/transfer`, { toRegionCode: 'H06', reason: '户籍迁移' });
    expect(moved.json().status).toBe('agreed');
    const h06 = await ctx.userIn('H06');
    const after = (await h06.get(`/api/households/${f.id}/follow-ups`)).json();
    expect(after).toMatchObject({ exitDate: plan.exitDate, next: plan.next });
    expect((await h06.get('/api/follow-ups')).json().items.map((i: { householdId: number }) => i.householdId)).toContain(f.id);
  });
});
