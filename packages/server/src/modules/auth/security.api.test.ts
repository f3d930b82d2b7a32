// Sessions that idle out, and identity and phone numbers shown to each role as its rules say:
// in full to the cadres who work with the files, masked to everyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';
import { linkHousehold, sessionAdmin, sessionUserIn, type SessionClient } from '../../../test/session-client.js';
import type { Role } from '../access/actor.js';

let ctx: TestContext;
let admin: SessionClient;
const clients = {} as Record<Role, SessionClient>;
let UNIT: string;

const HOUR = 3600_000;
const agoIso = (ms: number) => new Date(Date.now() - ms).toISOString();
const sessionRow = (c: SessionClient) => ctx.db.selectFrom('sessions').selectAll().where('token_hash', '=', c.tokenHash).executeTakeFirst();

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await sessionAdmin(ctx);
  const unit = await admin.post('/api/orgs', { name: '京山县水泥厂工会', parentCode: 'H01' });
  expect(unit.statusCode).toBe(201);
  UNIT = unit.json().code;
  clients.admin = admin;
  clients.city = await sessionUserIn(ctx, 'H', 'city');
  clients.leader = await sessionUserIn(ctx, 'H', 'leader');
  clients.staff = await sessionUserIn(ctx, 'H', 'staff');
  clients.region = await sessionUserIn(ctx, 'H01', 'region');
  clients.unit = await sessionUserIn(ctx, UNIT, 'unit');
  clients.viewer = await sessionUserIn(ctx, 'H', 'viewer');
}, 60_000);
afterAll(() => ctx?.close());

