// The file lifecycle through the API: every action from every status, who may take it, the
// opinions and reasons it records, the batch review, the history, and the editing rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina, type HouseholdInput } from '@bangfu/core';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { sessionAdmin, sessionUserIn, statusOf, type Res, type SessionClient } from '../../../test/session-client.js';

let ctx: TestContext;
let admin: SessionClient;
/** files and submits (a city-union clerk) */
let clerk: SessionClient;
/** gives the unit opinion: a county-union user of H01 */
let unitReviewer: SessionClient;
let unitReviewer2: SessionClient;
/** gives the city opinion */
let cityReviewer: SessionClient;
let UNIT_A: string;
let UNIT_B: string;

type Status = 'draft' | 'submitted' | 'unitApproved' | 'filed' | 'removed' | 'exited';
type Action = 'submit' | 'unitAgree' | 'unitReturn' | 'cityAgree' | 'cityReturn' | 'remove' | 'exit' | 'reopen';

function ok(res: Res, what: string) {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The request that takes each action, made by a person who may take it on a file of H01 filed by the clerk. */
function act(action: Action, id: number, text = '经核实情况属实'): Promise<Res> {
  switch (action) {
    case 'submit': return clerk.post(`/api/households/${id}/submit`);
    case 'unitAgree': return unitReviewer.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: text });
    case 'unitReturn': return unitReviewer.post(`/api/households/${id}/review`, { level: 'unit', decision: 'return', opinion: text });
    case 'cityAgree': return cityReviewer.post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: text });
    case 'cityReturn': return cityReviewer.post(`/api/households/${id}/review`, { level: 'city', decision: 'return', opinion: text });
    case 'remove': return clerk.post(`/api/households/${id}/remove`, { reason: text });
    case 'exit': return clerk.post(`/api/households/${id}/exit`, { reason: text, date: '2020-06-01' });
    case 'reopen': return clerk.post(`/api/households/${id}/reopen`, { reason: text });
  }
}

const PATH_TO: Record<Status, Action[]> = {
  draft: [],
  submitted: ['submit'],
  unitApproved: ['submit', 'unitAgree'],
  filed: ['submit', 'unitAgree', 'cityAgree'],
  removed: ['submit', 'unitAgree', 'cityAgree', 'remove'],
  exited: ['submit', 'unitAgree', 'cityAgree', 'exit'],
};

/** A household of H01 filed by the clerk, taken to the status asked. */
async function fileIn(status: Status, overrides: Partial<HouseholdInput> = {}, by: SessionClient = clerk) {
  const input = makeHousehold({ regionCode: 'H01', ...overrides });
  let file = ok(await by.post('/api/households', input), 'create');
  for (const a of PATH_TO[status]) file = ok(await act(a, file.id), a);
  expect(file.status).toBe(status);
  return { id: file.id as number, input, file };
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await sessionAdmin(ctx);
  UNIT_A = ok(await admin.post('/api/orgs', { name: '京山县第一机械厂工会', parentCode: 'H01' }), 'unit A').code;
  UNIT_B = ok(await admin.post('/api/orgs', { name: '京山县第二机械厂工会', parentCode: 'H01' }), 'unit B').code;
  clerk = await sessionUserIn(ctx, 'H', 'city', '建档员');
  unitReviewer = await sessionUserIn(ctx, 'H01', 'region', '京山审核员');
  unitReviewer2 = await sessionUserIn(ctx, 'H01', 'region', '京山审核员二');
  cityReviewer = await sessionUserIn(ctx, 'H', 'city', '市总审核员');
}, 60_000);
afterAll(() => ctx?.close());

