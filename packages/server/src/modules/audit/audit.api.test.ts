// The audit log through the API: the hash chain holds, and breaks exactly where the database is
// tampered with; the list filters and pages; only admins read it; nothing alters it; logins,
// failed logins and file views are in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { sessionAdmin, sessionUserIn, type SessionClient } from '../../../test/session-client.js';
import { auditHash } from './audit.repository.js';

let ctx: TestContext;
let admin: SessionClient;
let city: SessionClient;
let householdId: number;

interface Item { id: number; at: string; userId: number | null; username: string | null; action: string; entity: string | null; entityId: string | null; detail: unknown; ip: string | null; hash: string }

/** Some ordinary activity: a failed login, a file created and viewed by two roles, a policy change. */
async function someActivity(c: TestContext) {
  const failed = await c.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'not-the-password' } });
  expect(failed.statusCode).toBe(401);
  const a = await sessionAdmin(c);
  const clerk = await sessionUserIn(c, 'H', 'city', '审计测试员');
  const created = await clerk.post('/api/households', makeHousehold({ regionCode: 'H02' }));
  expect(created.statusCode).toBe(201);
  const id = created.json().id as number;
  expect((await clerk.get(`/api/households/${id}`)).statusCode).toBe(200);
  expect((await a.get(`/api/households/${id}`)).statusCode).toBe(200);
  expect((await clerk.post(`/api/households/${id}/submit`)).statusCode).toBe(200);
  return { admin: a, clerk, householdId: id };
}

async function auditIds(c: TestContext): Promise<number[]> {
  return (await c.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id));
}

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await someActivity(ctx);
  admin = a.admin;
  city = a.clerk;
  householdId = a.householdId;
}, 60_000);
afterAll(() => ctx?.close());

describe('the hash chain', () => {
  it('holds after ordinary activity', async () => {
    const res = await admin.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const rows = (await auditIds(ctx)).length;
    expect(rows).toBeGreaterThanOrEqual(8);
    expect(res.json()).toEqual({ ok: true, rows });
  });

  it('breaks at the row whose detail was edited in the database, and holds again once restored', async () => {
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.create').where('entity_id', '=', String(householdId)).executeTakeFirstOrThrow();
    const ids = await auditIds(ctx);
    expect(Number(row.id)).toBeLessThan(ids.at(-1)!); // a row in the middle of the chain
    await ctx.db.updateTable('audit_log').set({ detail: JSON.stringify({ workerNo: 'H0299999' }) }).where('id', '=', row.id).execute();
    try {
      const res = (await admin.get('/api/audit/verify')).json();
      expect(res).toMatchObject({ ok: false, brokenAt: Number(row.id) });
      expect(res.reason).toMatch(/edited/);
    } finally {
      await ctx.db.updateTable('audit_log').set({ detail: row.detail }).where('id', '=', row.id).execute();
    }
    expect((await admin.get('/api/audit/verify')).json().ok).toBe(true);
  });

  it('breaks at the row whose user was edited', async () => {
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.view').orderBy('id').executeTakeFirstOrThrow();
    await ctx.db.updateTable('audit_log').set({ username: 'someone-else' }).where('id', '=', row.id).execute();
    try {
      expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: false, brokenAt: Number(row.id) });
    } finally {
      await ctx.db.updateTable('audit_log').set({ username: row.username }).where('id', '=', row.id).execute();
    }
    expect((await admin.get('/api/audit/verify')).json().ok).toBe(true);
  });

  it('an edited row whose own hash is recomputed still breaks the link to the next row', async () => {
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.login_failed').orderBy('id').executeTakeFirstOrThrow();
    const next = await ctx.db.selectFrom('audit_log').select('id').where('id', '>', row.id).orderBy('id').executeTakeFirstOrThrow();
    const forged = { ...row, ip: '10.0.0.99' };
    await ctx.db.updateTable('audit_log').set({ ip: forged.ip, hash: auditHash(row.prev_hash, forged) }).where('id', '=', row.id).execute();
    try {
      const res = (await admin.get('/api/audit/verify')).json();
      expect(res).toMatchObject({ ok: false, brokenAt: Number(next.id) });
      expect(res.reason).toMatch(/prev_hash/);
    } finally {
      await ctx.db.updateTable('audit_log').set({ ip: row.ip, hash: row.hash }).where('id', '=', row.id).execute();
    }
    expect((await admin.get('/api/audit/verify')).json().ok).toBe(true);
  });

  it('on a fresh database, deleting a middle row breaks the chain at the next row', async () => {
    const fresh = await createTestContext();
    try {
      const { admin: a } = await someActivity(fresh);
      expect((await a.get('/api/audit/verify')).json().ok).toBe(true);
      const ids = await auditIds(fresh);
      const middle = ids[Math.floor(ids.length / 2)];
      const after = ids[ids.indexOf(middle) + 1];
      await fresh.db.deleteFrom('audit_log').where('id', '=', middle).execute();
      const res = (await a.get('/api/audit/verify')).json();
      expect(res).toMatchObject({ ok: false, brokenAt: after });
      expect(res.reason).toMatch(/removed/);
    } finally {
      await fresh.close();
    }
  });

  it('on a fresh database, deleting the last row is caught by the chain head', async () => {
    const fresh = await createTestContext();
    try {
      const { admin: a } = await someActivity(fresh);
      const ids = await auditIds(fresh);
      const last = ids.at(-1)!;
      await fresh.db.deleteFrom('audit_log').where('id', '=', last).execute();
      const res = (await a.get('/api/audit/verify')).json();
      expect(res).toMatchObject({ ok: false, rows: ids.length - 1, brokenAt: last });
      expect(res.reason).toMatch(/head/);
    } finally {
      await fresh.close();
    }
  });
});