describe('session expiry', () => {
  it('a session idle for more than 2 hours is refused and deleted', async () => {
    const u = await sessionUserIn(ctx, 'H02', 'region');
    expect((await u.get('/api/session')).statusCode).toBe(200);
    await ctx.db.updateTable('sessions').set({ last_seen_at: agoIso(2 * HOUR + 60_000) }).where('token_hash', '=', u.tokenHash).execute();
    const res = await u.get('/api/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    expect(await sessionRow(u)).toBeUndefined();
    // and stays refused, for reads and for writes alike
    expect((await u.get('/api/households')).statusCode).toBe(401);
    expect((await u.post('/api/households', makeHousehold({ regionCode: 'H02' }))).statusCode).toBe(401);
  });

  it('a session idle for just under 2 hours still works, and the request renews it', async () => {
    const u = await sessionUserIn(ctx, 'H02', 'region');
    const idle = agoIso(2 * HOUR - 5 * 60_000);
    await ctx.db.updateTable('sessions').set({ last_seen_at: idle }).where('token_hash', '=', u.tokenHash).execute();
    expect((await u.get('/api/session')).statusCode).toBe(200);
    const row = await sessionRow(u);
    expect(row).toBeDefined();
    expect(Date.now() - Date.parse(row!.last_seen_at)).toBeLessThan(60_000);
  });

  it('expiry of one session leaves the user\'s other sessions alone', async () => {
    const first = await sessionUserIn(ctx, 'H02', 'region');
    const second = await first.relogin();
    await ctx.db.updateTable('sessions').set({ last_seen_at: agoIso(3 * HOUR) }).where('token_hash', '=', first.tokenHash).execute();
    expect((await first.get('/api/session')).statusCode).toBe(401);
    expect((await second.get('/api/session')).statusCode).toBe(200);
  });

  it('a session past its absolute lifetime is refused and deleted even when active', async () => {
    const u = await sessionUserIn(ctx, 'H02', 'region');
    await ctx.db.updateTable('sessions').set({ expires_at: agoIso(1000) }).where('token_hash', '=', u.tokenHash).execute();
    expect((await u.get('/api/session')).statusCode).toBe(401);
    expect(await sessionRow(u)).toBeUndefined();
  });

  it('the database keeps only a hash of the session token', async () => {
    const u = await sessionUserIn(ctx, 'H02', 'region');
    const rows = await ctx.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(u.cookies.bangfu_session);
    expect(await sessionRow(u)).toBeDefined();
  });
});

describe('identity and phone numbers by role', () => {
  const ID = makeIdNumber('19680312', '男');
  const SPOUSE = makeIdNumber('19700705', '女');
  const CHILD = makeIdNumber('20020918', '男');
  const PHONE = '13900000001';
  const maskId = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
  let id: number;

  beforeAll(async () => {
    const base = makeHousehold({ regionCode: 'H01', unitId: UNIT, idNumber: ID, phone: PHONE });
    const members = base.members!.map((m, i) => ({ ...m, idNumber: i === 0 ? SPOUSE : CHILD }));
    const res = await clients.city.post('/api/households', { ...base, members });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    await linkHousehold(ctx.db, id, clients.leader.id);
    await linkHousehold(ctx.db, id, clients.staff.id);
  });

  // full: as stored; masked: 420802********0519, 139****0001
  const TABLE = `
| role   | idNumber | phone  | members' idNumber |
| admin  | masked   | masked | masked            |
| city   | full     | full   | full              |
| leader | masked   | full   | masked            |
| staff  | masked   | full   | masked            |
| region | full     | full   | full              |
| unit   | full     | full   | full              |
| viewer | masked   | masked | masked            |
`;
  const rows = TABLE.trim().split('\n').slice(1).map((l) => {
    const [role, idNumber, phone, members] = l.split('|').slice(1, -1).map((c) => c.trim());
    return { role: role as Role, idNumber, phone, members };
  });

  it.each(rows)('GET /api/households/:id as $role: identity $idNumber, phone $phone, members $members', async ({ role, idNumber, phone, members }) => {
    const res = await clients[role].get(`/api/households/${id}`);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.idNumber).toBe(idNumber === 'full' ? ID : maskId(ID));
    expect(f.phone).toBe(phone === 'full' ? PHONE : '139****0001');
    expect(f.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(members === 'full' ? [SPOUSE, CHILD] : [maskId(SPOUSE), maskId(CHILD)]);
    // what is masked appears nowhere in the answer
    if (idNumber === 'masked') expect(res.body).not.toContain(ID);
    if (members === 'masked') for (const m of [SPOUSE, CHILD]) expect(res.body).not.toContain(m);
    if (phone === 'masked') expect(res.body).not.toContain(PHONE);
    // the view is audited with what it showed
    const row = await ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'household.view').where('username', '=', clients[role].username)
      .where('entity_id', '=', String(id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(row.detail!)).toEqual({ fullIdentity: idNumber === 'full' });
  });

  it.each(rows.map((r) => r.role))('the list masks identity numbers for %s too', async (role) => {
    const res = await clients[role].get('/api/households?pageSize=100');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { id: number }) => i.id === id);
    expect(item).toBeDefined();
    expect(item.idNumber).toBe(maskId(ID));
    expect(res.body).not.toContain(ID);
  });

  it('searching by a full identity number finds the file but answers it masked', async () => {
    const res = await clients.viewer.get(`/api/households?q=${ID}`);
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect(res.body).not.toContain(ID);
  });

  it('the answer to a create is masked like a view, and the admin (who sees masked numbers) cannot update', async () => {
    const other = makeIdNumber('19720101', '女');
    const input = makeHousehold({ regionCode: 'H03', gender: '女', idNumber: other, phone: '13911112222', members: [] , householdSize: 1 });
    const created = await admin.post('/api/households', input);
    expect(created.statusCode).toBe(201);
    expect(created.json().idNumber).toBe(maskId(other));
    expect(created.body).not.toContain(other);
    expect(created.json().phone).toBe('139****2222');
    const updated = await admin.put(`/api/households/${created.json().id}`, { ...input, address: '荆门市钟祥市郢中街道1号', version: 1 });
    expect(updated.statusCode).toBe(403);
    expect(updated.json().message).toMatch(/脱敏/);
    expect(updated.body).not.toContain(other);
  });

  it('the history does not reveal to masked roles the numbers that changed', async () => {
    // a draft in which the city clerk corrects the phone and the spouse's identity number
    const worker = makeIdNumber('19650505', '男');
    const oldSpouse = makeIdNumber('19660606', '女');
    const newSpouse = makeIdNumber('19660607', '女');
    const base = makeHousehold({ regionCode: 'H01', unitId: UNIT, idNumber: worker, phone: '13922223333' });
    const members = [{ ...base.members![0], idNumber: oldSpouse }, base.members![1]];
    const created = (await clients.city.post('/api/households', { ...base, members })).json();
    await linkHousehold(ctx.db, created.id, clients.leader.id);
    const edit = await clients.city.put(`/api/households/${created.id}`, {
      ...base, phone: '13944445555', members: [{ ...members[0], idNumber: newSpouse }, members[1]], version: created.version,
    });
    expect(edit.statusCode).toBe(200);
    // the cadres see the change in full
    const full = (await clients.city.get(`/api/households/${created.id}/history`)).json().items[0].changes;
    expect(full).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'members[0].idNumber', old: oldSpouse, new: newSpouse })]));
    for (const role of ['admin', 'viewer', 'leader'] as const) {
      const res = await clients[role].get(`/api/households/${created.id}/history`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0].changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['phone', 'members[0].idNumber']));
      expect.soft(res.body, `${role}: spouse's old identity number`).not.toContain(oldSpouse);
      expect.soft(res.body, `${role}: spouse's new identity number`).not.toContain(newSpouse);
      if (role !== 'leader') expect.soft(res.body, `${role}: phone`).not.toContain('13944445555');
    }
  });

  it('removal proposals list identity numbers masked', async () => {
    await clients.city.put('/api/policy', { lines: [{ regionCode: 'H04', year: 2016, monthlyLine: 500 }] });
    await ctx.app.jobs.idle();
    const idn = makeIdNumber('19600101', '男');
    const h = (await clients.city.post('/api/households', makeHousehold({
      regionCode: 'H04', idNumber: idn, householdAnnualIncome: 9000, ownAnnualIncome: 9000, householdSize: 1, members: [], receivesDibao: false, category: '低保户',
    }))).json();
    await ctx.fileThrough(h.id);
    const res = await clients.city.get('/api/removal-proposals?regionCode=H04');
    expect(res.json().items.map((p: { householdId: number }) => p.householdId)).toContain(h.id);
    expect(res.body).not.toContain(idn);
    expect(res.json().items.find((p: { householdId: number }) => p.householdId === h.id).idNumber).toBe(maskId(idn));
  });
});
