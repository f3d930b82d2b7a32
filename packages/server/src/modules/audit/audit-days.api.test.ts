// The audit page's days are China's (UTC+8): a record made at 23:59 and one at 00:01 Beijing time
// fall on two days, although both are the same day in UTC.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { sessionAdmin, type SessionClient } from '../../../test/session-client.js';

let ctx: TestContext;
let admin: SessionClient;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await sessionAdmin(ctx);
});
afterAll(() => {
  vi.useRealTimers();
  return ctx?.close();
});

const failedLogin = () => ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody-here', password: 'wrong-password' } });

describe('the audit page\'s days', () => {
  it('are days in China: 15:59 and 16:01 UTC fall on two days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T15:59:00.000Z')); // 23:59 on 1 March in Beijing
    expect((await failedLogin()).statusCode).toBe(401);
    vi.setSystemTime(new Date('2026-03-01T16:01:00.000Z')); // 00:01 on 2 March in Beijing
    expect((await failedLogin()).statusCode).toBe(401);
    vi.useRealTimers();
    const failed = async (query: string) => {
      const res = await admin.get(`/api/audit?action=session.login_failed&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { at: string }[] }).items.map((i) => i.at).sort();
    };
    expect(await failed('from=2026-03-01&to=2026-03-01')).toEqual(['2026-03-01T15:59:00.000Z']);
    expect(await failed('from=2026-03-02&to=2026-03-02')).toEqual(['2026-03-01T16:01:00.000Z']);
    expect(await failed('from=2026-03-01&to=2026-03-02')).toEqual(['2026-03-01T15:59:00.000Z', '2026-03-01T16:01:00.000Z']);
  });
});
