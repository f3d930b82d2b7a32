// The attack suite's review race: twenty reviewers agreeing to one file at the same instant give one
// opinion, one status change, one audit row, and the chain still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { verifyAuditChain } from '../audit/audit.repository.js';

let ctx: TestContext;
let city: Client[];
beforeAll(async () => {
  ctx = await createTestContext();
  city = await Promise.all(Array.from({ length: 4 }, () => ctx.userIn('H', 'city')));
});
afterAll(() => ctx.close());

describe('parallel review', () => {
  it('twenty agrees at once: exactly one takes effect, the others are told it was done', async () => {
    const filer = await ctx.userIn('H05', 'region');
    const h = (await filer.post('/api/households', makeHousehold({ regionCode: 'H05' }))).json();
    expect((await filer.post(`/api/households/${h.id}/submit`, {})).statusCode).toBe(200);
    const county = await ctx.userIn('H05', 'region');
    expect((await county.post(`/api/households/${h.id}/review`, { level: 'unit', decision: 'agree', opinion: '属实' })).statusCode).toBe(200);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => city[i % city.length].post(`/api/households/${h.id}/review`, { level: 'city', decision: 'agree', opinion: '同意' })));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.every((c) => c === 200 || c === 409)).toBe(true);
    const opinions = await ctx.db.selectFrom('review_opinions').select('id').where('household_id', '=', h.id).where('level', '=', 'city').execute();
    expect(opinions).toHaveLength(1);
    const audits = await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'household.cityAgree').where('entity_id', '=', String(h.id)).execute();
    expect(audits).toHaveLength(1);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});
