// The access matrix: every route × every role, with the outcome each role must get, written out
// as a table. "ok" is a 2xx (every allowed call below is built to succeed), "403" is FORBIDDEN,
// "404" is NOT_FOUND. The batch routes (review-batch, removal-proposals/decide) refuse a role that
// can never take the action with a plain 403; otherwise they answer 200 with a result per id, and
// the outcome is read from the one id sent (ok / FORBIDDEN / NOT_FOUND).
//
// Each case prepares its own fresh record in the status the action needs, so that the only
// thing that can refuse the call is the access rule under test, and checks afterwards that a
// refused call changed nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdInput } from '@bangfu/core';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import {
  countRows, linkHousehold, sessionAdmin, sessionUserIn, unitsWorkbook, XLSX_TYPE, type Res, type SessionClient,
} from '../../../test/session-client.js';
import type { Role } from './actor.js';

type Outcome = 'ok' | '403' | '404';
const ROLE_COLUMNS = ['admin', 'city', 'leader', 'staff', 'region', 'unit', 'viewer'] as const satisfies readonly Role[];

// Roles: admin 系统管理员, city 市总工会, leader 市总领导, staff 机关干部 (the last two linked to the
// household by household_links), region 县区工会 of H01, unit 基层工会 of a unit of H01, viewer 领导小组.
// The household, proposal and org used by each call are in the role's scope.
const MATRIX = `
| route                                        | admin | city | leader | staff | region | unit | viewer |
| GET    /api/households                       | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/households                       | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/households/:id                   | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/households/:id                   | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/households/:id/history           | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/households/:id/submit            | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/review [unit]     | 403   | 403  | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/review [city]     | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/households/review-batch [unit]   | 403   | 403  | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/review-batch [city]   | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/households/:id/remove            | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/exit              | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/reopen            | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/identify                         | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/policy                           | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/policy/preview                   | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| PUT    /api/policy                           | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/policy/history                   | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/jobs/:id                         | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/jobs/:id/changes                 | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/removal-proposals                | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/removal-proposals/decide         | ok    | ok   | 403    | 403   | ok     | 403  | 403    |
| GET    /api/orgs                             | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/orgs                             | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| PATCH  /api/orgs/:code                       | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| POST   /api/orgs/import                      | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/users                            | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| POST   /api/users                            | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| PATCH  /api/users/:id                        | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/audit                            | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/audit/verify                     | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/session                          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| DELETE /api/session                          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
`;

// The same calls on a record of ANOTHER scope: for leader/staff a household of their unit linked to
// someone else, for the region user (H01) a household of H02, for the unit user a household of a
// sibling unit in the same region. Admin, city and viewer see every record (the table above).
const FOREIGN = `
| route                                        | leader | staff | region | unit |
| GET    /api/households/:id                   | 404    | 404   | 404    | 404  |
| PUT    /api/households/:id                   | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/history           | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/submit            | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/review [unit]     | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/review [city]     | 404    | 404   | 404    | 404  |
| POST   /api/households/review-batch [unit]   | 403    | 403   | 404    | 404  |
| POST   /api/households/review-batch [city]   | 403    | 403   | 403    | 403  |
| POST   /api/households/:id/remove            | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/exit              | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/reopen            | 404    | 404   | 404    | 404  |
| POST   /api/removal-proposals/decide         | 403    | 403   | 404    | 403  |
`;

function parseTable(text: string) {
  const lines = text.trim().split('\n').map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  const [header, ...rows] = lines;
  const roles = header.slice(1) as Role[];
  return rows.flatMap(([route, ...cells]) => cells.map((cell, i) => ({ route, role: roles[i], outcome: cell as Outcome })));
}

// ---- fixtures -------------------------------------------------------------------------------------

let ctx: TestContext;
let admin: SessionClient;
const clients = {} as Record<Role, SessionClient>;
/** files and submits every household (a city user none of the tested clients is) */
let clerk: SessionClient;
let unitReviewerH01: SessionClient;
let unitReviewerH02: SessionClient;
let cityReviewer: SessionClient;
/** a leader the "foreign" households are linked to */
let otherLeader: SessionClient;
/** a region user of H02: the outsider of the "not yours looks like not found" tests */
let outsider: SessionClient;
let UNIT_A: string;
let UNIT_B: string;
let SPARE_UNIT: string;
/** the user PATCH /api/users/:id renames */
let spareUser: SessionClient;
let jobId: number;
let n = 0;

