// 个人信息副本: the union that works a file gives the worker everything held about the household,
// with who processed it; masked roles are refused, other scopes do not learn the file exists, and
// the copy itself is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

let ctx: TestContext;
let city: Client;
let h01: Client;
let id: number;
const input = makeHousehold({ regionCode: 'H01' });

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  h01 = await ctx.userIn('H01', 'region');
  const res = await h01.post('/api/households', input);
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
  await h01.put(`/api/households/${id}`, { ...input, phone: '13800000009', version: res.json().version });
  expect((await ctx.fileThrough(id, h01)).statusCode).toBe(200);
  const rec = await h01.post(`/api/households/${id}/assistance`, { date: '2026-03-02', type: '走访', description: '入户走访，了解医疗费用情况', solvedProblem: true });
  expect(rec.statusCode, rec.body).toBe(201);
  await city.get(`/api/households/${id}`);
});
afterAll(() => ctx.close());

describe('个人信息副本', () => {
  it('holds the whole file unmasked, its history, records and who processed it, as a JSON download', async () => {
    const res = await h01.get(`/api/households/${id}/personal-data.json`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const copy = res.json();
    expect(copy.file).toMatchObject({ id, name: input.name, idNumber: input.idNumber, phone: '13800000009', status: 'filed' });
    expect(copy.file.members.map((m: { idNumber: string }) => m.idNumber)).toEqual(input.members!.map((m) => m.idNumber));
    expect(copy.file.opinions.length).toBe(2);
    expect(copy.history.some((v: { changes: { path: string; new: unknown }[] }) => v.changes.some((c) => c.path === 'phone' && c.new === '13800000009'))).toBe(true);
    expect(copy.assistanceRecords).toMatchObject([{ type: '走访', solvedProblem: true }]);
    const actions = copy.processing.items.map((p: { action: string; by: string }) => `${p.action} ${p.by}`);
    expect(actions).toContain(`查看档案 ${city.username}`);
    expect(actions).toContain(`修改档案 ${h01.username}`);
    expect(copy.followUps).toEqual([]);
    const audit = await ctx.db.selectFrom('audit_log').select(['username', 'entity_id']).where('action', '=', 'household.personalData').execute();
    expect(audit).toEqual([{ username: h01.username, entity_id: String(id) }]);
  });

  it('is refused to the roles that see the file masked, and to another region as if the file did not exist', async () => {
    for (const role of ['leader', 'viewer'] as const) expect((await (await ctx.userIn('H', role)).get(`/api/households/${id}/personal-data.json`)).statusCode).toBe(403);
    expect((await (await ctx.admin()).get(`/api/households/${id}/personal-data.json`)).statusCode).toBe(403);
    expect((await (await ctx.userIn('H02', 'region')).get(`/api/households/${id}/personal-data.json`)).json().code).toBe('NOT_FOUND');
    expect((await city.get('/api/households/99999999/personal-data.json')).statusCode).toBe(404);
    expect(await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'household.personalData').execute()).toHaveLength(1);
  });

  it('holds the follow-ups after an exit too', async () => {
    expect((await h01.post(`/api/households/${id}/exit`, { reason: '再就业', date: '2026-03-10' })).statusCode).toBe(200);
    expect((await h01.post(`/api/households/${id}/follow-ups`, { date: '2026-06-11', outcome: 'stable', note: '回访：已在超市上班' })).statusCode).toBe(201);
    const copy = (await h01.get(`/api/households/${id}/personal-data.json`)).json();
    expect(copy.followUps).toMatchObject([{ date: '2026-06-11', outcome: 'stable', note: '回访：已在超市上班', exitDate: '2026-03-10' }]);
  });

  it('holds the transfers and the numbers the file had', async () => {
    const before = (await h01.get(`/api/households/${id}`)).json().workerNo;
    const moved = await city.post(`/api/households/${id}/transfer`, { toRegionCode: 'H02', reason: '随子女迁居掇刀区' });
    expect(moved.json().status).toBe('agreed');
    const copy = (await city.get(`/api/households/${id}/personal-data.json`)).json();
    expect(copy.transfers.formerWorkerNos.map((f: { workerNo: string }) => f.workerNo)).toEqual([before]);
    expect(copy.transfers.items).toMatchObject([{ reason: '随子女迁居掇刀区', oldWorkerNo: before, newWorkerNo: moved.json().workerNo, status: 'agreed' }]);
    expect(copy.transfers.items[0].canDecide).toBeUndefined();
    expect(copy.history[0]).toMatchObject({ action: 'transfer' });
  });
});
