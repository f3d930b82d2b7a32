import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('session', () => {
  it('health answers without login', async () => {
    const res = await ctx.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('logs in with an httpOnly SameSite cookie and a CSRF cookie, and out again', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin', orgCode: 'H', orgName: '荆门市总工会' });
    const session = res.cookies.find((c) => c.name === 'bangfu_session')!;
    const csrf = res.cookies.find((c) => c.name === 'bangfu_csrf')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    expect(csrf.httpOnly).toBeFalsy();
    const cookies = { bangfu_session: session.value, bangfu_csrf: csrf.value };
    expect((await ctx.app.inject({ url: '/api/session', cookies })).json().user.username).toBe('admin');
    const out = await ctx.app.inject({ method: 'DELETE', url: '/api/session', cookies, headers: { 'x-csrf-token': csrf.value } });
    expect(out.statusCode).toBe(204);
    const after = await ctx.app.inject({ url: '/api/session', cookies });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password with a Chinese message and audits it', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'wrong-password' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const row = await ctx.db.selectFrom('audit_log').select(['action', 'username']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'session.login_failed', username: 'admin' });
  });

  it('locks an account for 15 minutes after 5 failed logins', async () => {
    await ctx.userIn('H02');
    const user = await ctx.db.selectFrom('users').select('username').where('org_code', '=', 'H02').executeTakeFirstOrThrow();
    for (let i = 0; i < 5; i++)
      await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: 'nope-nope-nope' } });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: 'nope-nope-nope' } });
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses personal data without a session', async () => {
    const res = await ctx.app.inject({ url: '/api/households' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a state change without the CSRF header', async () => {
    const login = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const res = await ctx.app.inject({ method: 'POST', url: '/api/households', cookies, payload: makeHousehold() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });

  it('sets security headers', async () => {
    const res = await ctx.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('users and scope', () => {
  it('lets only admins create users, with password rules', async () => {
    const admin = await ctx.admin();
    const weak = await admin.post('/api/users', { username: 'zhangsan', password: 'short', displayName: '张三', orgCode: 'H01' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toEqual({ path: 'password', message: '密码至少10个字符' });
    const same = await admin.post('/api/users', { username: 'zhangsan01', password: 'zhangsan01', displayName: '张三', orgCode: 'H01' });
    expect(same.json().errors[0].message).toBe('密码不能与用户名相同');
    const badOrg = await admin.post('/api/users', { username: 'zhangsan', password: 'Long-enough-1', displayName: '张三', orgCode: 'H99' });
    expect(badOrg.json().errors[0].path).toBe('orgCode');
    const ok = await admin.post('/api/users', { username: 'zhangsan', password: 'Long-enough-1', displayName: '张三', orgCode: 'H01' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'zhangsan', role: 'region', orgCode: 'H01' });
    // a county account reads identity numbers in full: the city union approves it and gets its password
    const city = await ctx.userIn('H', 'city');
    const approval = (await city.get('/api/user-approvals')).json().items.find((a: { user: { username: string } }) => a.user.username === 'zhangsan');
    const approved = (await city.post(`/api/user-approvals/${approval.id}/decision`, { decision: 'approve' })).json();
    const zs = await ctx.login('zhangsan', approved.password);
    const denied = await zs.post('/api/users', { username: 'lisi', password: 'Long-enough-2', displayName: '李四', orgCode: 'H01' });
    expect(denied.statusCode).toBe(403);
  });

  it('a region user reads and writes only its region; another region looks not found', async () => {
    const admin = await ctx.admin();
    const h04 = (await admin.post('/api/households', makeHousehold({ regionCode: 'H04' }))).json();
    const h01user = await ctx.userIn('H01');
    const own = await h01user.post('/api/households', makeHousehold({ regionCode: 'H01' }));
    expect(own.statusCode).toBe(201);
    const other = await h01user.post('/api/households', makeHousehold({ regionCode: 'H04' }));
    expect(other.statusCode).toBe(403);
    expect(other.json().errors[0].path).toBe('regionCode');
    expect((await h01user.get(`/api/households/${h04.id}`)).statusCode).toBe(404);
    expect((await h01user.get(`/api/households/${h04.id}/history`)).statusCode).toBe(404);
    expect((await h01user.post(`/api/households/${h04.id}/remove`, { reason: 'x' })).statusCode).toBe(404);
    expect((await h01user.put(`/api/households/${h04.id}`, { ...makeHousehold({ regionCode: 'H04' }), version: 1 })).statusCode).toBe(404);
    const list = (await h01user.get('/api/households?pageSize=100')).json();
    expect(list.items.every((i: { regionCode: string }) => i.regionCode === 'H01')).toBe(true);
    expect(list.total).toBeGreaterThan(0);
    const asked = (await h01user.get('/api/households?regionCode=H04')).json();
    expect(asked.total).toBe(0);
  });
});

describe('api documents', () => {
  it('serves an OpenAPI document generated from the schemas', async () => {
    const res = await ctx.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const post = doc.paths['/api/households'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.properties.category.enum).toEqual(['低保户', '低保边缘户', '意外致困户']);
    expect(body.required).toContain('idNumber');
    expect(doc.paths['/api/households/{id}/history'].get).toBeTruthy();
    const docs = await ctx.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('hides internal errors behind a plain 500', async () => {
    const { sql } = await import('kysely');
    const admin = await ctx.admin();
    await sql`drop table household_causes`.execute(ctx.db);
    const h = makeHousehold();
    const res = await admin.post('/api/households', h);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/服务器内部错误/) });
    expect(res.body).not.toMatch(/household_causes|select|insert|at .*\.ts/i);
    // nothing half-written: the transaction rolled back
    const n = await ctx.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('id_number', '=', h.idNumber).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});