type Status = 'draft' | 'submitted' | 'unitApproved' | 'filed' | 'removed' | 'exited';
interface Placement {
  regionCode: string;
  unitId: string | null;
  linkTo: number[];
}
/** in the scope of every tested role: H01, unit A, linked to the tested leader and staff */
const own = (): Placement => ({ regionCode: 'H01', unitId: UNIT_A, linkTo: [clients.leader.id, clients.staff.id] });
/** another scope's record, per role */
const foreignFor = (role: Role): Placement => {
  switch (role) {
    case 'leader':
    case 'staff':
      return { regionCode: 'H01', unitId: UNIT_A, linkTo: [otherLeader.id] };
    case 'region':
      return { regionCode: 'H02', unitId: null, linkTo: [] };
    case 'unit':
      return { regionCode: 'H01', unitId: UNIT_B, linkTo: [] };
    default:
      throw new Error(`${role} has no foreign records`);
  }
};

function ok(res: Res, what: string) {
  if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const ORDER: Status[] = ['draft', 'submitted', 'unitApproved', 'filed'];

/** A household filed by the clerk, placed as asked, taken to the status asked. */
async function household(status: Status, p: Placement, overrides: Partial<HouseholdInput> = {}) {
  const input = makeHousehold({ regionCode: p.regionCode, unitId: p.unitId, ...overrides });
  let file = ok(await clerk.post('/api/households', input), 'create');
  const id = file.id as number;
  for (const userId of p.linkTo) await linkHousehold(ctx.db, id, userId);
  const reach = status === 'removed' || status === 'exited' ? 3 : ORDER.indexOf(status);
  if (reach >= 1) file = ok(await clerk.post(`/api/households/${id}/submit`), 'submit');
  const reviewer = p.regionCode === 'H01' ? unitReviewerH01 : unitReviewerH02;
  if (reach >= 2) file = ok(await reviewer.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '情况属实' }), 'unit review');
  if (reach >= 3) file = ok(await cityReviewer.post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意' }), 'city review');
  if (status === 'removed') file = ok(await clerk.post(`/api/households/${id}/remove`, { reason: '收入已超过标准' }), 'remove');
  if (status === 'exited') file = ok(await clerk.post(`/api/households/${id}/exit`, { reason: '已稳定就业', date: '2020-06-01' }), 'exit');
  expect(file.status).toBe(status);
  return { id, input, version: file.version as number, status };
}

/** A filed household of 2015 whose income is far above the line: it carries a pending removal proposal. */
async function proposal(p: Placement) {
  const h = await household('filed', p, {
    fillDate: '2015-05-10', householdAnnualIncome: 9000, ownAnnualIncome: 9000, householdSize: 1, members: [], receivesDibao: false, category: '低保户',
  });
  const row = await ctx.db.selectFrom('removal_proposals').select('id').where('household_id', '=', h.id).where('status', '=', 'pending').executeTakeFirst();
  if (!row) throw new Error(`no pending proposal for household ${h.id}`);
  return { proposalId: Number(row.id), household: h };
}

async function fileState(id: number) {
  return ctx.db.selectFrom('households').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
}

// ---- the calls --------------------------------------------------------------------------------

interface Run {
  res: Res;
  /** a batch route: the outcome is that of results[0] */
  batch?: boolean;
  /** the household the call acts on, with its state before and the status an allowed call leads to */
  file?: { id: number; status: string; version: number; after?: string };
  /** checked after a refused call: nothing was written */
  unchanged?: () => Promise<void>;
}
type Call = (c: SessionClient, p: Placement) => Promise<Run>;

const onFile = (status: Status, after: string | undefined, send: (c: SessionClient, id: number, h: Awaited<ReturnType<typeof household>>) => Promise<Res>): Call =>
  async (c, p) => {
    const h = await household(status, p);
    return { res: await send(c, h.id, h), file: { id: h.id, status, version: h.version, after } };
  };

const review = (level: 'unit' | 'city') => ({ level, decision: 'agree' as const, opinion: '经核实，情况属实' });

