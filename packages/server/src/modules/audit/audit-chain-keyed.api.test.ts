// Security issue point 5: one anonymous request with a lone surrogate once broke the chain for good
// (hashed as a JavaScript string, stored as U+FFFD); verify stopped at the first break, so later
// tampering was invisible; and the chain was unkeyed, so whoever could write the database could
// re-hash it. Now: text is made storable before hashing, verify reports every break, the chain is
// an HMAC with a key outside the database, and anchors kept outside catch a cut-off end.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { auditAnchor, verifyAuditChain } from './audit.repository.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
  const city = await ctx.userIn('H', 'city');
  for (let i = 0; i < 6; i++) await city.post('/api/households', makeHousehold({ regionCode: 'H02' }));
});
afterEach(() => ctx.close());

const rows = () => ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

/** What an attacker without the key can do: plain SHA-256 over the same fields. */
function plainHash(prev: string, r: { at: string; user_id: number | null; username: string | null; action: string; entity: string | null; entity_id: string | null; detail: string | null; ip: string | null }) {
  return createHash('sha256').update(JSON.stringify([prev, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.detail, r.ip])).digest('hex');
}

describe('the keyed audit chain', () => {
  it('a login with a lone surrogate or a NUL in the username leaves the chain whole', async () => {
    for (const username of ['\ud800', 'a\u0000b', '\udc00x'])
      expect((await ctx.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: 'whatever-123' } })).statusCode).toBe(401);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('an edited row re-hashed onwards without the key is caught', async () => {
    const all = await rows();
    const target = all[2];
    let prev = target.prev_hash;
    for (const r of all.slice(2)) {
      const forged = r.id === target.id ? { ...r, ip: '10.9.9.9' } : r;
      const hash = plainHash(prev, forged);
      await ctx.db.updateTable('audit_log').set({ ip: forged.ip, prev_hash: prev, hash }).where('id', '=', r.id).execute();
      prev = hash;
    }
    await ctx.db.updateTable('audit_head').set({ last_hash: prev }).where('id', '=', 1).execute();
    const check = await verifyAuditChain(ctx.db);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.brokenAt).toBe(Number(target.id));
  });

  it('reports every break, not only the first', async () => {
    const all = await rows();
    const [a, b] = [all[1], all[all.length - 2]];
    await ctx.db.updateTable('audit_log').set({ ip: '10.1.1.1' }).where('id', '=', a.id).execute();
    await ctx.db.updateTable('audit_log').set({ username: 'someone' }).where('id', '=', b.id).execute();
    const check = await verifyAuditChain(ctx.db);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.breakCount).toBe(2);
      expect(check.breaks.map((x) => x.id)).toEqual([Number(a.id), Number(b.id)]);
    }
  });

  it('moving the start of the keyed part is caught', async () => {
    await ctx.db.updateTable('audit_head').set({ keyed_from: 999_999 }).where('id', '=', 1).execute();
    expect((await verifyAuditChain(ctx.db)).ok).toBe(false);
  });

  it('rows cut off the end with the head moved back: caught by an anchor kept outside', async () => {
    const anchor = await auditAnchor(ctx.db);
    const all = await rows();
    const keep = all[all.length - 4];
    await ctx.db.deleteFrom('audit_log').where('id', '>', keep.id).execute();
    await ctx.db.updateTable('audit_head').set({ last_id: Number(keep.id), last_hash: keep.hash }).where('id', '=', 1).execute();
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true); // without an anchor nothing can tell
    const check = await verifyAuditChain(ctx.db, { anchors: [anchor] });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/anchor/);
  });
});
