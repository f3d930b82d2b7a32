import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';

let ctx: TestContext;
let clerk: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  // a city-union clerk: the role that sees identity numbers in full (the system admin does not)
  clerk = await ctx.userIn('H', 'city');
});
afterAll(() => ctx?.close());

describe('POST /api/households', () => {
  it('files a household: assigns the worker number, derives per-capita income, starts at version 1', async () => {
    const res = await clerk.post('/api/households', makeHousehold({ regionCode: 'H02', householdAnnualIncome: 20000 }));
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file.workerNo).toMatch(/^H02\d{5}$/);
    expect(file.version).toBe(1);
    expect(file.status).toBe('draft');
    expect(file.statusLabel).toBe('草稿');
    expect(file.perCapitaIncome).toBe(6666.67);
    expect(file.householdAnnualIncome).toBe(20000);
    expect(file.members).toHaveLength(2);
    expect(file.members[1].unitOrSchool).toBe('荆门市第一中学');
    expect(file.members[0].unitOrSchool).toBeNull();
    expect(file.id).toBeGreaterThan(0);
  });

  it('reports an invalid identity number, a wrong enumerated value and a missing field in one response', async () => {
    const body = makeHousehold({ idNumber: '420802196803120510', category: '困难户' as never }) as Record<string, unknown>;
    delete body.address;
    (body.members as Record<string, unknown>[])[1].idNumber = '11020519491231002X';
    const res = await clerk.post('/api/households', body);
    expect(res.statusCode).toBe(400);
    const err = res.json();
    expect(err.code).toBe('VALIDATION_FAILED');
    const byPath = Object.fromEntries(err.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath.idNumber).toMatch(/校验位/);
    expect(byPath.category).toMatch(/困难类别/);
    expect(byPath.address).toBe('请填写家庭住址');
    expect(byPath['members[1].idNumber']).toMatch(/校验位/);
    expect(err.message).toMatch(/4 处错误/);
  });

  it('refuses a worker number sent by the client and a perCapitaIncome is ignored', async () => {
    const res = await clerk.post('/api/households', { ...makeHousehold(), workerNo: 'H0400001' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('workerNo');
    const ok = await clerk.post('/api/households', { ...makeHousehold({ householdAnnualIncome: 9000 }), perCapitaIncome: 1 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().perCapitaIncome).toBe(3000);
  });

  it('refuses an unknown region and a second live file for the same worker', async () => {
    const unknown = await clerk.post('/api/households', makeHousehold({ regionCode: 'H09' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('regionCode');
    const h = makeHousehold();
    expect((await clerk.post('/api/households', h)).statusCode).toBe(201);
    const dup = await clerk.post('/api/households', h);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE_ID_NUMBER');
    expect(dup.json().errors[0].path).toBe('idNumber');
  });

  it('keeps data-quality warnings with the file without blocking it', async () => {
    const res = await clerk.post('/api/households', makeHousehold({ householdSize: 4, skillLevel: '焊工' }));
    expect(res.statusCode).toBe(201);
    const codes = res.json().warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('sizeMismatch');
    expect(codes).toContain('skillLevelForm');
  });

  it('answers invalid JSON with a clear 400, not a crash', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/households', payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect([400, 401]).toContain(res.statusCode);
    expect(res.json().message).toBeTruthy();
  });
});

describe('worker numbers', () => {
  it('are unique under parallel creation and consecutive per region', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => clerk.post('/api/households', makeHousehold({ regionCode: 'H07' }))));
    for (const r of results) expect(r.statusCode).toBe(201);
    const numbers = results.map((r) => r.json().workerNo as string).sort();
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[0]).toBe('H0700001');
    expect(numbers[11]).toBe('H0700012');
  });

  it('fails clearly when a region has used all 99,999', async () => {
    await ctx.db.updateTable('worker_no_counters').set({ last_serial: 99_999 }).where('region_code', '=', 'H06').execute();
    const res = await clerk.post('/api/households', makeHousehold({ regionCode: 'H06' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('WORKER_NO_EXHAUSTED');
    expect(res.json().message).toMatch(/已全部用完/);
    const n = await ctx.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('region_code', '=', 'H06').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});

describe('GET /api/households', () => {
  it('lists with filters, masked identity numbers, paging and sorting', async () => {
    const idNumber = makeIdNumber('19750615', '男', '420882');
    await clerk.post('/api/households', makeHousehold({ regionCode: 'H01', name: '赵大勇', idNumber, category: '低保边缘户', householdAnnualIncome: 30000 }));
    await clerk.post('/api/households', makeHousehold({ regionCode: 'H01', name: '赵小红', gender: '女', idNumber: makeIdNumber('19800101', '女'), householdAnnualIncome: 12000 }));
    const res = await clerk.get('/api/households?regionCode=H01&sort=perCapitaIncome:asc&pageSize=1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    expect(body.items[0].name).toBe('赵小红');
    expect(body.items[0].regionName).toBe('京山');
    const page2 = (await clerk.get('/api/households?regionCode=H01&sort=perCapitaIncome:asc&pageSize=1&page=2')).json();
    expect(page2.items[0].name).toBe('赵大勇');
    expect(page2.items[0].idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    const byCategory = (await clerk.get('/api/households?regionCode=H01&category=低保边缘户')).json();
    expect(byCategory.items.map((i: { name: string }) => i.name)).toEqual(['赵大勇']);
  });

  it('searches by name, worker number and identity number', async () => {
    const idNumber = makeIdNumber('19690909', '男');
    const created = (await clerk.post('/api/households', makeHousehold({ regionCode: 'H03', name: '欧阳修远', idNumber }))).json();
    for (const q of ['欧阳', created.workerNo, idNumber.slice(0, 12)]) {
      const r = (await clerk.get(`/api/households?q=${encodeURIComponent(q)}`)).json();
      expect(r.items.map((i: { id: number }) => i.id), q).toContain(created.id);
    }
    const none = (await clerk.get(`/api/households?q=${encodeURIComponent('%')}`)).json();
    expect(none.total).toBe(0);
  });

  it('rejects bad query parameters with field errors', async () => {
    const res = await clerk.get('/api/households?pageSize=1000&sort=bogus:up&category=x');
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['category', 'pageSize', 'sort']);
  });
});

describe('updates and history', () => {
  it('updates with the version read, keeps every version and the field changes', async () => {
    const created = (await clerk.post('/api/households', makeHousehold({ regionCode: 'H05' }))).json();
    const { id, version } = created;
    const input = { ...makeHousehold(), idNumber: created.idNumber, regionCode: 'H05', members: created.members };
    const upd = await clerk.put(`/api/households/${id}`, { ...input, phone: '0724-2360130', householdAnnualIncome: 15000, version });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().version).toBe(2);
    expect(upd.json().phone).toBe('0724-2360130');
    expect(upd.json().perCapitaIncome).toBe(5000);

    const stale = await clerk.put(`/api/households/${id}`, { ...input, phone: '13900000000', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(stale.json().current.version).toBe(2);
    expect(stale.json().current.phone).toBe('0724-2360130');

    const hist = (await clerk.get(`/api/households/${id}/history`)).json().items;
    expect(hist.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(hist[0].action).toBe('update');
    expect(hist[0].changedBy.username).toBe(clerk.username);
    const phone = hist[0].changes.find((c: { path: string }) => c.path === 'phone');
    expect(phone).toEqual({ path: 'phone', label: '联系电话', old: '13907240001', new: '0724-2360130' });
    const income = hist[0].changes.find((c: { path: string }) => c.path === 'householdAnnualIncome');
    expect(income).toMatchObject({ old: 18000, new: 15000 });
  });

  it('records member changes by member and field', async () => {
    const created = (await clerk.post('/api/households', makeHousehold({ regionCode: 'H05' }))).json();
    const members = created.members.map((m: Record<string, unknown>, i: number) => (i === 1 ? { ...m, occupation: '非义务教育在校' } : m));
    const { id, version, warnings, status, removalReason, createdAt, updatedAt, perCapitaIncome, workerNo, ...rest } = created;
    void warnings; void status; void removalReason; void createdAt; void updatedAt; void perCapitaIncome; void workerNo;
    const upd = await clerk.put(`/api/households/${id}`, { ...rest, members, version });
    expect(upd.statusCode).toBe(200);
    const hist = (await clerk.get(`/api/households/${id}/history`)).json().items;
    expect(hist[0].changes).toEqual([{ path: 'members[1].occupation', label: '家庭成员第2人·就业（学）状况', old: '义务教育在校', new: '非义务教育在校' }]);
  });

  it('needs the version and refuses a change of region', async () => {
    const created = (await clerk.post('/api/households', makeHousehold({ regionCode: 'H05' }))).json();
    const base = { ...makeHousehold(), idNumber: created.idNumber, regionCode: 'H05' };
    const noVersion = await clerk.put(`/api/households/${created.id}`, base);
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors[0].path).toBe('version');
    const moved = await clerk.put(`/api/households/${created.id}`, { ...base, regionCode: 'H01', version: 1 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].path).toBe('regionCode');
  });
});

describe('removal', () => {
  it('marks the file removed with its reason, keeps it, and allows filing the worker again', async () => {
    const h = makeHousehold({ regionCode: 'H08' });
    const created = (await clerk.post('/api/households', h)).json();
    // only a filed file can be removed
    expect((await clerk.post(`/api/households/${created.id}/remove`, { reason: '不符合' })).statusCode).toBe(409);
    await ctx.fileThrough(created.id);
    expect((await clerk.post(`/api/households/${created.id}/remove`, {})).statusCode).toBe(400);
    const res = await clerk.post(`/api/households/${created.id}/remove`, { reason: '家庭人均收入已超过低保标准130%' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('removed');
    expect(res.json().removalReason).toBe('家庭人均收入已超过低保标准130%');
    const again = await clerk.get(`/api/households/${created.id}`);
    expect(again.statusCode).toBe(200);
    const edit = await clerk.put(`/api/households/${created.id}`, { ...h, version: res.json().version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('HOUSEHOLD_CLOSED');
    const refile = await clerk.post('/api/households', h);
    expect(refile.statusCode).toBe(201);
    expect(refile.json().workerNo).not.toBe(created.workerNo);
    const hist = (await clerk.get(`/api/households/${created.id}/history`)).json().items;
    expect(hist[0]).toMatchObject({ action: 'remove', reason: '家庭人均收入已超过低保标准130%' });
    expect((await clerk.get('/api/households?status=removed')).json().items.map((i: { id: number }) => i.id)).toContain(created.id);
  });

  it('has no API that deletes a household', async () => {
    const created = (await clerk.post('/api/households', makeHousehold())).json();
    const res = await clerk.del(`/api/households/${created.id}`);
    expect(res.statusCode).toBe(404);
    expect((await clerk.get(`/api/households/${created.id}`)).statusCode).toBe(200);
  });
});

describe('audit', () => {
  it('writes an audit row with each change and each full view, in a chain that holds', async () => {
    const created = (await clerk.post('/api/households', makeHousehold())).json();
    await clerk.get(`/api/households/${created.id}`);
    const rows = await ctx.db.selectFrom('audit_log').select(['action', 'username']).where('entity_id', '=', String(created.id)).where('entity', '=', 'household').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['household.create', 'household.view']);
    const { verifyAuditChain } = await import('../audit/audit.repository.js');
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('refuses a page past the deepest the list serves, naming the page field, while the total stays exact', async () => {
    const deep = await clerk.get('/api/households?page=2501&pageSize=20');
    expect(deep.statusCode).toBe(400);
    expect(deep.json().errors[0]).toMatchObject({ path: 'page' });
    expect(deep.json().errors[0].message).toContain('缩小范围');
    const last = await clerk.get('/api/households?page=2500&pageSize=20');
    expect(last.statusCode).toBe(200);
    expect(last.json().items).toEqual([]);
    expect(last.json().total).toBeGreaterThan(0);
  });
});

describe('id-check', () => {
  it('checks a typed identity number early: the other file is named inside the scope only, a probe outside is audited', async () => {
    const h01 = await ctx.userIn('H01');
    const h02 = await ctx.userIn('H02');
    const f = (await h01.post('/api/households', makeHousehold({ regionCode: 'H01' }))).json();
    const mine = (await h01.post('/api/households/id-check', { idNumber: f.idNumber })).json();
    expect(mine).toEqual({ duplicate: true, message: `该身份证号已有在册档案 ${f.workerNo}`, household: { id: f.id, workerNo: f.workerNo, name: f.name } });
    // the file being edited keeps its own number
    expect((await h01.post('/api/households/id-check', { idNumber: f.idNumber, excludeId: f.id })).json().duplicate).toBe(false);
    expect((await h01.post('/api/households/id-check', { idNumber: makeIdNumber() })).json()).toEqual({ duplicate: false, message: null, household: null });
    const before = await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'household.duplicateRefused').execute();
    const theirs = (await h02.post('/api/households/id-check', { idNumber: f.idNumber })).json();
    expect(theirs).toEqual({ duplicate: true, message: expect.stringContaining('不在您的管理范围内'), household: null });
    expect(JSON.stringify(theirs)).not.toContain(f.workerNo);
    const after = await ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'household.duplicateRefused').execute();
    expect(after.length).toBe(before.length + 1);
    const bad = await h01.post('/api/households/id-check', {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'idNumber', message: '请填写身份证号' });
  });
});
