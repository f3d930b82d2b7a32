import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS, WORKER_COLUMNS } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';
import { col, memberCol, readSheet, rowsOf, workbookOf, type Cells } from '../../../test/fixtures/workbooks.js';

let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

async function upload(client: Client, files: { name: string; content: Buffer }[]) {
  const res = await client.upload('/api/imports', files);
  expect(res.statusCode, res.body).toBe(202);
  await ctx.app.jobs.idle();
  const view = await client.get(`/api/imports/${res.json().id}`);
  return view.json();
}

async function commit(client: Client, id: number, goodRowsOnly = false) {
  const res = await client.post(`/api/imports/${id}/commit`, { goodRowsOnly });
  if (res.statusCode !== 202) return res;
  await ctx.app.jobs.idle();
  return client.get(`/api/imports/${id}`);
}

const countHouseholds = async () => Number((await ctx.db.selectFrom('households').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

function xlsxFile(content: Buffer, name = '困难职工.xlsx') {
  return [{ name, content }];
}

describe('template', () => {
  it('has both sheets with the form labels on row 2, drop-downs from the hidden dictionary and an example row that import skips', async () => {
    const res = await city.get('/api/exchange/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const buf = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['职工', '家庭成员', '字典']);
    expect(wb.getWorksheet('字典')!.state).toBe('hidden');
    const workers = await readSheet(buf, '职工');
    expect(workers[1]).toEqual(WORKER_COLUMNS.map((c) => c.label));
    expect(workers[2][col('workerNo')]).toBe('示例');
    const members = await readSheet(buf, '家庭成员');
    expect(members[1]).toEqual(MEMBER_COLUMNS.map((c) => c.label));
    // 困难类别 offers exactly the three categories
    const ws = wb.getWorksheet('职工')!;
    const letter = String.fromCharCode(65 + col('category'));
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const key = Object.keys(dv).find((k) => k.startsWith(`${letter}3`))!;
    expect(dv[key].type).toBe('list');
    const [sheet, range] = dv[key].formulae[0].split('!');
    expect(sheet).toBe('字典');
    const dictCol = range.replace(/\$/g, '').split(':')[0].replace(/\d+/, '');
    const dict = wb.getWorksheet('字典')!;
    const values = [2, 3, 4].map((r) => dict.getCell(`${dictCol}${r}`).value);
    expect(values).toEqual(['低保户', '低保边缘户', '意外致困户']);

    const view = await upload(city, xlsxFile(buf, '模板.xlsx'));
    expect(view.status).toBe('analyzed');
    expect(view.counts.rows).toBe(0);
    expect(view.errorCount).toBe(0); // the example member row goes with its example worker
  });

  it('is refused to roles that cannot import', async () => {
    const admin = await ctx.admin();
    expect((await admin.get('/api/exchange/template.xlsx')).statusCode).toBe(403);
  });
});

describe('import: check, report, commit', () => {
  it('reports every bad cell with sheet, row, column, value and message, and writes nothing until told', async () => {
    const good1 = rowsOf(makeHousehold({ name: '导入甲' }));
    const good2 = rowsOf(makeHousehold({ name: '导入乙', members: [] , householdSize: 1 }));
    const bad = rowsOf(makeHousehold({ name: '导入丙' }));
    bad.worker[col('householdAnnualIncome')] = '一万';
    bad.worker[col('receivesDibao')] = '也许';
    bad.members[0][memberCol('relation')] = '朋友';
    const dup: Cells = [...good2.worker];
    dup[col('name')] = '重复行';
    const orphan: Cells = [...good1.members[0]];
    orphan[memberCol('workerIdNumber')] = makeIdNumber('19800101', '男');
    const legacyId = '420802680312051'; // 15 digits, upgraded with a warning
    const legacy = rowsOf(makeHousehold({ name: '旧号码' , members: [], householdSize: 1 }));
    legacy.worker[col('idNumber')] = legacyId;
    legacy.worker[col('gender')] = '男';

    const buf = await workbookOf(
      [good1.worker, good2.worker, bad.worker, dup, legacy.worker],
      [...good1.members, ...bad.members, orphan],
    );
    const before = await countHouseholds();
    const view = await upload(city, xlsxFile(buf));
    expect(view.status).toBe('analyzed');
    // good2 and its repeat are both errors: which row is right, only a person can say
    expect(view.counts).toMatchObject({ rows: 5, new: 2, error: 3, changed: 0, unchanged: 0, warning: 1 });

    const errors = (await city.get(`/api/imports/${view.id}/errors?pageSize=100`)).json();
    const find = (sheet: string, row: number, column: string) => errors.items.find((e: any) => e.sheet === sheet && e.row === row && e.column === column);
    expect(find('职工', 5, '家庭年度总收入')).toMatchObject({ value: '一万' });
    expect(find('职工', 5, '家庭年度总收入').message).toContain('家庭年度总收入');
    expect(find('职工', 5, '是否享受低保')).toMatchObject({ value: '也许' });
    // bad.members[0] is the 3rd member row → sheet row 5
    expect(find('家庭成员', 5, '关系')).toMatchObject({ value: '朋友' });
    expect(find('职工', 6, '身份证号').message).toContain('第4、6行');
    expect(find('职工', 4, '身份证号').message).toContain('第4、6行');
    expect(find('家庭成员', 7, '职工身份证号').message).toContain('没有身份证号为');
    expect(errors.total).toBe(view.errorCount);
    const report = await city.get(`/api/imports/${view.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const reportRows = await readSheet(report.rawPayload, '错误报告');
    expect(reportRows[0]).toEqual(['工作表', '行号', '列', '填写的值', '问题']);
    expect(reportRows.length - 1).toBe(errors.total);
    expect(reportRows).toContainEqual(['职工', 5, '家庭年度总收入', '一万', find('职工', 5, '家庭年度总收入').message]);

    const rows = (await city.get(`/api/imports/${view.id}/rows?status=new`)).json();
    expect(rows.items.map((r: any) => r.name)).toEqual(['导入甲', '旧号码']);
    expect(rows.items[1].warnings[0]).toContain('15位');
    expect(rows.items[0].idNumber).toContain('*'); // masked in the preview

    const refused = await city.post(`/api/imports/${view.id}/commit`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('IMPORT_HAS_ERRORS');
    expect(await countHouseholds()).toBe(before);

    const other = await ctx.userIn('H', 'city');
    expect((await other.post(`/api/imports/${view.id}/commit`, { goodRowsOnly: true })).statusCode).toBe(403);

    const done = (await commit(city, view.id, true)).json();
    expect(done.status).toBe('committed');
    expect(done.result).toEqual({ created: 2, updated: 0, skipped: 3, stale: 0 });
    expect(await countHouseholds()).toBe(before + 2);
    const stored = await ctx.db.selectFrom('households').select(['id_number', 'status', 'worker_no']).where('name', '=', '旧号码').executeTakeFirstOrThrow();
    expect(stored.id_number).toMatch(/^42080219680312051[\dX]$/);
    expect(stored.status).toBe('draft');
    const version = await ctx.db.selectFrom('household_versions').select(['reason']).innerJoin('households', 'households.id', 'household_versions.household_id')
      .where('households.name', '=', '导入甲').executeTakeFirstOrThrow();
    expect(version.reason).toContain('Excel导入');
    const audit = await ctx.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'import.commit').where('entity_id', '=', String(view.id)).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ created: 2, skipped: 3, goodRowsOnly: true });
    const members = await ctx.db.selectFrom('household_members').innerJoin('households', 'households.id', 'household_members.household_id')
      .select('household_members.name').where('households.name', '=', '导入甲').orderBy('household_members.seq').execute();
    expect(members.map((m) => m.name)).toEqual(good1.members.map((m) => m[memberCol('name')]));

    // the same file again: the good rows are unchanged now, nothing more is written
    const again = await upload(city, xlsxFile(buf));
    expect(again.counts).toMatchObject({ new: 0, unchanged: 2, error: 3 });
    const versionsBefore = Number((await ctx.db.selectFrom('household_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const second = (await commit(city, again.id, true)).json();
    expect(second.result).toEqual({ created: 0, updated: 0, skipped: 3, stale: 0 });
    expect(Number((await ctx.db.selectFrom('household_versions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(versionsBefore);
    expect(await countHouseholds()).toBe(before + 2);
  });

  it('shows field-level changes of a file already stored and applies them as a new version', async () => {
    const h = makeHousehold({ name: '变更户' });
    const created = await city.post('/api/households', h);
    expect(created.statusCode, created.body).toBe(201);
    const { worker, members } = rowsOf(h);
    worker[col('workerNo')] = created.json().workerNo;
    worker[col('householdAnnualIncome')] = 20000.5;
    worker[col('address')] = '荆门市新地址8号';
    const view = await upload(city, xlsxFile(await workbookOf([worker], members)));
    expect(view.counts).toMatchObject({ rows: 1, changed: 1 });
    const rows = (await city.get(`/api/imports/${view.id}/rows?status=changed`)).json();
    const changes = rows.items[0].changes as { label: string; old: unknown; new: unknown }[];
    expect(changes).toEqual(expect.arrayContaining([
      { path: 'householdAnnualIncome', label: '家庭年度总收入', old: 18000, new: 20000.5 },
      expect.objectContaining({ label: '家庭住址', new: '荆门市新地址8号' }),
    ]));
    const done = (await commit(city, view.id)).json();
    expect(done.result).toEqual({ created: 0, updated: 1, skipped: 0, stale: 0 });
    const file = (await city.get(`/api/households/${created.json().id}`)).json();
    expect(file.householdAnnualIncome).toBe(20000.5);
    expect(file.version).toBe(2);
  });

  it('refuses a change to a file under review, and a row from another region for a county user', async () => {
    const h = makeHousehold({ name: '审核中' });
    const created = (await city.post('/api/households', h)).json();
    expect((await city.post(`/api/households/${created.id}/submit`, {})).statusCode).toBe(200);
    const { worker, members } = rowsOf(h);
    worker[col('address')] = '改了地址';
    const county = await ctx.userIn('H01', 'region');
    const other = rowsOf(makeHousehold({ name: '外地户', regionCode: 'H02' }));
    const own = rowsOf(makeHousehold({ name: '本地户', regionCode: 'H01' }));
    own.worker[col('regionCode')] = null; // a county user's rows default to the county
    const byCity = await upload(city, xlsxFile(await workbookOf([worker], members)));
    const errs = (await city.get(`/api/imports/${byCity.id}/errors`)).json();
    expect(errs.items[0].message).toContain('审核');
    const byCounty = await upload(county, xlsxFile(await workbookOf([other.worker, own.worker], [...other.members, ...own.members])));
    expect(byCounty.counts).toMatchObject({ new: 1, error: 1 });
    const countyErrors = (await county.get(`/api/imports/${byCounty.id}/errors`)).json();
    expect(countyErrors.items[0]).toMatchObject({ row: 3, column: '所属地区' });
    expect(countyErrors.items[0].message).toContain('本组织');
  });

  it('refuses a masked export as a whole, and files that are not spreadsheets', async () => {
    const viewer = await ctx.userIn('H', 'viewer');
    const masked = await viewer.get('/api/households/export.xlsx');
    expect(masked.statusCode).toBe(200);
    const first = await readSheet(masked.rawPayload, '职工');
    expect(String(first[0][0])).toContain('【脱敏】');
    const view = await upload(city, xlsxFile(masked.rawPayload));
    expect(view.status).toBe('failed');
    expect(view.fileError).toContain('脱敏');

    const notXlsx = await upload(city, [{ name: 'a.xlsx', content: Buffer.from('not a zip') }]);
    expect(notXlsx.status).toBe('failed');
    expect(notXlsx.fileError).toContain('不是有效的 Excel');
    const wrongType = await city.upload('/api/imports', [{ name: 'a.pdf', content: Buffer.from('%PDF') }]);
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toContain('.xlsx');
    const missing = await upload(city, xlsxFile(await workbookOf([], [], { title: 'x' }).then(async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('职工').addRow(['姓名', '身份证号']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    })));
    expect(missing.status).toBe('failed');
    expect(missing.fileError).toContain('缺少必填列');
    expect(missing.fileError).toContain('填报日期');
  });

  it('imports CSV files in GBK (workers) and UTF-8 with BOM (members), header on the first row', async () => {
    const h = rowsOf(makeHousehold({ name: '逗号户' }));
    const csv = (header: string[], rows: Cells[]) =>
      [header, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
    const workers = iconv.encode(csv(WORKER_COLUMNS.map((c) => c.label), [h.worker]), 'gbk');
    const members = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(MEMBER_COLUMNS.map((c) => c.label), h.members), 'utf8')]);
    const view = await upload(city, [{ name: '职工.csv', content: workers }, { name: '家庭成员.csv', content: members }]);
    expect(view.status, view.fileError).toBe('analyzed');
    expect(view.counts).toMatchObject({ rows: 1, new: 1, error: 0 });
    const done = (await commit(city, view.id)).json();
    expect(done.result.created).toBe(1);
    const stored = await ctx.db.selectFrom('households').select(['address', 'id']).where('name', '=', '逗号户').executeTakeFirstOrThrow();
    expect(stored.address).toBe(h.worker[col('address')]);
    const n = await ctx.db.selectFrom('household_members').select((eb) => eb.fn.countAll().as('n')).where('household_id', '=', stored.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(h.members.length);
  });

  it('cancel discards a checked import; nobody else sees it', async () => {
    const view = await upload(city, xlsxFile(await workbookOf([rowsOf(makeHousehold({ name: '取消户' })).worker], [])));
    const county = await ctx.userIn('H03', 'region');
    expect((await county.get(`/api/imports/${view.id}`)).statusCode).toBe(404);
    const cancelled = (await city.post(`/api/imports/${view.id}/cancel`, {})).json();
    expect(cancelled.status).toBe('cancelled');
    expect((await city.post(`/api/imports/${view.id}/commit`, { goodRowsOnly: true })).statusCode).toBe(409);
    expect(await ctx.db.selectFrom('households').select('id').where('name', '=', '取消户').executeTakeFirst()).toBeUndefined();
  });
});
