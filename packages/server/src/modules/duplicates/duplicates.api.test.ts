// 重复建档排查 through the API: the scan finds each kind of pair among live files, the queue shows
// each region its own (the city all), "not a duplicate" is remembered across scans, and a merge
// moves every record of the removed file to the one kept, in one transaction, with the kept counts
// and the audit chain intact.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_FOLDS, addressKey, normalizeAddress, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';
import { tallyDifferences } from '../households/tally.repository.js';
import { assistanceTallyDifferences } from '../assistance/assistance-tally.repository.js';
import { normalizeInDb } from './duplicates.queries.js';

let ctx: TestContext;
let city: Client;
let h01: Client;
let h02: Client;
const today = todayInChina();
let n = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  h01 = await ctx.userIn('H01');
  h02 = await ctx.userIn('H02');
});
afterAll(() => ctx?.close());

const SURNAMES = '赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '一二三四五六七八九十';
/** A household unlike every other of the tests (name, phone, address), unless the overrides say otherwise. */
async function file(regionCode: string, overrides: Record<string, unknown> = {}, filed = false) {
  n++;
  const name = SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / SURNAMES.length) % 10] + GIVEN[n % 10];
  const input = makeHousehold({ regionCode, name, phone: `139${String(70000000 + n)}`, address: `${regionCode}区测试路${n}号${n}栋${n}单元`, ...overrides });
  const res = await city.post('/api/households', input);
  expect(res.statusCode, res.body).toBe(201);
  const f = res.json();
  if (filed) expect((await ctx.fileThrough(f.id)).statusCode).toBe(200);
  return { id: f.id as number, workerNo: f.workerNo as string, input };
}

async function scan() {
  const res = await city.post('/api/duplicates/scan');
  expect(res.statusCode).toBe(202);
  await ctx.app.jobs.idle();
  const job = (await city.get(`/api/jobs/${res.json().jobId}`)).json();
  expect(job.status).toBe('done');
  return job;
}

type Pair = { id: number; a: { householdId: number }; b: { householdId: number }; reason: string; status: string; canResolve: boolean; detail: string };
const pairsOf = async (c: Client, query = '') => (await c.get(`/api/duplicates?pageSize=100${query}`)).json().items as Pair[];
const pairFor = (items: Pair[], x: number, y: number, reason?: string) =>
  items.find((p) => [p.a.householdId, p.b.householdId].sort().join() === [x, y].sort().join() && (!reason || p.reason === reason));

