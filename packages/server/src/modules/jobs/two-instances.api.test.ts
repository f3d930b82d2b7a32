// Two server instances on one database (PostgreSQL: as two machines behind a load balancer; SQLite:
// as two processes of WEB_CONCURRENCY on one file) behave as one: a session made on one is valid on
// the other, the login lock counts attempts made on both, each background job runs exactly once, a
// job of an instance that died is taken over from its cursor, the audit chain stays one valid
// chain, and an upload checked on one is committed from the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import os from 'node:os';
import path from 'node:path';
import { createTestContext, type Client, type Instance, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';
import { verifyAuditChain } from '../audit/audit.repository.js';
import { MAX_FAILED_LOGINS } from '../auth/auth.service.js';
import { hashPassword } from '../../lib/password.js';

let ctx: TestContext;
let b: Instance;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext({}, { shared: true });
  // B keeps its uploads elsewhere: committing A's upload must need nothing from A's disk
  b = await ctx.secondInstance({ uploadDir: path.join(os.tmpdir(), `bangfu-second-${process.pid}`) });
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

/** A login on one instance: the session's cookies, to be sent to either. */
async function sessionOn(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  return { status: res.statusCode, cookies: Object.fromEntries(res.cookies.map((c) => [c.name, c.value])) };
}

async function userWithPassword() {
  const c = await ctx.userIn('H01', 'region');
  const password = 'Right-password-42';
  await ctx.db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('username', '=', c.username).execute();
  return { username: c.username, password };
}

const jobRow = (id: number) => ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('two instances, one database', () => {
  it('a session made on one instance is valid on the other, and a logout on either ends it on both', async () => {
    const { username, password } = await userWithPassword();
    const s = await sessionOn(ctx.app, username, password);
    expect(s.status).toBe(200);
    const onB = await b.app.inject({ method: 'GET', url: '/api/session', cookies: s.cookies });
    expect(onB.statusCode).toBe(200);
    expect(onB.json().user.username).toBe(username);
    const out = await b.app.inject({ method: 'DELETE', url: '/api/session', cookies: s.cookies, headers: { 'x-csrf-token': s.cookies.bangfu_csrf } });
    expect(out.statusCode).toBeLessThan(300);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/session', cookies: s.cookies })).statusCode).toBe(401);
  });

  it('the login lock counts wrong passwords given to either instance', async () => {
    const { username, password } = await userWithPassword();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const app = i % 2 ? b.app : ctx.app;
      expect((await sessionOn(app, username, 'wrong-password-9')).status).toBe(401);
    }
    // the limit was reached across both: the right password is refused on each
    expect((await sessionOn(b.app, username, password)).status).toBe(423);
    expect((await sessionOn(ctx.app, username, password)).status).toBe(423);
  });

  it('a re-evaluation both instances are told about runs exactly once', async () => {
    const clerk = await ctx.userIn('H03', 'region');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await clerk.post('/api/households', makeHousehold({ regionCode: 'H03', name: `两实例${i}`, members: [], householdSize: 1, householdAnnualIncome: 5000 + i * 400 }))).json().id);
    const saved = await city.put('/api/policy', { lines: [{ regionCode: 'H03', year: 2016, monthlyLine: 480 }], reason: '两实例测试' });
    expect(saved.statusCode).toBe(200);
    const { jobId } = saved.json();
    ctx.app.jobs.kick();
    b.app.jobs.kick();
    await Promise.all([ctx.app.jobs.idle(), b.app.jobs.idle()]);
    const job = await jobRow(jobId);
    expect(job.status).toBe('done');
    expect(job.done).toBe(ids.length);
    const changes = await ctx.db.selectFrom('identification_changes').select('household_id').where('job_id', '=', jobId).execute();
    expect(changes.length).toBe(job.changed);
    expect(new Set(changes.map((c) => c.household_id)).size).toBe(changes.length); // no file twice
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('a job whose instance died is taken over when its lease runs out, from its cursor', async () => {
    await ctx.app.jobs.stop(); // A is gone: it will not run anything any more
    const saved = await city.put('/api/policy', { lines: [{ regionCode: 'H03', year: 2016, monthlyLine: 530 }], reason: '接管测试' });
    const { jobId } = saved.json();
    // A had leased the job on another machine and then died, its lease still running
    const future = new Date(Date.now() + 60_000).toISOString();
    await ctx.db.updateTable('jobs').set({ lease_owner: 'other-machine:4242:dead', lease_until: future }).where('id', '=', jobId).execute();
    b.app.jobs.kick();
    await b.app.jobs.idle();
    expect((await jobRow(jobId)).status).toBe('queued'); // a live lease is respected
    await ctx.db.updateTable('jobs').set({ lease_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', jobId).execute();
    b.app.jobs.kick();
    await b.app.jobs.idle();
    const job = await jobRow(jobId);
    expect(job.status).toBe('done');
    expect(job.lease_owner).toBeNull();
    expect(job.done).toBeGreaterThan(0);
  });

  it('writes made through both at once keep one valid audit chain', async () => {
    const clerkA = await ctx.userIn('H05', 'region');
    const onB = await b.login(clerkA.username, await resetPassword(clerkA.username));
    const creates = Array.from({ length: 16 }, (_, i) => (i % 2 ? onB : clerkA).post('/api/households', makeHousehold({ regionCode: 'H05', name: `并发${i}`, members: [], householdSize: 1 })));
    const codes = (await Promise.all(creates)).map((r) => r.statusCode);
    expect(codes).toEqual(Array(16).fill(201));
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('an upload checked on one instance is committed from the other', async () => {
    const rows = [0, 1, 2].map((i) => rowsOf(makeHousehold({ regionCode: 'H02', name: `跨实例${i}`, members: [], householdSize: 1 })));
    const upload = await city.upload('/api/imports', [{ name: '跨实例.xlsx', content: await workbookOf(rows.map((r) => r.worker), []) }]);
    expect(upload.statusCode, upload.body).toBe(202);
    const importId = upload.json().id;
    b.app.jobs.kick(); // A's runner is stopped: B checks it
    await b.app.jobs.idle();
    expect((await city.get(`/api/imports/${importId}`)).json().status).toBe('analyzed');
    const cityOnB = await b.login(city.username, await resetPassword(city.username));
    const commit = await cityOnB.post(`/api/imports/${importId}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(202);
    await b.app.jobs.idle();
    expect((await cityOnB.get(`/api/imports/${importId}`)).json().status).toBe('committed');
    const filed = await ctx.db.selectFrom('households').select('name').where('name', 'like', '跨实例%').execute();
    expect(filed.map((f) => f.name).sort()).toEqual(['跨实例0', '跨实例1', '跨实例2']);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});

/** A known password for a test user, to log in on the second instance. */
async function resetPassword(username: string) {
  const password = 'Second-instance-42';
  await ctx.db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('username', '=', username).execute();
  return password;
}