const CALLS: Record<string, Call> = {
  'GET /api/households': async (c) => ({ res: await c.get('/api/households') }),
  'POST /api/households': async (c) => {
    const before = await countRows(ctx.db, 'households');
    const res = await c.post('/api/households', makeHousehold({ regionCode: 'H01', unitId: UNIT_A }));
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'households')).toBe(before) };
  },
  'GET /api/households/:id': onFile('draft', undefined, (c, id) => c.get(`/api/households/${id}`)),
  'PUT /api/households/:id': onFile('draft', 'draft', (c, id, h) => c.put(`/api/households/${id}`, { ...h.input, phone: '13800000001', version: h.version })),
  'GET /api/households/:id/history': onFile('draft', undefined, (c, id) => c.get(`/api/households/${id}/history`)),
  'POST /api/households/:id/submit': onFile('draft', 'submitted', (c, id) => c.post(`/api/households/${id}/submit`)),
  'POST /api/households/:id/review [unit]': onFile('submitted', 'unitApproved', (c, id) => c.post(`/api/households/${id}/review`, review('unit'))),
  'POST /api/households/:id/review [city]': onFile('unitApproved', 'filed', (c, id) => c.post(`/api/households/${id}/review`, review('city'))),
  'POST /api/households/review-batch [unit]': async (c, p) => {
    const h = await household('submitted', p);
    const res = await c.post('/api/households/review-batch', { ids: [h.id], ...review('unit') });
    return { res, batch: true, file: { id: h.id, status: h.status, version: h.version, after: 'unitApproved' } };
  },
  'POST /api/households/review-batch [city]': async (c, p) => {
    const h = await household('unitApproved', p);
    const res = await c.post('/api/households/review-batch', { ids: [h.id], ...review('city') });
    return { res, batch: true, file: { id: h.id, status: h.status, version: h.version, after: 'filed' } };
  },
  'POST /api/households/:id/remove': onFile('filed', 'removed', (c, id) => c.post(`/api/households/${id}/remove`, { reason: '家庭收入已明显改善' })),
  'POST /api/households/:id/exit': onFile('filed', 'exited', (c, id) => c.post(`/api/households/${id}/exit`, { reason: '子女就业，家庭脱困', date: '2021-03-01' })),
  'POST /api/households/:id/reopen': onFile('removed', 'draft', (c, id) => c.post(`/api/households/${id}/reopen`, { reason: '复核后仍属困难' })),
  'POST /api/identify': async (c) => ({ res: await c.post('/api/identify', { household: makeHousehold(), monthlyLine: 500 }) }),
  'GET /api/policy': async (c) => ({ res: await c.get('/api/policy') }),
  'POST /api/policy/preview': async (c) => ({ res: await c.post('/api/policy/preview', { lines: [{ regionCode: 'H05', year: 2016, monthlyLine: 450 }] }) }),
  'PUT /api/policy': async (c) => {
    const before = await countRows(ctx.db, 'policy_changes');
    const k = ++n;
    const res = await c.put('/api/policy', { lines: [{ regionCode: 'H05', year: 2000 + k, monthlyLine: 300 + k }] });
    await ctx.app.jobs.idle();
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'policy_changes')).toBe(before) };
  },
  'GET /api/policy/history': async (c) => ({ res: await c.get('/api/policy/history') }),
  'GET /api/jobs/:id': async (c) => ({ res: await c.get(`/api/jobs/${jobId}`) }),
  'GET /api/jobs/:id/changes': async (c) => ({ res: await c.get(`/api/jobs/${jobId}/changes`) }),
  'GET /api/removal-proposals': async (c) => ({ res: await c.get('/api/removal-proposals') }),
  'POST /api/removal-proposals/decide': async (c, p) => {
    const { proposalId, household: h } = await proposal(p);
    const res = await c.post('/api/removal-proposals/decide', { ids: [proposalId], decision: 'confirm', note: '核实后剔除' });
    return {
      res, batch: true, file: { id: h.id, status: 'filed', version: h.version, after: 'removed' },
      unchanged: async () => {
        const row = await ctx.db.selectFrom('removal_proposals').select('status').where('id', '=', proposalId).executeTakeFirstOrThrow();
        expect(row.status).toBe('pending');
      },
    };
  },
  'GET /api/orgs': async (c) => ({ res: await c.get('/api/orgs') }),
  'POST /api/orgs': async (c) => {
    const before = await countRows(ctx.db, 'orgs');
    const res = await c.post('/api/orgs', { name: `矩阵测试工会${++n}`, parentCode: 'H03' });
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'orgs')).toBe(before) };
  },
  'PATCH /api/orgs/:code': async (c) => {
    const name = `改名后的工会${++n}`;
    const res = await c.patch(`/api/orgs/${SPARE_UNIT}`, { name });
    return {
      res,
      unchanged: async () => {
        const row = await ctx.db.selectFrom('orgs').select('name').where('code', '=', SPARE_UNIT).executeTakeFirstOrThrow();
        expect(row.name).not.toBe(name);
      },
    };
  },
  'POST /api/orgs/import': async (c) => {
    const before = await countRows(ctx.db, 'orgs');
    const payload = await unitsWorkbook([[`导入的工会${++n}`, 'H03']]);
    const res = await c.request({ method: 'POST', url: '/api/orgs/import', payload, headers: { 'content-type': XLSX_TYPE } });
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'orgs')).toBe(before) };
  },
  'GET /api/users': async (c) => ({ res: await c.get('/api/users') }),
  'POST /api/users': async (c) => {
    const before = await countRows(ctx.db, 'users');
    const res = await c.post('/api/users', { username: `matrix${++n}`, password: 'Long-enough-pw-1', displayName: '矩阵用户', orgCode: 'H03' });
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'users')).toBe(before) };
  },
  'PATCH /api/users/:id': async (c) => {
    const displayName = `改名${++n}`;
    const res = await c.patch(`/api/users/${spareUser.id}`, { displayName });
    return {
      res,
      unchanged: async () => {
        const row = await ctx.db.selectFrom('users').select('display_name').where('id', '=', spareUser.id).executeTakeFirstOrThrow();
        expect(row.display_name).not.toBe(displayName);
      },
    };
  },
  'GET /api/audit': async (c) => ({ res: await c.get('/api/audit') }),
  'GET /api/audit/verify': async (c) => ({ res: await c.get('/api/audit/verify') }),
  'GET /api/session': async (c) => ({ res: await c.get('/api/session') }),
  'DELETE /api/session': async (c) => {
    // a second session of the same user, so that the shared client stays logged in
    const second = await c.relogin();
    const res = await second.del('/api/session');
    if (res.statusCode === 204) expect((await second.get('/api/session')).statusCode).toBe(401);
    return { res };
  },
};