describe('every action from every status', () => {
  // "→ x": allowed, the file goes to x; "✗": refused with 409 INVALID_TRANSITION.
  const TABLE = `
| from \\ action  | submit      | unitAgree      | unitReturn | cityAgree | cityReturn | remove    | exit     | reopen  |
| draft          | → submitted | ✗              | ✗          | ✗         | ✗          | ✗         | ✗        | ✗       |
| submitted      | ✗           | → unitApproved | → draft    | ✗         | ✗          | ✗         | ✗        | ✗       |
| unitApproved   | ✗           | ✗              | ✗          | → filed   | → draft    | ✗         | ✗        | ✗       |
| filed          | ✗           | ✗              | ✗          | ✗         | ✗          | → removed | → exited | ✗       |
| removed        | ✗           | ✗              | ✗          | ✗         | ✗          | ✗         | ✗        | → draft |
| exited         | ✗           | ✗              | ✗          | ✗         | ✗          | ✗         | ✗        | → draft |
`;
  const STATUS_LABEL: Record<Status, string> = { draft: '草稿', submitted: '待单位审核', unitApproved: '待市总审核', filed: '已建档', removed: '已剔除', exited: '已脱困' };
  const ACTION_LABEL: Record<Action, string> = {
    submit: '提交审核', unitAgree: '单位工会同意', unitReturn: '单位工会退回', cityAgree: '市总工会同意', cityReturn: '市总工会退回', remove: '剔除', exit: '脱困', reopen: '重新纳入',
  };
  const [header, ...rows] = TABLE.trim().split('\n').map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  const actions = header.slice(1) as Action[];
  const cases = rows.flatMap(([from, ...cells]) => cells.map((cell, i) => {
    const to = cell.startsWith('→') ? (cell.slice(1).trim() as Status) : null;
    return { from: from as Status, action: actions[i], to, outcome: to ? `→ ${to}` : '409 INVALID_TRANSITION' };
  }));

  it('covers 6 statuses × 8 actions', () => expect(cases).toHaveLength(48));

  it.each(cases)('$action from $from: $outcome', async ({ from, action, to }) => {
    const { id, file } = await fileIn(from);
    const res = await act(action, id);
    if (to) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(to);
      expect(res.json().version).toBe(file.version + 1);
    } else {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ code: 'INVALID_TRANSITION', message: `档案当前状态为“${STATUS_LABEL[from]}”，不能${ACTION_LABEL[action]}` });
      expect(await statusOf(ctx.db, id)).toBe(from);
      const v = await ctx.db.selectFrom('households').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      expect(v.version).toBe(file.version);
    }
  });
});

