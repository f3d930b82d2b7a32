// Organizations: grassroots unions created, renamed, moved, deactivated and imported by admins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { countRows, sessionAdmin, sessionUserIn, unitsWorkbook, XLSX_TYPE, type SessionClient } from '../../../test/session-client.js';

let ctx: TestContext;
let admin: SessionClient;
let city: SessionClient;

interface Org { code: string; name: string; parentCode: string | null; kind: string; active: boolean }

const orgs = async (): Promise<Org[]> => (await admin.get('/api/orgs')).json().items;
const orgOf = async (code: string) => (await orgs()).find((o) => o.code === code);
const createUnit = async (name: string, parentCode: string): Promise<Org> => {
  const res = await admin.post('/api/orgs', { name, parentCode });
  if (res.statusCode !== 201) throw new Error(`create ${name}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const upload = (c: SessionClient, payload: Buffer | string, contentType = XLSX_TYPE) =>
  c.request({ method: 'POST', url: '/api/orgs/import', payload, headers: { 'content-type': contentType } });

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await sessionAdmin(ctx);
  city = await sessionUserIn(ctx, 'H', 'city');
}, 60_000);
afterAll(() => ctx?.close());

describe('the seeded tree', () => {
  it('is the city union and its eight county unions', async () => {
    const all = await orgs();
    expect(all.filter((o) => o.kind === 'city')).toEqual([{ code: 'H', name: '荆门市总工会', parentCode: null, kind: 'city', active: true, largeEnterprise: false }]);
    expect(all.filter((o) => o.kind === 'region').map((o) => o.code)).toEqual(['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08']);
    expect(all.find((o) => o.code === 'H08')!.name).toBe('市直');
  });
});

describe('POST /api/orgs', () => {
  it('creates grassroots unions with consecutive codes per region', async () => {
    const first = await admin.post('/api/orgs', { name: '京山县轻工机械厂工会', parentCode: 'H01' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ code: 'H01-0001', name: '京山县轻工机械厂工会', parentCode: 'H01', kind: 'unit', active: true, largeEnterprise: false });
    const second = await admin.post('/api/orgs', { name: '  京山县棉纺厂工会  ', parentCode: 'H01' });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ code: 'H01-0002', name: '京山县棉纺厂工会' });
    expect(await orgOf('H01-0002')).toEqual({ code: 'H01-0002', name: '京山县棉纺厂工会', parentCode: 'H01', kind: 'unit', active: true, largeEnterprise: false });
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'username']).where('entity_id', '=', 'H01-0002').execute();
    expect(audit).toEqual([{ action: 'org.create', entity: 'org', entity_id: 'H01-0002', username: 'admin' }]);
  });

  it('creates 市直 units under H08', async () => {
    const a = await createUnit('荆门市第一人民医院工会', 'H08');
    const b = await createUnit('荆门市公交集团工会', 'H08');
    expect([a.code, b.code]).toEqual(['H08-0001', 'H08-0002']);
    expect(a).toMatchObject({ parentCode: 'H08', kind: 'unit', active: true });
  });

  it('numbers each region on its own', async () => {
    const x = await createUnit('沙洋县化肥厂工会', 'H02');
    expect(x.code).toBe('H02-0001');
  });

  it('reports validation errors with their paths', async () => {
    const empty = await admin.post('/api/orgs', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(empty.json().errors).toEqual([{ path: 'name', message: '请填写组织名称' }, { path: 'parentCode', message: '请选择上级组织' }]);
    const short = await admin.post('/api/orgs', { name: '厂', parentCode: 'H01' });
    expect(short.json().errors).toEqual([{ path: 'name', message: '组织名称至少2个字' }]);
    const long = await admin.post('/api/orgs', { name: '工'.repeat(101), parentCode: 'H01' });
    expect(long.json().errors).toEqual([{ path: 'name', message: '组织名称不能超过100个字' }]);
    for (const parentCode of ['H', 'H01-0001', 'h01', 'H1']) {
      const res = await admin.post('/api/orgs', { name: '某厂工会', parentCode });
      expect(res.statusCode, parentCode).toBe(400);
      expect(res.json().errors, parentCode).toEqual([{ path: 'parentCode', message: '基层工会的上级应为县（市、区）工会，例如 H01' }]);
    }
    const unknown = await admin.post('/api/orgs', { name: '某厂工会', parentCode: 'H09' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'parentCode', message: '上级组织 H09 不是启用中的县（市、区）工会' }]);
  });

  it('refuses a second unit of the same name in a region', async () => {
    await createUnit('钟祥市磷矿工会', 'H03');
    const dup = await admin.post('/api/orgs', { name: '钟祥市磷矿工会', parentCode: 'H03' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ORG_EXISTS');
    expect(dup.json().errors[0].path).toBe('name');
    // the same name in another region is another union
    expect((await admin.post('/api/orgs', { name: '钟祥市磷矿工会', parentCode: 'H04' })).statusCode).toBe(201);
  });

  it('is for admins only', async () => {
    const before = await countRows(ctx.db, 'orgs');
    for (const c of [city, await sessionUserIn(ctx, 'H01', 'region'), await sessionUserIn(ctx, 'H', 'viewer')]) {
      const res = await c.post('/api/orgs', { name: '越权创建的工会', parentCode: 'H01' });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ code: 'FORBIDDEN', message: '只有系统管理员可以管理组织' });
    }
    expect(await countRows(ctx.db, 'orgs')).toBe(before);
  });
});

describe('PATCH /api/orgs/:code', () => {
  it('renames', async () => {
    const u = await createUnit('东宝区旧名工会', 'H04');
    const res = await admin.patch(`/api/orgs/${u.code}`, { name: '东宝区新名工会' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...u, name: '东宝区新名工会' });
    expect((await orgOf(u.code))!.name).toBe('东宝区新名工会');
    const audit = await ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'org.update').where('entity_id', '=', u.code).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ before: { name: '东宝区旧名工会' }, patch: { name: '东宝区新名工会' } });
  });

  it('deactivates and reactivates', async () => {
    const u = await createUnit('掇刀区停用工会', 'H05');
    expect((await admin.patch(`/api/orgs/${u.code}`, { active: false })).json().active).toBe(false);
    expect((await orgOf(u.code))!.active).toBe(false);
    expect((await admin.patch(`/api/orgs/${u.code}`, { active: true })).json().active).toBe(true);
  });

  it('moves a unit without files to another region, keeping its code', async () => {
    const u = await createUnit('漳河新区迁移工会', 'H06');
    const res = await admin.patch(`/api/orgs/${u.code}`, { parentCode: 'H07' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...u, parentCode: 'H07' });
  });

  it('refuses to move a unit with a live household (409 ORG_HAS_FILES); allows it once the household is closed', async () => {
    const u = await createUnit('京山县有档案工会', 'H01');
    const created = await city.post('/api/households', makeHousehold({ regionCode: 'H01', unitId: u.code }));
    expect(created.statusCode).toBe(201);
    const refused = await admin.patch(`/api/orgs/${u.code}`, { parentCode: 'H02' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ORG_HAS_FILES');
    expect(refused.json().errors[0].path).toBe('parentCode');
    expect((await orgOf(u.code))!.parentCode).toBe('H01');
    // a rename in the same request is not half-applied
    const both = await admin.patch(`/api/orgs/${u.code}`, { name: '改了名的工会', parentCode: 'H02' });
    expect(both.statusCode).toBe(409);
    expect((await orgOf(u.code))!.name).toBe('京山县有档案工会');
    // renaming alone is fine
    expect((await admin.patch(`/api/orgs/${u.code}`, { name: '京山县有档案工会（更名）' })).statusCode).toBe(200);
    // once the file is filed and removed, it no longer holds the unit
    await ctx.fileThrough(created.json().id);
    expect((await city.post(`/api/households/${created.json().id}/remove`, { reason: '已调离' })).statusCode).toBe(200);
    const moved = await admin.patch(`/api/orgs/${u.code}`, { parentCode: 'H02' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentCode).toBe('H02');
  });

  it('validates the patch and the target', async () => {
    const u = await createUnit('屈家岭校验工会', 'H07');
    const bad = await admin.patch(`/api/orgs/${u.code}`, { name: 'x', active: 'no', parentCode: 'H07-0001' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['active', 'name', 'parentCode']);
    const toUnknown = await admin.patch(`/api/orgs/${u.code}`, { parentCode: 'H09' });
    expect(toUnknown.statusCode).toBe(400);
    expect(toUnknown.json().errors[0].path).toBe('parentCode');
    const region = await admin.patch('/api/orgs/H01', { parentCode: 'H02' });
    expect(region.statusCode).toBe(400);
    expect(region.json().errors).toEqual([{ path: 'parentCode', message: '只有基层工会可以调整上级组织' }]);
    const cityOff = await admin.patch('/api/orgs/H', { active: false });
    expect(cityOff.statusCode).toBe(400);
    expect(cityOff.json().errors[0].path).toBe('active');
    const missing = await admin.patch('/api/orgs/H01-9999', { name: '不存在的工会' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('is for admins only', async () => {
    const u = await createUnit('沙洋县越权测试工会', 'H02');
    const res = await city.patch(`/api/orgs/${u.code}`, { name: '被越权改名' });
    expect(res.statusCode).toBe(403);
    expect((await orgOf(u.code))!.name).toBe('沙洋县越权测试工会');
  });
});

describe('a deactivated unit', () => {
  it('cannot be used for a new household (400 at unitId), nor for a new user', async () => {
    const u = await createUnit('京山县已停用工会', 'H01');
    expect((await city.post('/api/households', makeHousehold({ regionCode: 'H01', unitId: u.code }))).statusCode).toBe(201);
    await admin.patch(`/api/orgs/${u.code}`, { active: false });
    const res = await city.post('/api/households', makeHousehold({ regionCode: 'H01', unitId: u.code }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'unitId', message: '基层工会不存在或不属于所选地区' }]);
    const user = await admin.post('/api/users', { username: `u${Date.now()}`, password: 'Long-enough-pw-1', displayName: '停用单位用户', orgCode: u.code });
    expect(user.statusCode).toBe(400);
    expect(user.json().errors[0].path).toBe('orgCode');
  });

  it('a unit of another region cannot be used either', async () => {
    const u = await createUnit('沙洋县某厂工会', 'H02');
    const res = await city.post('/api/households', makeHousehold({ regionCode: 'H01', unitId: u.code }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('unitId');
  });
});

describe('POST /api/orgs/import', () => {
  it('creates every row of the workbook, numbered on from the existing codes', async () => {
    const existing = (await orgs()).filter((o) => o.parentCode === 'H05').length;
    const payload = await unitsWorkbook([['掇刀区导入一厂工会', 'H05'], ['掇刀区导入二厂工会', 'H05'], ['市直导入单位工会', 'H08']]);
    const res = await upload(admin, payload);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created).toBe(3);
    const n = (k: number) => `H05-${String(existing + k).padStart(4, '0')}`;
    expect(body.codes.slice(0, 2)).toEqual([n(1), n(2)]);
    expect(body.codes[2]).toMatch(/^H08-\d{4}$/);
    const all = await orgs();
    expect(all.find((o) => o.code === n(1))).toEqual({ code: n(1), name: '掇刀区导入一厂工会', parentCode: 'H05', kind: 'unit', active: true, largeEnterprise: false });
    expect(all.find((o) => o.code === body.codes[2])!.name).toBe('市直导入单位工会');
    const audit = await ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'org.create').where('entity_id', 'in', body.codes).execute();
    expect(audit.map((a) => JSON.parse(a.detail!).source)).toEqual(['import', 'import', 'import']);
  });

  it('accepts the other header names and skips empty rows', async () => {
    const payload = await unitsWorkbook([['漳河新区别名表头工会', 'H06'], ['', ''], ['漳河新区第二个工会', 'H06']], ['基层工会名称', '所属县区代码']);
    const res = await upload(admin, payload);
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(2);
  });

  it('creates nothing when a row is bad, and reports every bad row with its row number', async () => {
    const before = await countRows(ctx.db, 'orgs');
    // row 2 good, row 3 an unknown region, row 4 no name, row 5 good
    const payload = await unitsWorkbook([['东宝区好单位一工会', 'H04'], ['不存在地区的工会', 'H09'], ['', 'H04'], ['东宝区好单位二工会', 'H04']]);
    const res = await upload(admin, payload);
    expect(res.statusCode).toBe(400);
    expect(await countRows(ctx.db, 'orgs')).toBe(before);
    expect((await orgs()).some((o) => o.name === '东宝区好单位一工会')).toBe(false);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^rows\[3\]/), expect.stringMatching(/^rows\[4\]/)]));
    expect(errors.find((e) => e.path.startsWith('rows[3]'))?.message).toMatch(/第 3 行.*H09/);
    expect(errors.find((e) => e.path.startsWith('rows[4]'))?.message).toMatch(/第 4 行/);
    expect(errors.some((e) => /rows\[(2|5)\]/.test(e.path))).toBe(false);
  });

  it('creates nothing when one row names an unknown region (a row past the first is bad)', async () => {
    const before = await countRows(ctx.db, 'orgs');
    const payload = await unitsWorkbook([['钟祥市导入好单位工会', 'H03'], ['地区不存在的工会', 'H09']]);
    const res = await upload(admin, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'rows[3].parentCode', message: expect.stringMatching(/^第 3 行：.*H09/) }]);
    expect(await countRows(ctx.db, 'orgs')).toBe(before);
  });

  it('reports several bad rows at once and duplicates within the file', async () => {
    const before = await countRows(ctx.db, 'orgs');
    const payload = await unitsWorkbook([['甲', 'H01'], ['京山县重复工会', 'H01'], ['京山县重复工会', 'H01'], ['某工会', 'X1']]);
    const res = await upload(admin, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'rows[2].name', message: '第 2 行：组织名称至少2个字' },
      { path: 'rows[4].name', message: '第 4 行：与前面的行重复' },
      { path: 'rows[5].parentCode', message: '第 5 行：基层工会的上级应为县（市、区）工会，例如 H01' },
    ]);
    expect(await countRows(ctx.db, 'orgs')).toBe(before);
  });

  it('refuses a body that is not an .xlsx workbook: 400 INVALID_FILE', async () => {
    const notXlsx = await upload(admin, Buffer.from('名称,上级组织代码\n某工会,H01\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json()).toMatchObject({ code: 'INVALID_FILE', errors: [{ path: 'file', message: '请上传 .xlsx 文件' }] });
    const json = await admin.post('/api/orgs/import', { rows: [{ name: '某工会', parentCode: 'H01' }] });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('INVALID_FILE');
    const noHeader = await upload(admin, await unitsWorkbook([['某工会', 'H01']], ['单位', '代码']));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().code).toBe('INVALID_FILE');
    const noRows = await upload(admin, await unitsWorkbook([]));
    expect(noRows.statusCode).toBe(400);
    expect(noRows.json().errors).toEqual([{ path: 'file', message: '文件中没有数据行' }]);
  });

  it('is for admins only', async () => {
    const before = await countRows(ctx.db, 'orgs');
    const res = await upload(city, await unitsWorkbook([['越权导入的工会', 'H01']]));
    expect(res.statusCode).toBe(403);
    expect(await countRows(ctx.db, 'orgs')).toBe(before);
  });

  it('needs the CSRF header like any change', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/orgs/import', payload: await unitsWorkbook([['无令牌导入的工会', 'H01']]), headers: { 'content-type': XLSX_TYPE }, csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });
});
