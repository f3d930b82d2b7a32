// Security issue point 11: users change their own password; "aaaaaaaaaa" is not a password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { sessionUserIn } from '../../../test/session-client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

describe('PUT /api/session/password', () => {
  it('needs the current password, refuses a weak new one, and ends the other sessions', async () => {
    const me = await sessionUserIn(ctx, 'H02', 'region');
    const other = await me.relogin();
    const wrong = await me.put('/api/session/password', { currentPassword: 'not-it-at-all', newPassword: 'New-pass-2027' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
    const weak = await me.put('/api/session/password', { currentPassword: me.password, newPassword: 'aaaaaaaaaa' });
    expect(weak.json().errors[0]).toMatchObject({ path: 'newPassword', message: expect.stringContaining('过于简单') });
    const ok = await me.put('/api/session/password', { currentPassword: me.password, newPassword: 'New-pass-2027' });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me.get('/api/session')).statusCode).toBe(200); // this session goes on
    expect((await other.get('/api/session')).statusCode).toBe(401); // the other one ends
    expect((await login(me.username, me.password)).statusCode).toBe(401);
    expect((await login(me.username, 'New-pass-2027')).statusCode).toBe(200);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'user').where('entity_id', '=', String(me.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.passwordChangeFailed', 'user.passwordChange']));
  });

  it('the admin cannot give an account "aaaaaaaaaa"', async () => {
    const admin = await ctx.admin();
    const res = await admin.post('/api/users', { username: 'weakling', password: 'aaaaaaaaaa', displayName: '弱', orgCode: 'H', role: 'viewer' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('password');
  });
});