describe('the scan', () => {
  it('finds each kind of pair among live files, and shows each county its own', async () => {
    // a worker of one file who is a member of another
    const worker = await file('H01');
    const asMember = await file('H01', { members: [{ ...makeHousehold().members![1], idNumber: worker.input.idNumber }] });
    // the same name and birth date, numbers that differ (a typo)
    const birth = '19750420';
    const typoA = await file('H01', { name: '欧阳明', idNumber: makeIdNumber(birth) });
    const typoB = await file('H01', { name: '欧阳明', idNumber: makeIdNumber(birth) });
    // the same phone, across two counties
    const phoneA = await file('H01', { phone: '13912345678' });
    const phoneB = await file('H02', { phone: '13912345678' });
    // the same address written differently, same surname
    const addrA = await file('H01', { name: '司马光', address: '东宝区长宁大道 8 号 3栋201室' });
    const addrB = await file('H01', { name: '司马懿', address: '东宝区长宁大道８号3栋201' });
    // a removed file is not live: not paired
    const removed = await file('H01', { phone: '13912345678' }, true);
    expect((await city.post(`/api/households/${removed.id}/remove`, { reason: '收入已超过标准' })).statusCode).toBe(200);

    const job = await scan();
    expect(job.total).toBe(5);
    const all = await pairsOf(city);
    expect(pairFor(all, worker.id, asMember.id, 'idNumber')).toMatchObject({ status: 'open', canResolve: true, detail: `身份证号 ${worker.input.idNumber}` });
    expect(pairFor(all, typoA.id, typoB.id, 'nameBirth')).toMatchObject({ detail: expect.stringContaining('1975-04-20') });
    expect(pairFor(all, phoneA.id, phoneB.id, 'phone')).toMatchObject({ canResolve: true });
    expect(pairFor(all, addrA.id, addrB.id, 'address')).toBeDefined();
    expect(all.some((p) => [p.a.householdId, p.b.householdId].includes(removed.id))).toBe(false);

    // H01 sees its pairs and the one across counties (not resolvable: the city union's); H02 only that one
    const mine = await pairsOf(h01);
    expect(pairFor(mine, worker.id, asMember.id)).toMatchObject({ canResolve: true });
    const across = pairFor(mine, phoneA.id, phoneB.id)!;
    expect(across.canResolve).toBe(false);
    const theirs = await pairsOf(h02);
    expect(theirs.map((p) => p.id)).toEqual([across.id]);
    const otherSide = theirs[0].a.householdId === phoneA.id ? theirs[0].a : theirs[0].b;
    expect(otherSide).toMatchObject({ canOpen: false, address: expect.stringContaining('无权查看'), phone: expect.stringContaining('*') });
    expect((await h02.post(`/api/duplicates/${across.id}/dismiss`, { reason: '不是同一户' })).statusCode).toBe(403);
    // filters
    expect((await pairsOf(city, '&kind=address')).every((p) => p.reason === 'address')).toBe(true);
    expect((await pairsOf(city, '&regionCode=H02')).map((p) => p.id)).toEqual([across.id]);

    // "not a duplicate" is remembered: a later scan leaves it closed
    const dismissed = await h01.post(`/api/duplicates/${pairFor(mine, addrA.id, addrB.id)!.id}/dismiss`, { reason: '同一楼内两户邻居，不是一家' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', note: '同一楼内两户邻居，不是一家', canResolve: false });
    await scan();
    expect(pairFor(await pairsOf(city), addrA.id, addrB.id)).toBeUndefined();
    expect(pairFor(await pairsOf(city, '&status=dismissed'), addrA.id, addrB.id)).toMatchObject({ status: 'dismissed' });

    // a pair no longer alike is cleared by the next scan
    const edited = { ...phoneB.input, phone: '13900001111' };
    expect((await city.put(`/api/households/${phoneB.id}`, { ...edited, version: 1 })).statusCode).toBe(200);
    await scan();
    expect(pairFor(await pairsOf(city), phoneA.id, phoneB.id)).toBeUndefined();
    expect(pairFor(await pairsOf(city, '&status=cleared'), phoneA.id, phoneB.id)).toBeDefined();
  });

  it('normalizes an address in SQL exactly as core does', async () => {
    const alphabet = fc.constantFrom(...ADDRESS_FOLDS.map(([f]) => f), '东', '宝', '区', '路', '1', '2', 'A', '栋', '单元');
    await fc.assert(fc.asyncProperty(fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')), async (s) => {
      expect(await normalizeInDb(ctx.db, s)).toBe(normalizeAddress(s));
    }), { numRuns: 200 });
    expect(addressKey('东宝区长宁大道 8 号 3栋201室', '司马光')).toBe(addressKey('东宝区长宁大道８号3栋201', '司马懿'));
    expect(addressKey('长宁大道', '张三')).toBeNull();
  });
});

describe('merging a duplicate', () => {
  it('moves every record of the removed file to the kept one, in one transaction', async () => {
    const cadre = await ctx.userIn('H01');
    const leader = await ctx.userIn('H01');
    const staff = await ctx.userIn('H', 'staff');
    const keep = await file('H01', { phone: '13800138000' }, true);
    const gone = await file('H01', { phone: '13800138000' }, true);
    // the removed file's records: a responsible leader and cadre, a city link, a plan, visits
    expect((await h01.put(`/api/households/${gone.id}/responsibility`, { leaderUsername: leader.username, cadreUsername: cadre.username })).statusCode).toBe(200);
    expect((await city.post(`/api/households/${gone.id}/links`, { username: staff.username })).statusCode).toBe(200);
    const measures = (await city.get('/api/measures')).json().items.map((m: { code: string }) => m.code);
    expect((await h01.put(`/api/households/${keep.id}/plan`, { items: [{ measure: measures[0], status: 'planned' }] })).statusCode).toBe(200);
    expect((await h01.put(`/api/households/${gone.id}/plan`, { items: [{ measure: measures[0], status: 'done' }, { measure: measures[1], status: 'inProgress' }] })).statusCode).toBe(200);
    for (const [who, id, date] of [[cadre, gone.id, today], [cadre, gone.id, '2026-01-05'], [h01, keep.id, '2026-02-01']] as const)
      expect((await who.post(`/api/households/${id}/assistance`, { date, type: '走访', description: '入户走访，了解家庭近况', solvedProblem: true })).statusCode).toBe(201);
    const count = async (table: 'household_versions' | 'assistance_records' | 'household_plans' | 'household_links' | 'responsibility_changes' | 'review_opinions', id: number) =>
      Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('household_id', '=', id).executeTakeFirstOrThrow()).n);
    const before = {
      records: [await count('assistance_records', keep.id), await count('assistance_records', gone.id)],
      versions: [await count('household_versions', keep.id), await count('household_versions', gone.id)],
      responsibility: [await count('responsibility_changes', keep.id), await count('responsibility_changes', gone.id)],
      opinions: [await count('review_opinions', keep.id), await count('review_opinions', gone.id)],
    };
    expect(before.records).toEqual([1, 2]);

    await scan();
    const pair = pairFor(await pairsOf(h01), keep.id, gone.id, 'phone')!;
    const bad = async (body: unknown) => (await h01.post(`/api/duplicates/${pair.id}/merge`, body)).json().errors.map((e: { path: string }) => e.path);
    expect(await bad({ keepHouseholdId: 999999, reason: '同一户重复建档' })).toEqual(['keepHouseholdId']);
    expect(await bad({ keepHouseholdId: keep.id, reason: '重' })).toEqual(['reason']);
    expect((await (await ctx.userIn('H03')).post(`/api/duplicates/${pair.id}/merge`, { keepHouseholdId: keep.id, reason: '同一户重复建档' })).statusCode).toBe(404);
    expect((await (await ctx.userIn('H', 'leader')).post(`/api/duplicates/${pair.id}/merge`, { keepHouseholdId: keep.id, reason: '同一户重复建档' })).statusCode).toBe(403);

    const res = await h01.post(`/api/duplicates/${pair.id}/merge`, { keepHouseholdId: keep.id, reason: '同一户在两个单位重复建档' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      pair: { status: 'merged', note: '同一户在两个单位重复建档' }, kept: { householdId: keep.id, workerNo: keep.workerNo }, removed: { householdId: gone.id, workerNo: gone.workerNo },
      moved: { assistance: 2, plan: 1, links: 3, followUps: 0, responsibility: 1 },
    });
    expect((await h01.post(`/api/duplicates/${pair.id}/merge`, { keepHouseholdId: keep.id, reason: '再合并一次' })).json().code).toBe('DUPLICATE_DECIDED');

    // the kept file holds every record; the removed one is 已剔除 with the reason and still opens
    expect(await count('assistance_records', keep.id)).toBe(before.records[0] + before.records[1]);
    expect(await count('assistance_records', gone.id)).toBe(0);
    expect((await h01.get(`/api/households/${keep.id}/plan`)).json().items.map((i: { measure: string }) => i.measure).sort()).toEqual([measures[0], measures[1]].sort());
    expect(await count('responsibility_changes', keep.id)).toBe(before.responsibility[0] + before.responsibility[1]);
    const resp = (await h01.get(`/api/households/${keep.id}/responsibility`)).json();
    expect(resp).toMatchObject({ leader: { username: leader.username }, cadre: { username: cadre.username } });
    expect((await ctx.db.selectFrom('household_links').select('kind').where('household_id', '=', keep.id).execute()).map((l) => l.kind).sort()).toEqual(['cadre', 'leader', 'link']);
    expect((await h01.get(`/api/households/${keep.id}`)).json().lastAssistedOn ?? (await ctx.db.selectFrom('households').select('last_assisted_on').where('id', '=', keep.id).executeTakeFirstOrThrow()).last_assisted_on).toBe(today);
    const goneFile = (await h01.get(`/api/households/${gone.id}`)).json();
    expect(goneFile).toMatchObject({ status: 'removed', removalReason: `重复建档，已并入 ${keep.workerNo}：同一户在两个单位重复建档`, mergedInto: { id: keep.id, workerNo: keep.workerNo } });
    expect(res.json().pair.keptHouseholdId).toBe(keep.id);
    // the family's file is the kept one: the merged file is not reopened
    const reopen = await h01.post(`/api/households/${gone.id}/reopen`, { reason: '重新纳入' });
    expect([reopen.statusCode, reopen.json().code]).toEqual([409, 'HOUSEHOLD_CLOSED']);
    // the kept file's identification follows its new version
    const keptFile = (await h01.get(`/api/households/${keep.id}`)).json();
    expect(keptFile.identification.fileVersion).toBe(keptFile.version);
    expect(keptFile.mergedInto).toBeNull();
    // the kept file's history shows the merge and every version of the merged file; the merged file's own stays readable
    const history = (await h01.get(`/api/households/${keep.id}/history`)).json().items;
    expect(history).toHaveLength(before.versions[0] + 1 + before.versions[1] + 1);
    expect(history.filter((v: { fromWorkerNo: string | null }) => v.fromWorkerNo === gone.workerNo)).toHaveLength(before.versions[1] + 1);
    expect(history.find((v: { action: string; fromWorkerNo: string | null }) => v.action === 'merge' && !v.fromWorkerNo).changes).toEqual([expect.objectContaining({ new: gone.workerNo })]);
    expect(history.some((v: { action: string; reason: string }) => v.action === 'cityAgree' && v.reason)).toBe(true);
    expect((await h01.get(`/api/households/${gone.id}/history`)).json().items).toHaveLength(before.versions[1] + 1);
    expect(await count('review_opinions', gone.id)).toBe(before.opinions[1]);

    expect(await tallyDifferences(ctx.db)).toEqual([]);
    expect(await assistanceTallyDifferences(ctx.db)).toEqual([]);
    const audit = (await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'household.merge').execute()).map((a) => a.entity_id).sort();
    expect(audit).toEqual([String(keep.id), String(gone.id)].sort());
    expect((await (await ctx.admin()).get('/api/audit/verify')).json().ok).toBe(true);
  });

  it('a merge that fails midway leaves nothing half-written', async () => {
    const keep = await file('H01', { phone: '13800138111' }, true);
    const gone = await file('H01', { phone: '13800138111' }, true);
    expect((await h01.post(`/api/households/${gone.id}/assistance`, { date: today, type: '走访', description: '入户走访，了解家庭近况' })).statusCode).toBe(201);
    await scan();
    const pair = pairFor(await pairsOf(h01), keep.id, gone.id, 'phone')!;
    // the kept file removed meanwhile (not live): the merge is refused after moving records, and rolls back
    expect((await h01.post(`/api/households/${keep.id}/remove`, { reason: '收入已超过标准' })).statusCode).toBe(200);
    const res = await h01.post(`/api/duplicates/${pair.id}/merge`, { keepHouseholdId: keep.id, reason: '同一户重复建档' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'HOUSEHOLD_CLOSED']);
    expect(Number((await ctx.db.selectFrom('assistance_records').select((eb) => eb.fn.countAll().as('n')).where('household_id', '=', gone.id).executeTakeFirstOrThrow()).n)).toBe(1);
    expect((await ctx.db.selectFrom('duplicate_pairs').select('status').where('id', '=', pair.id).executeTakeFirstOrThrow()).status).toBe('open');
    expect((await h01.get(`/api/households/${gone.id}`)).json().status).toBe('filed');
    expect(await assistanceTallyDifferences(ctx.db)).toEqual([]);
  });
});
