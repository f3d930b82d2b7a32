// 保存期限: files that ended more than the retention years ago lose their personal data for good
// (and only those), counted first without --apply; the counts, the statistics and the audit chain
// stay whole; each erased file has its audit row; a second run finds nothing left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { tallyDifferences } from '../households/tally.repository.js';
import { assistanceTallyDifferences } from '../assistance/assistance-tally.repository.js';
import { verifyAuditChain } from '../audit/audit.repository.js';
import { applyRetention, retentionCutoff } from './retention.service.js';

let ctx: TestContext;
let city: Client;
const today = todayInChina();
const files: Record<'oldExit' | 'oldRemoval' | 'recentExit' | 'live', { id: number; idNumber: string; name: string }> = {} as never;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  const make = async (key: keyof typeof files, end: 'exit' | 'remove' | null, endedOn: string | null) => {
    const input = makeHousehold({ regionCode: 'H01' });
    const res = await city.post('/api/households', input);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    expect((await ctx.fileThrough(id, city)).statusCode).toBe(200);
    expect((await city.post(`/api/households/${id}/assistance`, { date: '2020-03-02', type: '走访', description: `入户走访${input.name}家，了解病情`, solvedProblem: true })).statusCode).toBe(201);
    if (end === 'exit') {
      // moved to 掇刀区 and back: the transfers' reasons are personal text too
      for (const to of ['H02', 'H01']) expect((await city.post(`/api/households/${id}/transfer`, { toRegionCode: to, reason: `${input.name}家随子女迁居` })).json().status).toBe('agreed');
      expect((await city.post(`/api/households/${id}/exit`, { reason: '子女就业，家庭脱困', date: '2020-06-01' })).statusCode).toBe(200);
      expect((await city.post(`/api/households/${id}/follow-ups`, { date: '2020-09-03', outcome: 'stable', note: `回访${input.name}家，收入稳定` })).statusCode).toBe(201);
    }
    if (end === 'remove') expect((await city.post(`/api/households/${id}/remove`, { reason: '收入已超过标准' })).statusCode).toBe(200);
    // the day it ended, as if years had passed (the step-day column the lifecycle wrote)
    if (endedOn) await ctx.db.updateTable('households').set({ ended_on: endedOn }).where('id', '=', id).execute();
    files[key] = { id, idNumber: input.idNumber, name: input.name };
  };
  await make('oldExit', 'exit', '2020-06-01');
  await make('oldRemoval', 'remove', addDays(retentionCutoff(5, today), -1));
  await make('recentExit', 'exit', addDays(retentionCutoff(5, today), 1));
  await make('live', null, null);
}, 60_000);
afterAll(() => ctx.close());

const row = (id: number) => ctx.db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const count = async (table: 'household_members' | 'household_versions', id: number) =>
  Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('household_id', '=', id).executeTakeFirstOrThrow()).n);

describe('保存期限', () => {
  it('counts the files past retention per region without touching them', async () => {
    const r = await applyRetention(ctx.db, { years: 5 });
    expect(r).toMatchObject({ applied: false, total: 2, byRegion: [{ regionCode: 'H01', removed: 1, exited: 1 }] });
    expect((await row(files.oldExit.id)).name).toBe(files.oldExit.name);
    await expect(applyRetention(ctx.db, { years: 0 })).rejects.toThrow('--years');
  });

  it('erases their personal data for good and nothing else, keeping the counts and the chain', async () => {
    const before = await ctx.db.selectFrom('household_facets').select((eb) => eb.fn.sum('n').as('n')).executeTakeFirstOrThrow();
    const r = await applyRetention(ctx.db, { years: 5, apply: true });
    expect(r).toMatchObject({ applied: true, total: 2 });
    for (const f of [files.oldExit, files.oldRemoval]) {
      const h = await row(f.id);
      expect(h).toMatchObject({ name: '（已删除）', id_number: '', phone: '', address: '', employer: '', health: '', cause_description: null });
      expect([h.region_code, h.fill_year, h.category]).toEqual([expect.any(String), expect.any(Number), expect.any(String)]);
      expect(await count('household_members', f.id)).toBe(0);
      expect(await count('household_versions', f.id)).toBe(0);
      const recs = await ctx.db.selectFrom('assistance_records').select(['description', 'date', 'solved_problem']).where('household_id', '=', f.id).execute();
      expect(recs).toEqual([{ description: '（已删除）', date: '2020-03-02', solved_problem: 1 }]);
      const followUps = await ctx.db.selectFrom('follow_ups').select(['note', 'date']).where('household_id', '=', f.id).execute();
      expect(followUps).toEqual(f === files.oldExit ? [{ note: '（已删除）', date: '2020-09-03' }] : []);
      const transfers = await ctx.db.selectFrom('transfers').select(['reason', 'to_region_code']).where('household_id', '=', f.id).orderBy('id').execute();
      expect(transfers).toEqual(f === files.oldExit ? [{ reason: '（已删除）', to_region_code: 'H02' }, { reason: '（已删除）', to_region_code: 'H01' }] : []);
      expect(new Set((await ctx.db.selectFrom('review_opinions').select('opinion').where('household_id', '=', f.id).execute()).map((o) => o.opinion))).toEqual(new Set(['（已删除）']));
      // nowhere to be found by the old identity number or name, and the file itself still opens
      expect((await city.get(`/api/households?q=${f.idNumber}`)).json().total).toBe(0);
      expect((await city.get(`/api/households/${f.id}`)).json()).toMatchObject({ name: '（已删除）', members: [] });
    }
    for (const f of [files.recentExit, files.live]) {
      expect((await row(f.id)).name).toBe(f.name);
      expect(await count('household_members', f.id)).toBeGreaterThan(0);
    }
    expect(await tallyDifferences(ctx.db)).toEqual([]);
    expect(await assistanceTallyDifferences(ctx.db)).toEqual([]);
    expect(await ctx.db.selectFrom('household_facets').select((eb) => eb.fn.sum('n').as('n')).executeTakeFirstOrThrow()).toEqual(before);
    const audit = await ctx.db.selectFrom('audit_log').select(['entity_id', 'username']).where('action', '=', 'household.erase').orderBy('entity_id').execute();
    expect(audit).toEqual([files.oldExit.id, files.oldRemoval.id].sort((a, b) => a - b).map((id) => ({ entity_id: String(id), username: 'system' })));
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    expect((await applyRetention(ctx.db, { years: 5, apply: true })).total).toBe(0);
  });

  it('counts a year back from a leap day to the first of March', () => {
    expect(retentionCutoff(5, '2028-02-29')).toBe('2023-03-01');
    expect(retentionCutoff(5, '2026-12-07')).toBe('2021-12-07');
  });
});