describe('who may review', () => {
  it('the filer may not give the unit opinion; another county-union user may', async () => {
    const filer = await sessionUserIn(ctx, 'H01', 'region', '京山填报人');
    const created = ok(await filer.post('/api/households', makeHousehold({ regionCode: 'H01' })), 'create');
    ok(await filer.post(`/api/households/${created.id}/submit`), 'submit');
    const own = await filer.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toEqual({ code: 'FORBIDDEN', message: '填报人不能审核自己填报的档案，请由本单位工会其他人员审核' });
    const ownReturn = await filer.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'return', opinion: '退回' });
    expect(ownReturn.statusCode).toBe(403);
    expect(await statusOf(ctx.db, created.id)).toBe('submitted');
    const other = await unitReviewer.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' });
    expect(other.statusCode).toBe(200);
    expect(other.json().status).toBe('unitApproved');
  });

  it('the submitter may not give the unit opinion either, though someone else filed the file', async () => {
    const created = ok(await clerk.post('/api/households', makeHousehold({ regionCode: 'H01' })), 'create');
    ok(await unitReviewer2.post(`/api/households/${created.id}/submit`), 'submit by the county union');
    const res = await unitReviewer2.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await unitReviewer.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' })).statusCode).toBe(200);
  });

  it('a unit user of another unit may not (the file is not even visible); the file\'s own unit may', async () => {
    const unitB = await sessionUserIn(ctx, UNIT_B, 'unit', '二厂工会');
    const unitA = await sessionUserIn(ctx, UNIT_A, 'unit', '一厂工会');
    const { id } = await fileIn('submitted', { unitId: UNIT_A });
    const other = await unitB.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    expect(await statusOf(ctx.db, id)).toBe('submitted');
    const own = await unitA.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '本厂职工，情况属实' });
    expect(own.statusCode).toBe(200);
    expect(own.json().status).toBe('unitApproved');
    expect(own.json().opinions.at(-1)).toMatchObject({ level: 'unit', authorName: '一厂工会', orgCode: UNIT_A, orgName: '京山县第一机械厂工会' });
  });

  it('a unit user who filed a file may not review it; the county union of the region may', async () => {
    const unitA = await sessionUserIn(ctx, UNIT_A, 'unit', '一厂填报人');
    const created = ok(await unitA.post('/api/households', makeHousehold({ regionCode: 'H01', unitId: UNIT_A })), 'create');
    ok(await unitA.post(`/api/households/${created.id}/submit`), 'submit');
    expect((await unitA.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' })).statusCode).toBe(403);
    expect((await unitReviewer.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' })).statusCode).toBe(200);
  });

  it('the unit opinion is not the city\'s, and the city opinion is the city union\'s only', async () => {
    const { id } = await fileIn('submitted');
    const cityAsUnit = await cityReviewer.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '同意' });
    expect(cityAsUnit.statusCode).toBe(403);
    expect(cityAsUnit.json().message).toBe('只有职工所在单位工会或县（市、区）工会可以签署单位工会意见');
    ok(await act('unitAgree', id), 'unit agree');
    const regionAsCity = await unitReviewer2.post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意' });
    expect(regionAsCity.statusCode).toBe(403);
    expect(regionAsCity.json().message).toBe('只有市总工会可以签署市总工会意见');
    const unitA = await sessionUserIn(ctx, UNIT_A, 'unit');
    const { id: unitFile } = await fileIn('unitApproved', { unitId: UNIT_A });
    expect((await unitA.post(`/api/households/${unitFile}/review`, { level: 'city', decision: 'agree', opinion: '同意' })).statusCode).toBe(403);
    expect(await statusOf(ctx.db, id)).toBe('unitApproved');
    expect(await statusOf(ctx.db, unitFile)).toBe('unitApproved');
  });

  it('the city user who filed a file may not give the city opinion; another city user (or the admin) may', async () => {
    const { id } = await fileIn('unitApproved');
    const own = await clerk.post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意' });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toEqual({ code: 'FORBIDDEN', message: '填报人不能审核自己填报的档案' });
    expect(await statusOf(ctx.db, id)).toBe('unitApproved');
    expect((await cityReviewer.post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意' })).json().status).toBe('filed');
    const { id: second } = await fileIn('unitApproved');
    expect((await admin.post(`/api/households/${second}/review`, { level: 'city', decision: 'agree', opinion: '同意' })).json().status).toBe('filed');
  });

  it('an opinion is required and the level and decision are checked', async () => {
    const { id } = await fileIn('submitted');
    const none = await unitReviewer.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([{ path: 'opinion', message: '请填写审核意见' }]);
    const blank = await unitReviewer.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '   ' });
    expect(blank.statusCode).toBe(400);
    const bad = await unitReviewer.post(`/api/households/${id}/review`, { level: 'county', decision: 'maybe', opinion: '同意' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['decision', 'level']);
    expect(await statusOf(ctx.db, id)).toBe('submitted');
  });
});

describe('opinions, returns and resubmission', () => {
  it('records each opinion on the file with author, organization, time and the version it was given on', async () => {
    const { id } = await fileIn('draft');
    ok(await act('submit', id), 'submit'); // v2
    ok(await act('unitAgree', id, '情况属实，同意上报'), 'unit'); // opinion on v2 → v3
    const filed = ok(await act('cityAgree', id, '同意纳入精准帮扶'), 'city'); // opinion on v3 → v4
    expect(filed.status).toBe('filed');
    expect(filed.version).toBe(4);
    const got = ok(await clerk.get(`/api/households/${id}`), 'get');
    expect(got.opinions).toEqual([
      { level: 'unit', decision: 'agree', opinion: '情况属实，同意上报', authorName: '京山审核员', orgCode: 'H01', orgName: '京山', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), fileVersion: 2 },
      { level: 'city', decision: 'agree', opinion: '同意纳入精准帮扶', authorName: '市总审核员', orgCode: 'H', orgName: '荆门市总工会', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), fileVersion: 3 },
    ]);
    expect(got.opinions[0].at <= got.opinions[1].at).toBe(true);
    expect(got.statusLabel).toBe('已建档');
  });

  it('a unit return sends the file back to draft with the reason; resubmitting clears it; both agree → filed', async () => {
    const { id } = await fileIn('submitted');
    const back = ok(await act('unitReturn', id, '家庭收入证明不全，请补充'), 'return');
    expect(back.status).toBe('draft');
    expect(back.returnReason).toBe('家庭收入证明不全，请补充');
    expect(back.opinions).toEqual([expect.objectContaining({ level: 'unit', decision: 'return', opinion: '家庭收入证明不全，请补充', fileVersion: 2 })]);
    const again = ok(await act('submit', id), 'resubmit');
    expect(again.status).toBe('submitted');
    expect(again.returnReason).toBeNull();
    ok(await act('unitAgree', id), 'unit agree');
    const filed = ok(await act('cityAgree', id), 'city agree');
    expect(filed.status).toBe('filed');
    expect(filed.opinions.map((o: { level: string; decision: string }) => `${o.level}:${o.decision}`)).toEqual(['unit:return', 'unit:agree', 'city:agree']);
  });

  it('a city return also goes back to draft with the reason, and the file must pass the unit review again', async () => {
    const { id } = await fileIn('unitApproved');
    const back = ok(await act('cityReturn', id, '请核实家庭成员收入'), 'city return');
    expect(back.status).toBe('draft');
    expect(back.returnReason).toBe('请核实家庭成员收入');
    ok(await act('submit', id), 'resubmit');
    expect((await act('cityAgree', id)).statusCode).toBe(409); // not straight to the city again
    ok(await act('unitAgree', id), 'unit');
    expect(ok(await act('cityAgree', id), 'city').status).toBe('filed');
  });

  it('a returned draft can be edited freely before resubmitting', async () => {
    const { id, input } = await fileIn('submitted');
    const back = ok(await act('unitReturn', id, '电话有误'), 'return');
    const edited = await clerk.put(`/api/households/${id}`, { ...input, phone: '13907249999', version: back.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().phone).toBe('13907249999');
    expect(edited.json().status).toBe('draft');
  });

  it('the list finds the returned drafts (已退回) and marks them; a resubmitted one leaves, a plain draft is never among them', async () => {
    const plain = await fileIn('draft');
    const returned = await fileIn('submitted');
    ok(await act('unitReturn', returned.id, '缺少收入证明'), 'return');
    const list = async () => ok(await clerk.get('/api/households?status=draft&returned=true&pageSize=100'), 'list') as { total: number; items: { id: number; returned: boolean; status: string }[] };
    const first = await list();
    expect(first.items.map((i) => i.id)).toContain(returned.id);
    expect(first.items.map((i) => i.id)).not.toContain(plain.id);
    expect(first.items.every((i) => i.returned && i.status === 'draft')).toBe(true);
    expect(first.total).toBe(first.items.length);
    const all = ok(await clerk.get('/api/households?status=draft&pageSize=100'), 'drafts') as { items: { id: number; returned: boolean }[] };
    expect(all.items.find((i) => i.id === plain.id)?.returned).toBe(false);
    ok(await act('submit', returned.id), 'resubmit');
    const after = await list();
    expect(after.items.map((i) => i.id)).not.toContain(returned.id);
    expect(after.total).toBe(first.total - 1);
    expect((await clerk.get('/api/households?returned=yes')).statusCode).toBe(400);
  });
});