function outcomeOf(run: Run): Outcome | string {
  const { res } = run;
  if (run.batch) {
    // a role that can never take the action is refused as a whole; otherwise each id has its result
    if (res.statusCode === 403) return res.json().code === 'FORBIDDEN' ? '403' : `403 ${res.json().code}`;
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json().results;
    expect(r).toHaveLength(1);
    if (r[0].ok) return 'ok';
    return r[0].code === 'FORBIDDEN' ? '403' : r[0].code === 'NOT_FOUND' ? '404' : `results[0].code ${r[0].code}`;
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return 'ok';
  if (res.statusCode === 403) return res.json().code === 'FORBIDDEN' ? '403' : `403 ${res.json().code}`;
  if (res.statusCode === 404) return res.json().code === 'NOT_FOUND' ? '404' : `404 ${res.json().code}`;
  return `${res.statusCode} ${res.body.slice(0, 200)}`;
}

async function check(run: Run, expected: Outcome) {
  expect(outcomeOf(run)).toBe(expected);
  if (run.file) {
    const after = await fileState(run.file.id);
    if (expected === 'ok' && run.file.after) {
      expect(after.status).toBe(run.file.after);
      expect(after.version).toBe(run.file.version + 1);
    }
    if (expected !== 'ok') expect(after).toEqual({ status: run.file.status, version: run.file.version });
  }
  if (expected !== 'ok') await run.unchanged?.();
}

// ---- setup ------------------------------------------------------------------------------------

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await sessionAdmin(ctx);
  UNIT_A = ok(await admin.post('/api/orgs', { name: '京山县轻机厂工会', parentCode: 'H01' }), 'unit A').code;
  UNIT_B = ok(await admin.post('/api/orgs', { name: '京山县纺织厂工会', parentCode: 'H01' }), 'unit B').code;
  SPARE_UNIT = ok(await admin.post('/api/orgs', { name: '钟祥市备用工会', parentCode: 'H03' }), 'spare unit').code;
  clients.admin = admin;
  clients.city = await sessionUserIn(ctx, 'H', 'city');
  clients.leader = await sessionUserIn(ctx, 'H', 'leader');
  clients.staff = await sessionUserIn(ctx, 'H', 'staff');
  clients.region = await sessionUserIn(ctx, 'H01', 'region');
  clients.unit = await sessionUserIn(ctx, UNIT_A, 'unit');
  clients.viewer = await sessionUserIn(ctx, 'H', 'viewer');
  clerk = await sessionUserIn(ctx, 'H', 'city', '建档员');
  unitReviewerH01 = await sessionUserIn(ctx, 'H01', 'region');
  unitReviewerH02 = await sessionUserIn(ctx, 'H02', 'region');
  cityReviewer = await sessionUserIn(ctx, 'H', 'city');
  otherLeader = await sessionUserIn(ctx, 'H', 'leader');
  outsider = await sessionUserIn(ctx, 'H02', 'region');
  spareUser = await sessionUserIn(ctx, 'H03', 'region');
  // the 2015 lines that give the proposal households their pending removal proposal; the job is the one GET /api/jobs/:id reads
  const saved = ok(await clients.city.put('/api/policy', { lines: [{ regionCode: 'H01', year: 2015, monthlyLine: 500 }, { regionCode: 'H02', year: 2015, monthlyLine: 500 }] }), 'policy');
  jobId = saved.jobId;
  await ctx.app.jobs.idle();
}, 60_000);
afterAll(() => ctx?.close());

