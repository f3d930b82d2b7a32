// Security issue point 3: the system administrator sees identity numbers masked, and cannot give
// themself the full view through an account: a new account, a password reset or a reactivation of
// an account that reads them in full waits for a city-union cadre, who alone gets the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let admin: Client;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.admin();
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
const pendingOf = async (username: string) =>
  (await city.get('/api/user-approvals')).json().items.filter((a: { user: { username: string } }) => a.user.username === username);

describe('accounts that see personal data in full', () => {
  it('a city account the admin creates cannot log in until the city union approves; the approver gets the password', async () => {
    const res = await admin.post('/api/users', { username: 'shi_new', password: 'Admin-knows-1', displayName: '新市总', orgCode: 'H', role: 'city' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().pendingApproval).toBe(true);
    expect((await login('shi_new', 'Admin-knows-1')).statusCode).toBe(401);
    expect((await admin.get('/api/user-approvals')).statusCode).toBe(403);
    const [request] = await pendingOf('shi_new');
    expect(request).toMatchObject({ kind: 'create', kindLabel: '新建账号', user: { roleLabel: '市总工会' } });
    expect((await admin.post(`/api/user-approvals/${request.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const approved = await city.post(`/api/user-approvals/${request.id}/decision`, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const { password } = approved.json();
    expect(password).toMatch(/.{10,}/);
    expect((await login('shi_new', 'Admin-knows-1')).statusCode).toBe(401);
    expect((await login('shi_new', password)).statusCode).toBe(200);
    expect((await city.post(`/api/user-approvals/${request.id}/decision`, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('a password reset of such an account by the admin changes nothing until approved', async () => {
    const user = await ctx.userIn('H01', 'region');
    const row = await ctx.db.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirstOrThrow();
    const reset = await admin.patch(`/api/users/${row.id}`, { password: 'Admin-picked-9' });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().pendingApproval).toBe(true);
    expect((await login(user.username, 'Admin-picked-9')).statusCode).toBe(401);
    expect((await user.get('/api/session')).statusCode).toBe(200); // their session goes on
    const [request] = await pendingOf(user.username);
    const refused = await city.post(`/api/user-approvals/${request.id}/decision`, { decision: 'refuse', note: '本人未申请' });
    expect(refused.json()).toEqual({ id: request.id, status: 'refused' });
    expect((await login(user.username, 'Admin-picked-9')).statusCode).toBe(401);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'user').where('entity_id', '=', String(row.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.approvalRequest', 'user.update', 'user.refuse']);
  });

  it('accounts that see numbers masked (领导小组, 机关干部) are made at once, as before', async () => {
    const res = await admin.post('/api/users', { username: 'lingdao_new', password: 'Long-enough-2', displayName: '新领导', orgCode: 'H', role: 'viewer' });
    expect(res.json().pendingApproval).toBe(false);
    expect((await login('lingdao_new', 'Long-enough-2')).statusCode).toBe(200);
  });
});