describe('removal, exit and reopening', () => {
  it('removal needs a reason and keeps it on the file', async () => {
    const { id } = await fileIn('filed');
    for (const body of [{}, { reason: '   ' }]) {
      const res = await clerk.post(`/api/households/${id}/remove`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('reason');
    }
    expect(await statusOf(ctx.db, id)).toBe('filed');
    const res = ok(await clerk.post(`/api/households/${id}/remove`, { reason: '家庭人均收入已超过低保标准' }), 'remove');
    expect(res).toMatchObject({ status: 'removed', statusLabel: '已剔除', removalReason: '家庭人均收入已超过低保标准' });
  });

  it('exit needs a reason and a date that is neither in the future nor before the fill date', async () => {
    const { id } = await fileIn('filed', { fillDate: '2016-05-10' });
    const none = await clerk.post(`/api/households/${id}/exit`, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['date', 'reason']);
    const tomorrow = new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await clerk.post(`/api/households/${id}/exit`, { reason: '已就业', date: tomorrow });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ path: 'date', message: '脱困日期不能晚于今天' }]);
    const early = await clerk.post(`/api/households/${id}/exit`, { reason: '已就业', date: '2016-05-09' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([{ path: 'date', message: '脱困日期不能早于填报日期' }]);
    const invalid = await clerk.post(`/api/households/${id}/exit`, { reason: '已就业', date: '2021-02-30' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].path).toBe('date');
    expect(await statusOf(ctx.db, id)).toBe('filed');
    const done = ok(await clerk.post(`/api/households/${id}/exit`, { reason: '本人再就业，家庭收入稳定', date: '2016-05-10' }), 'exit on the fill date');
    expect(done).toMatchObject({ status: 'exited', statusLabel: '已脱困', exitReason: '本人再就业，家庭收入稳定', exitDate: '2016-05-10' });
  });

  it('exit dated today is accepted', async () => {
    const { id } = await fileIn('filed');
    const done = ok(await clerk.post(`/api/households/${id}/exit`, { reason: '已脱困', date: todayInChina() }), 'exit today');
    expect(done.exitDate).toBe(todayInChina());
  });

  it('reopen needs a reason, brings the file back to draft, and clears the closing reasons', async () => {
    const { id: removed } = await fileIn('removed');
    const noReason = await clerk.post(`/api/households/${removed}/reopen`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const r = ok(await clerk.post(`/api/households/${removed}/reopen`, { reason: '复核后仍属困难' }), 'reopen removed');
    expect(r).toMatchObject({ status: 'draft', removalReason: null, returnReason: null });
    const { id: exited } = await fileIn('exited');
    const e = ok(await clerk.post(`/api/households/${exited}/reopen`, { reason: '再次失业' }), 'reopen exited');
    expect(e).toMatchObject({ status: 'draft', exitReason: null, exitDate: null });
    // and it goes through the review again
    ok(await act('submit', exited), 'resubmit');
    expect(ok(await act('unitAgree', exited), 'unit').status).toBe('unitApproved');
  });

  it('reopen is refused while another live file has the same identity number', async () => {
    const { id: old, input } = await fileIn('removed');
    const newer = ok(await clerk.post('/api/households', input), 'file the worker again');
    const refused = await clerk.post(`/api/households/${old}/reopen`, { reason: '重新纳入' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DUPLICATE_ID_NUMBER');
    expect(refused.json().message).toContain(newer.workerNo);
    expect(await statusOf(ctx.db, old)).toBe('removed');
    // once the newer file is closed, the old one may come back
    for (const a of PATH_TO.exited) ok(await act(a, newer.id), a);
    expect(ok(await clerk.post(`/api/households/${old}/reopen`, { reason: '重新纳入' }), 'reopen').status).toBe('draft');
  });
});

describe('batch review', () => {
  it('gives a result per id for a mix of valid and invalid ids, with one audit row per file done', async () => {
    const s1 = await fileIn('submitted');
    const s2 = await fileIn('submitted');
    const draft = await fileIn('draft');
    // a file of another region, out of the reviewer's scope
    const h02 = ok(await clerk.post('/api/households', makeHousehold({ regionCode: 'H02' })), 'h02');
    ok(await clerk.post(`/api/households/${h02.id}/submit`), 'submit h02');
    // a file the reviewer submitted itself
    const own = ok(await clerk.post('/api/households', makeHousehold({ regionCode: 'H01' })), 'own');
    ok(await unitReviewer.post(`/api/households/${own.id}/submit`), 'submit own');
    const missing = 99_999_999;

    const res = await unitReviewer.post('/api/households/review-batch', {
      ids: [s1.id, draft.id, h02.id, s2.id, own.id, missing, s1.id], level: 'unit', decision: 'agree', opinion: '批量审核：情况属实',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.done).toBe(2);
    expect(body.results.map((r: { id: number; ok: boolean; code?: string }) => [r.id, r.ok, r.code ?? null])).toEqual([
      [s1.id, true, null],
      [draft.id, false, 'INVALID_TRANSITION'],
      [h02.id, false, 'NOT_FOUND'],
      [s2.id, true, null],
      [own.id, false, 'FORBIDDEN'],
      [missing, false, 'NOT_FOUND'],
    ]);
    for (const r of body.results.filter((x: { ok: boolean }) => !x.ok)) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await statusOf(ctx.db, s1.id)).toBe('unitApproved');
    expect(await statusOf(ctx.db, s2.id)).toBe('unitApproved');
    expect(await statusOf(ctx.db, draft.id)).toBe('draft');
    expect(await statusOf(ctx.db, h02.id)).toBe('submitted');
    expect(await statusOf(ctx.db, own.id)).toBe('submitted');

    const audit = await ctx.db.selectFrom('audit_log').select(['entity_id', 'detail', 'username']).where('action', '=', 'household.unitAgree')
      .where('entity_id', 'in', [s1.id, s2.id, draft.id, h02.id, own.id, missing].map(String)).orderBy('id').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([String(s1.id), String(s2.id)]);
    for (const a of audit) {
      expect(a.username).toBe(unitReviewer.username);
      expect(JSON.parse(a.detail!)).toMatchObject({ from: 'submitted', to: 'unitApproved', text: '批量审核：情况属实', batch: true });
    }
    const file = ok(await clerk.get(`/api/households/${s1.id}`), 'get');
    expect(file.opinions).toEqual([expect.objectContaining({ level: 'unit', decision: 'agree', opinion: '批量审核：情况属实', authorName: '京山审核员' })]);
  });

  it('returns many at the city level: each back to draft with the reason', async () => {
    const a = await fileIn('unitApproved');
    const b = await fileIn('unitApproved');
    const res = ok(await cityReviewer.post('/api/households/review-batch', { ids: [a.id, b.id], level: 'city', decision: 'return', opinion: '材料不全，退回补充' }), 'batch return');
    expect(res.done).toBe(2);
    for (const id of [a.id, b.id]) {
      const f = ok(await clerk.get(`/api/households/${id}`), 'get');
      expect(f).toMatchObject({ status: 'draft', returnReason: '材料不全，退回补充' });
    }
  });

  it('validates the batch itself', async () => {
    const empty = await unitReviewer.post('/api/households/review-batch', { ids: [], level: 'unit', decision: 'agree', opinion: '同意' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: 'ids', message: '请至少选择一户档案' }]);
    const bad = await unitReviewer.post('/api/households/review-batch', { ids: ['x'], level: 'unit', decision: 'agree' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['ids[0]', 'opinion']);
  });
});

describe('history', () => {
  it('shows each transition with its action, who, the status change and the text', async () => {
    const { id } = await fileIn('draft');
    const steps: [Action, string][] = [
      ['submit', ''], ['unitReturn', '请补充低保证明'], ['submit', ''], ['unitAgree', '情况属实'], ['cityReturn', '收入计算有误'],
      ['submit', ''], ['unitAgree', '已核实'], ['cityAgree', '同意纳入'],
    ];
    for (const [a, text] of steps) ok(await act(a, id, text || undefined), a);
    ok(await clerk.post(`/api/households/${id}/exit`, { reason: '子女就业，家庭收入稳定', date: '2021-03-01' }), 'exit');
    const items = ok(await clerk.get(`/api/households/${id}/history`), 'history').items;
    expect(items.map((i: { version: number }) => i.version)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(items.map((i: { action: string }) => i.action)).toEqual(['exit', 'cityAgree', 'unitAgree', 'submit', 'cityReturn', 'unitAgree', 'submit', 'unitReturn', 'submit', 'create']);
    const byVersion = (v: number) => items.find((i: { version: number }) => i.version === v);
    expect(byVersion(2)).toMatchObject({ action: 'submit', reason: null, changedBy: { username: clerk.username }, changes: [{ path: 'status', label: '状态', old: '草稿', new: '待单位审核' }] });
    expect(byVersion(3)).toMatchObject({ action: 'unitReturn', reason: '请补充低保证明', changedBy: { username: unitReviewer.username, displayName: '京山审核员' }, changes: [{ path: 'status', old: '待单位审核', new: '草稿' }] });
    expect(byVersion(5)).toMatchObject({ action: 'unitAgree', reason: '情况属实', changes: [{ old: '待单位审核', new: '待市总审核' }] });
    expect(byVersion(6)).toMatchObject({ action: 'cityReturn', reason: '收入计算有误', changedBy: { username: cityReviewer.username }, changes: [{ old: '待市总审核', new: '草稿' }] });
    expect(byVersion(9)).toMatchObject({ action: 'cityAgree', reason: '同意纳入', changes: [{ old: '待市总审核', new: '已建档' }] });
    expect(byVersion(10)).toMatchObject({ action: 'exit', reason: '子女就业，家庭收入稳定（脱困日期 2021-03-01）', changes: [{ old: '已建档', new: '已脱困' }] });
    for (const i of items) expect(i.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('the API document names every action the history can show', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    const item = doc.paths['/api/households/{id}/history'].get.responses['200'].content['application/json'].schema.properties.items.items;
    const documented = item.properties.action.enum as string[] | undefined;
    // an enum that leaves out actions the endpoint returns makes generated clients reject real answers
    if (documented) expect([...documented].sort()).toEqual(['cityAgree', 'cityReturn', 'create', 'exit', 'remove', 'reopen', 'submit', 'unitAgree', 'unitReturn', 'update', 'transfer', 'merge'].sort());
  });

  it('shows removal and reopening with their reasons', async () => {
    const { id } = await fileIn('filed');
    ok(await clerk.post(`/api/households/${id}/remove`, { reason: '已迁出本市' }), 'remove');
    ok(await clerk.post(`/api/households/${id}/reopen`, { reason: '迁回本市' }), 'reopen');
    const items = ok(await clerk.get(`/api/households/${id}/history`), 'history').items;
    expect(items[0]).toMatchObject({ action: 'reopen', reason: '迁回本市', changes: [{ path: 'status', old: '已剔除', new: '草稿' }] });
    expect(items[1]).toMatchObject({ action: 'remove', reason: '已迁出本市', changes: [{ path: 'status', old: '已建档', new: '已剔除' }] });
  });
});

describe('editing rules by status', () => {
  const put = (id: number, input: HouseholdInput, version: number, extra: Record<string, unknown> = {}) =>
    clerk.put(`/api/households/${id}`, { ...input, version, ...extra });

  it('a draft is edited freely', async () => {
    const { id, input, file } = await fileIn('draft');
    const res = await put(id, { ...input, phone: '13907241234' }, file.version);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', version: file.version + 1, phone: '13907241234' });
  });

  it.each(['submitted', 'unitApproved'] as const)('a file %s is locked: 409 UNDER_REVIEW', async (status) => {
    const { id, input, file } = await fileIn(status);
    const res = await put(id, { ...input, phone: '13907241234' }, file.version, { reason: '更正电话' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('UNDER_REVIEW');
    expect(res.json().message).toMatch(/正在审核中/);
    const row = await ctx.db.selectFrom('households').select(['phone', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: input.phone, version: file.version });
  });

  it.each(['removed', 'exited'] as const)('a file %s is closed: 409 HOUSEHOLD_CLOSED', async (status) => {
    const { id, input, file } = await fileIn(status);
    const res = await put(id, { ...input, phone: '13907241234' }, file.version, { reason: '更正电话' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('HOUSEHOLD_CLOSED');
    expect(await statusOf(ctx.db, id)).toBe(status);
  });

  it('a filed file needs a reason; with one it stays filed when its identification does not change', async () => {
    const { id, input, file } = await fileIn('filed');
    for (const extra of [{}, { reason: '  ' }]) {
      const res = await put(id, { ...input, phone: '13907241234' }, file.version, extra);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'reason', message: '修改已建档的档案须填写修改原因' }]);
    }
    const res = await put(id, { ...input, phone: '13907241234' }, file.version, { reason: '联系电话变更' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'filed', version: file.version + 1, phone: '13907241234' });
    const hist = ok(await clerk.get(`/api/households/${id}/history`), 'history').items;
    expect(hist[0]).toMatchObject({ action: 'update', reason: '联系电话变更' });
    expect(hist[0].changes.map((c: { path: string }) => c.path)).toEqual(['phone']);
  });

  it('a filed file edited so that its identification changes goes back to review', async () => {
    const city = await sessionUserIn(ctx, 'H', 'city');
    const policy = ok(await city.put('/api/policy', { lines: [{ regionCode: 'H06', year: 2016, monthlyLine: 500 }] }), 'policy');
    expect(policy.version).toBeGreaterThan(0);
    await ctx.app.jobs.idle();
    // per-capita income 3,000 < 6,000 a year: eligible
    const input = makeHousehold({ regionCode: 'H06', householdAnnualIncome: 9000 });
    const created = ok(await clerk.post('/api/households', input), 'create');
    const filed = await ctx.fileThrough(created.id, clerk);
    expect(filed.json().status).toBe('filed');
    expect(filed.json().identification.eligible).toBe(true);
    // 60,000 for 3 people: 20,000 a year each, far above the line
    const res = await put(created.id, { ...input, householdAnnualIncome: 60000 }, filed.json().version, { reason: '家庭成员就业，收入增加' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('submitted');
    expect(res.json().identification.eligible).toBe(false);
    const hist = ok(await clerk.get(`/api/households/${created.id}/history`), 'history').items;
    expect(hist[0]).toMatchObject({ action: 'update', reason: '家庭成员就业，收入增加' });
    expect(hist[0].changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'householdAnnualIncome', old: 9000, new: 60000 }),
      { path: 'status', label: '状态', old: '已建档', new: '待单位审核' },
    ]));
    const audit = await ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'household.update').where('entity_id', '=', String(created.id)).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ backToReview: true, reason: '家庭成员就业，收入增加' });
    // the file is under review again: locked, and a pending removal proposal was not left behind
    const locked = await put(created.id, { ...input, householdAnnualIncome: 60000, phone: '13907241234' }, res.json().version, { reason: '再改' });
    expect(locked.json().code).toBe('UNDER_REVIEW');
    const pending = await ctx.db.selectFrom('removal_proposals').select('id').where('household_id', '=', created.id).where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(0);
    // and it goes through the review again, from the county union of its region
    const h06 = await sessionUserIn(ctx, 'H06', 'region');
    const again = await h06.post(`/api/households/${created.id}/review`, { level: 'unit', decision: 'agree', opinion: '收入变化已核实' });
    expect(again.json().status).toBe('unitApproved');
  });
});