// ---- the tests ----------------------------------------------------------------------------------

const callOf = (route: string) => {
  const call = CALLS[route.replace(/\s+/g, ' ')];
  if (!call) throw new Error(`no call for ${route}`);
  return call;
};

describe('access matrix: every route × every role, on a record in the role\'s scope', () => {
  it.each(parseTable(MATRIX))('$route as $role → $outcome', async ({ route, role, outcome }) => {
    const run = await callOf(route)(clients[role], own());
    await check(run, outcome);
  });
});

describe('access matrix: a record of another scope answers 404', () => {
  it.each(parseTable(FOREIGN))('$route as $role on another scope\'s record → $outcome', async ({ route, role, outcome }) => {
    const run = await callOf(route)(clients[role], foreignFor(role));
    await check(run, outcome);
  });

  it('lists leave out another scope\'s households and proposals', async () => {
    const mine = await household('draft', own());
    const h02 = await household('draft', foreignFor('region'));
    const sibling = await household('draft', foreignFor('unit'));
    const notLinked = await household('draft', foreignFor('leader'));
    const { proposalId: h02Proposal } = await proposal(foreignFor('region'));
    const ids = async (c: SessionClient) => (ok(await c.get('/api/households?pageSize=100'), 'list').items as { id: number }[]).map((i) => i.id);
    expect(await ids(clients.region)).toEqual(expect.arrayContaining([mine.id, sibling.id, notLinked.id]));
    expect(await ids(clients.region)).not.toContain(h02.id);
    expect(await ids(clients.unit)).toEqual(expect.arrayContaining([mine.id, notLinked.id]));
    expect(await ids(clients.unit)).not.toContain(sibling.id);
    expect(await ids(clients.unit)).not.toContain(h02.id);
    expect(await ids(clients.leader)).toContain(mine.id);
    expect(await ids(clients.leader)).not.toContain(notLinked.id);
    expect(await ids(clients.staff)).not.toContain(sibling.id);
    for (const role of ['admin', 'city', 'viewer'] as const) expect(await ids(clients[role])).toEqual(expect.arrayContaining([mine.id, h02.id, sibling.id, notLinked.id]));
    const proposals = async (c: SessionClient) => (ok(await c.get('/api/removal-proposals?pageSize=200'), 'proposals').items as { id: number }[]).map((i) => i.id);
    expect(await proposals(clients.city)).toContain(h02Proposal);
    expect(await proposals(clients.region)).not.toContain(h02Proposal);
    expect(await proposals(clients.leader)).not.toContain(h02Proposal);
  });
});