describe('GET /api/audit', () => {
  const list = async (query: string) => {
    const res = await admin.get(`/api/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: Item[] };
  };

  it('lists newest first with every field', async () => {
    const all = await list('?pageSize=200');
    expect(all.total).toBe((await auditIds(ctx)).length);
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const create = all.items.find((i) => i.action === 'household.create')!;
    expect(create).toMatchObject({ username: city.username, entity: 'household', entityId: String(householdId), detail: { workerNo: expect.stringMatching(/^H02\d{5}$/) } });
    expect(create.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(create.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it('filters by action prefix', async () => {
    const session = await list('?action=session.&pageSize=200');
    expect(session.total).toBeGreaterThanOrEqual(3);
    expect(session.items.every((i) => i.action.startsWith('session.'))).toBe(true);
    expect(new Set(session.items.map((i) => i.action))).toEqual(new Set(['session.login', 'session.login_failed']));
    const views = await list('?action=household.view');
    expect(views.total).toBe(2);
    expect(views.items.every((i) => i.action === 'household.view')).toBe(true);
    const household = await list('?action=household');
    expect(new Set(household.items.map((i) => i.action))).toEqual(new Set(['household.create', 'household.view', 'household.submit']));
  });

  // "%" and "_" are LIKE wildcards, and SQLite's LIKE ignores ASCII case while PostgreSQL's does
  // not: none of these is a prefix of any action, so a plain prefix filter finds nothing.
  it.each(['%view', 'household_view', 'SESSION.'])('treats the action filter %j as plain text (no LIKE wildcards, no case folding)', async (prefix) => {
    const res = await list(`?action=${encodeURIComponent(prefix)}&pageSize=200`);
    expect(res.items.map((i) => i.action)).toEqual([]);
  });

  it('filters by username', async () => {
    const res = await list(`?username=${city.username}&pageSize=200`);
    const n = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', city.username).executeTakeFirstOrThrow();
    expect(res.total).toBe(Number(n.n));
    expect(res.total).toBeGreaterThanOrEqual(4); // login, create, view, submit
    expect(res.items.every((i) => i.username === city.username)).toBe(true);
    expect((await list('?username=nobody-at-all')).total).toBe(0);
  });

  it('filters by entity and entity id', async () => {
    const res = await list(`?entity=household&entityId=${householdId}`);
    expect(res.items.map((i) => i.action)).toEqual(['household.submit', 'household.view', 'household.view', 'household.create']);
    expect((await list(`?entity=user&entityId=${householdId}`)).items.every((i) => i.entity === 'user')).toBe(true);
    expect((await list('?entity=household&entityId=99999999')).total).toBe(0);
  });

  it('filters by a date range (inclusive days in China time, UTC+8, of the stored UTC time)', async () => {
    const all = await list('?pageSize=200');
    // the days users mean: a record at 16:30 UTC belongs to the next day in China
    const chinaDay = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
    const days = [...new Set(all.items.map((i) => chinaDay(i.at)))].sort();
    const first = days[0];
    const last = days.at(-1)!;
    const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect((await list(`?from=${first}&to=${last}`)).total).toBe(all.total);
    expect((await list(`?from=${first}`)).total).toBe(all.total);
    expect((await list(`?to=${last}`)).total).toBe(all.total);
    expect((await list(`?from=${shift(last, 1)}`)).total).toBe(0);
    expect((await list(`?to=${shift(first, -1)}`)).total).toBe(0);
    expect((await list(`?from=${shift(first, -30)}&to=${shift(first, -1)}`)).total).toBe(0);
  });

  it('pages', async () => {
    const all = await list('?pageSize=200');
    const p1 = await list('?pageSize=3&page=1');
    const p2 = await list('?pageSize=3&page=2');
    expect(p1.total).toBe(all.total);
    expect(p2.total).toBe(all.total);
    expect(p1.items.map((i) => i.id)).toEqual(all.items.slice(0, 3).map((i) => i.id));
    expect(p2.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
    const beyond = await list(`?pageSize=3&page=${Math.ceil(all.total / 3) + 1}`);
    expect(beyond.items).toEqual([]);
  });

  it('rejects bad filters with field errors', async () => {
    const res = await admin.get('/api/audit?from=2026/01/01&to=yesterday&pageSize=500&page=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'page', 'pageSize', 'to']);
  });

  it('is for admins only', async () => {
    for (const [org, role] of [['H', 'city'], ['H', 'viewer'], ['H', 'leader'], ['H01', 'region']] as const) {
      const c = await sessionUserIn(ctx, org, role);
      for (const url of ['/api/audit', '/api/audit/verify', '/api/audit?action=session.']) {
        const res = await c.get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.json()).toEqual({ code: 'FORBIDDEN', message: '只有系统管理员可以查看审计日志' });
      }
    }
  });
});

describe('nothing alters the log', () => {
  const ATTEMPTS = [
    ['PUT', '/api/audit'], ['PATCH', '/api/audit'], ['DELETE', '/api/audit'], ['POST', '/api/audit'],
    ['PUT', '/api/audit/1'], ['PATCH', '/api/audit/1'], ['DELETE', '/api/audit/1'], ['GET', '/api/audit/1'],
    ['PUT', '/api/audit/verify'], ['DELETE', '/api/audit/verify'], ['POST', '/api/audit/verify'],
  ] as const;

  it.each(ATTEMPTS)('%s %s → 404 for the admin, and the log is untouched', async (method, url) => {
    const before = await ctx.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute();
    const res = await admin.request({ method, url, payload: method === 'GET' || method === 'DELETE' ? undefined : { detail: 'x' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(await ctx.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute()).toEqual(before);
  });
});

describe('what is audited', () => {
  it('logins, with the user and address', async () => {
    const u = await sessionUserIn(ctx, 'H03', 'region', '登录测试');
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.login').where('username', '=', u.username).executeTakeFirstOrThrow();
    expect(Number(row.user_id)).toBe(u.id);
    expect(row.ip).toBeTruthy();
    const viaApi = (await admin.get(`/api/audit?action=session.login&username=${u.username}`)).json();
    expect(viaApi.items.map((i: Item) => i.action)).toEqual(['session.login']);
  });

  it('failed logins, of known and unknown usernames, and lockouts', async () => {
    const u = await sessionUserIn(ctx, 'H03', 'region');
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: u.username, password: 'wrong-password-1' } });
    expect(bad.statusCode).toBe(401);
    const ghost = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'no-such-user', password: 'wrong-password-1' } });
    expect(ghost.statusCode).toBe(401);
    const known = (await admin.get(`/api/audit?action=session.login_failed&username=${u.username}`)).json().items;
    expect(known).toHaveLength(1);
    expect(known[0]).toMatchObject({ userId: u.id, username: u.username, action: 'session.login_failed' });
    const unknown = (await admin.get('/api/audit?action=session.login_failed&username=no-such-user')).json().items;
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ userId: null, username: 'no-such-user' });
    // the password is never written anywhere in the log
    const all = await ctx.db.selectFrom('audit_log').select('detail').execute();
    expect(JSON.stringify(all)).not.toContain('wrong-password-1');
  });

  it('logouts', async () => {
    const u = await sessionUserIn(ctx, 'H03', 'region');
    expect((await u.del('/api/session')).statusCode).toBe(204);
    const items = (await admin.get(`/api/audit?username=${u.username}&action=session.`)).json().items;
    expect(items.map((i: Item) => i.action)).toEqual(['session.logout', 'session.login']);
  });

  it('every view of a whole file, with whether the identity numbers were shown in full', async () => {
    const viewer = await sessionUserIn(ctx, 'H', 'viewer');
    const region = await sessionUserIn(ctx, 'H02', 'region');
    for (const c of [viewer, region, viewer]) expect((await c.get(`/api/households/${householdId}`)).statusCode).toBe(200);
    const views = (await admin.get(`/api/audit?action=household.view&entity=household&entityId=${householdId}`)).json().items as Item[];
    const by = (name: string) => views.filter((v) => v.username === name).map((v) => v.detail);
    expect(by(viewer.username)).toEqual([{ fullIdentity: false }, { fullIdentity: false }]);
    expect(by(region.username)).toEqual([{ fullIdentity: true }]);
    expect(by(city.username)).toEqual([{ fullIdentity: true }]);
    expect(by('admin')).toEqual([{ fullIdentity: false }]);
    // a refused view (out of scope) is not a view
    const other = await sessionUserIn(ctx, 'H05', 'region');
    expect((await other.get(`/api/households/${householdId}`)).statusCode).toBe(404);
    const after = (await admin.get(`/api/audit?action=household.view&username=${other.username}`)).json();
    expect(after.total).toBe(0);
    expect((await admin.get('/api/audit/verify')).json().ok).toBe(true);
  });
});
