// Security issue points 4 and 9: the login lock holds under parallel attempts (each attempt is
// counted before its password is checked), a client address is rate limited, and an absolute-form
// request target does not slip past the session check.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { MAX_FAILED_LOGINS } from './auth.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const attempt = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

async function userWithPassword(): Promise<{ username: string; password: string }> {
  const c = await ctx.userIn('H03', 'region');
  // userIn's password is not returned: give the account a known one
  const password = 'Right-password-42';
  const { hashPassword } = await import('../../lib/password.js');
  await ctx.db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('username', '=', c.username).execute();
  return { username: c.username, password };
}

const failedAudits = async (username: string) =>
  Number((await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'session.login_failed').where('username', '=', username).executeTakeFirstOrThrow()).n);

describe('login lock under parallel attempts', () => {
  it('evaluates at most the allowed number of wrong passwords of a burst, then locks', async () => {
    const { username } = await userWithPassword();
    const answers = await Promise.all(Array.from({ length: 60 }, () => attempt(username, 'wrong-password-1')));
    expect(await failedAudits(username)).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 423)).toBe(true);
    expect((await attempt(username, 'wrong-password-1')).statusCode).toBe(423);
  });

  it('a right password inside a burst of wrong ones leaves the account locked', async () => {
    const { username, password } = await userWithPassword();
    const burst = Array.from({ length: 30 }, (_, i) => attempt(username, i === 3 ? password : 'wrong-password-2'));
    await Promise.all(burst);
    const after = await attempt(username, password);
    expect(after.statusCode).toBe(423);
    expect(after.json().code).toBe('ACCOUNT_LOCKED');
  });
});

describe('what a lock tells', () => {
  it('an unknown username answers exactly like a real one: five 401s, then 423', async () => {
    const { username } = await userWithPassword();
    const real: number[] = [];
    const ghost: number[] = [];
    for (let i = 0; i < 7; i++) {
      real.push((await attempt(username, 'wrong-password-3')).statusCode);
      ghost.push((await attempt(`${username}_nobody`, 'wrong-password-3')).statusCode);
    }
    expect(real).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(ghost).toEqual(real);
  });
});

describe('per-address rate limit', () => {
  it('answers 429 in the error shape, in Chinese, past the allowed logins a minute', async () => {
    const limited = await createTestContext({ loginRatePerMinute: 5 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await limited.app.inject({ method: 'POST', url: '/api/session', payload: { username: `nobody${i}`, password: 'whatever-123' } })).statusCode);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      const refused = await limited.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'whatever-123' } });
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', errors: [{ path: 'username' }] });
      expect(refused.json().message).toMatch(/登录尝试过于频繁/);
    } finally {
      await limited.close();
    }
  });
});

describe('request targets', () => {
  it('refuses an absolute-form target instead of serving it without a session', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as net.AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => s.write('GET http://x/api/policy/history HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let text = '';
      s.on('data', (d) => (text += d.toString()));
      s.on('end', () => resolve(text));
      s.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toContain('400');
    expect(raw).not.toContain('"items"');
    expect(raw).toContain('BAD_REQUEST');
  });
});