describe('not yours looks like not found', () => {
  // The outsider is a county-union user of H02; the household is in H01, in the status the action
  // needs, so the only difference from a missing id is the scope. Status and body must be identical.
  const MISSING = 99_999_999;
  const ROUTES: { name: string; status: Status; send: (c: SessionClient, id: number, h: Awaited<ReturnType<typeof household>>) => Promise<Res> }[] = [
    { name: 'GET /api/households/:id', status: 'draft', send: (c, id) => c.get(`/api/households/${id}`) },
    { name: 'PUT /api/households/:id', status: 'draft', send: (c, id, h) => c.put(`/api/households/${id}`, { ...h.input, regionCode: 'H01', version: h.version }) },
    { name: 'GET /api/households/:id/history', status: 'draft', send: (c, id) => c.get(`/api/households/${id}/history`) },
    { name: 'POST /api/households/:id/submit', status: 'draft', send: (c, id) => c.post(`/api/households/${id}/submit`) },
    { name: 'POST /api/households/:id/review [unit]', status: 'submitted', send: (c, id) => c.post(`/api/households/${id}/review`, review('unit')) },
    { name: 'POST /api/households/:id/review [city]', status: 'unitApproved', send: (c, id) => c.post(`/api/households/${id}/review`, review('city')) },
    { name: 'POST /api/households/:id/remove', status: 'filed', send: (c, id) => c.post(`/api/households/${id}/remove`, { reason: '不符合条件' }) },
    { name: 'POST /api/households/:id/exit', status: 'filed', send: (c, id) => c.post(`/api/households/${id}/exit`, { reason: '已脱困', date: '2021-03-01' }) },
    { name: 'POST /api/households/:id/reopen', status: 'removed', send: (c, id) => c.post(`/api/households/${id}/reopen`, { reason: '重新纳入' }) },
    { name: 'POST /api/households/review-batch [unit]', status: 'submitted', send: (c, id) => c.post('/api/households/review-batch', { ids: [id], ...review('unit') }) },
  ];

  it.each(ROUTES)('$name: an H01 household answers the H02 user exactly like a nonexistent id', async ({ status, send }) => {
    const h = await household(status, own());
    const theirs = await send(outsider, h.id, h);
    const missing = await send(outsider, MISSING, h);
    expect(missing.statusCode).toBeGreaterThanOrEqual(200);
    expect(theirs.statusCode).toBe(missing.statusCode);
    if (theirs.statusCode === 200) {
      // the batch route: one result per id, identical but for the id
      const a = theirs.json().results[0];
      const b = missing.json().results[0];
      expect(a).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect({ ...a, id: 0 }).toEqual({ ...b, id: 0 });
    } else {
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json()).toEqual(missing.json());
      expect(theirs.json()).toEqual({ code: 'NOT_FOUND', message: '档案不存在或无权查看' });
    }
    expect(await fileState(h.id)).toEqual({ status, version: h.version });
    // the in-scope county union sees the very same record
    expect((await unitReviewerH01.get(`/api/households/${h.id}`)).statusCode).toBe(200);
  });

  it('the list and the search do not reveal it either', async () => {
    const h = await household('draft', own());
    const worker = (await ctx.db.selectFrom('households').select('worker_no').where('id', '=', h.id).executeTakeFirstOrThrow()).worker_no;
    for (const q of [worker, h.input.idNumber, h.input.name]) {
      const res = ok(await outsider.get(`/api/households?q=${encodeURIComponent(q)}&regionCode=H01`), 'search');
      expect(res.items.map((i: { id: number }) => i.id)).not.toContain(h.id);
    }
  });
});

describe('without a session', () => {
  const concrete = (route: string) => {
    const [method, path] = route.replace(/\s*\[.*\]$/, '').split(/\s+/);
    return { method: method as 'GET', url: path.replace(':id', '1').replace(':code', 'H01') };
  };
  const routes = [...new Set(parseTable(MATRIX).map((r) => r.route.replace(/\s*\[.*\]$/, '').replace(/\s+/g, ' ')))];

  it.each(routes)('%s → 401 UNAUTHENTICATED', async (route) => {
    const { method, url } = concrete(route);
    const res = await ctx.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {}, headers: { 'x-csrf-token': 'x' } }) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a stale or forged session cookie is the same as none', async () => {
    const res = await ctx.app.inject({ url: '/api/households', cookies: { bangfu_session: 'forged-token' } });
    expect(res.statusCode).toBe(401);
  });

  it('the public routes answer without login', async () => {
    expect((await ctx.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: {} });
    expect(login.statusCode).toBe(400);
    expect(login.json().errors.map((e: { path: string }) => e.path)).toEqual(['username', 'password']);
  });

  it('the matrix covers every route of the API document', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const PUBLIC = ['GET /api/health', 'POST /api/session'];
    const inMatrix = new Set(routes);
    expect(documented.filter((r) => !PUBLIC.includes(r) && !inMatrix.has(r)).sort()).toEqual([]);
    expect([...inMatrix].filter((r) => !documented.includes(r))).toEqual([]);
  });
});
