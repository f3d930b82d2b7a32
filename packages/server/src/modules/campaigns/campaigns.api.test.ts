import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays, todayInChina, WORKER_COLUMNS } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { importAndCommit } from '../../../test/fixtures/imports.js';
import { rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';

let ctx: TestContext;
let city: Client;
let admin: Client;
const today = todayInChina();
const year = Number(today.slice(0, 4));

const campaignBody = (over: Record<string, unknown> = {}) => ({
  name: '测试行动', year, startDate: `${year}-01-01`, endDate: `${year}-12-31`,
  phases: [{ name: '集中实施', startDate: `${year}-01-01`, endDate: `${year}-12-31` }],
  deadlines: [{ kind: 'data', label: '数据上报', dueDate: addDays(today, 10) }, { kind: 'report', label: '总结报告', dueDate: addDays(today, 20) }],
  requiredOrgCodes: ['H05', 'H06'],
  ...over,
});

async function addFile(by: Client, over: Parameters<typeof makeHousehold>[0]) {
  const res = await by.post('/api/households', makeHousehold({ fillDate: `${year}-01-15`, ...over }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; workerNo: string; version: number };
}

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  admin = await ctx.admin();
});
afterAll(() => ctx.close());

describe('campaigns', () => {
  it('creates, lists and edits a campaign, naming each bad field in Chinese', async () => {
    const bad = await city.post('/api/campaigns', campaignBody({ endDate: `${year - 1}-01-01`, deadlines: [{ kind: 'data', label: '', dueDate: '2026-02-30' }], requiredOrgCodes: ['H'] }));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['endDate', 'deadlines[0].label', 'deadlines[0].dueDate', 'requiredOrgCodes[0]']));
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'endDate').message).toBe('结束日期不能早于开始日期');

    const notOrg = await city.post('/api/campaigns', campaignBody({ requiredOrgCodes: ['H05', 'H99'] }));
    expect(notOrg.statusCode).toBe(400);
    expect(notOrg.json().errors[0]).toMatchObject({ path: 'requiredOrgCodes' });

    const region = await ctx.userIn('H05', 'region');
    expect((await region.post('/api/campaigns', campaignBody())).statusCode).toBe(403);

    const res = await city.post('/api/campaigns', campaignBody({ name: '编辑测试' }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ name: '编辑测试', year, state: 'running', currentPhase: '集中实施', version: 1 });
    expect(c.deadlines[0]).toMatchObject({ kind: 'data', daysLeft: 10 });
    expect(c.requiredOrgs.map((o: { code: string }) => o.code)).toEqual(['H05', 'H06']);
    expect((await region.get('/api/campaigns')).json().items.some((x: { id: number }) => x.id === c.id)).toBe(true);

    const edited = await city.put(`/api/campaigns/${c.id}`, { ...campaignBody({ name: '编辑后' }), version: 1, deadlines: [{ ...c.deadlines[0], label: '数据上报（改）' }] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: '编辑后', version: 2 });
    expect(edited.json().deadlines).toEqual([expect.objectContaining({ id: c.deadlines[0].id, label: '数据上报（改）' })]);
    const stale = await city.put(`/api/campaigns/${c.id}`, { ...campaignBody(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await city.get('/api/campaigns/999999')).statusCode).toBe(404);
  });

  it('keeps the old database counts of the required organizations only', async () => {
    const c = (await city.post('/api/campaigns', campaignBody({ name: '基数测试' }))).json();
    const saved = await city.put(`/api/campaigns/${c.id}/baselines`, { items: [{ orgCode: 'H05', households: 120 }, { orgCode: 'H06', households: null }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items).toEqual([{ orgCode: 'H05', orgName: expect.any(String), households: 120 }, { orgCode: 'H06', orgName: expect.any(String), households: null }]);
    const bad = await city.put(`/api/campaigns/${c.id}/baselines`, { items: [{ orgCode: 'H01', households: 5 }, { orgCode: 'H05', households: -1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('items[1].households');
    expect((await city.put(`/api/campaigns/${c.id}/baselines`, { items: [{ orgCode: 'H01', households: 5 }] })).json().errors[0].path).toBe('items[0].orgCode');
  });
});

describe('上报', () => {
  it('freezes the files, is returned with an opinion, resubmitted and accepted, all audited', async () => {
    const c = (await city.post('/api/campaigns', campaignBody({ name: '上报测试' }))).json();
    const region = await ctx.userIn('H05', 'region');
    const filed = await addFile(region, { regionCode: 'H05', name: '上报前' });
    await ctx.fileThrough(filed.id, region);
    const waiting = await addFile(region, { regionCode: 'H05' });
    expect((await region.post(`/api/households/${waiting.id}/submit`, {})).statusCode).toBe(200);
    await addFile(region, { regionCode: 'H05' }); // a draft: counted, not frozen
    await addFile(region, { regionCode: 'H05', fillDate: `${year - 1}-06-01` }); // another year: neither

    const first = await region.post(`/api/campaigns/${c.id}/submissions`, { note: '第一次上报' });
    expect(first.statusCode, first.body).toBe(201);
    const s1 = first.json();
    expect(s1).toMatchObject({ status: 'submitted', onTime: true, round: 1, orgCode: 'H05', fileCount: 2, note: '第一次上报', deadlineLabel: '数据上报' });
    expect(s1.byStatus).toMatchObject({ draft: 1, submitted: 1, filed: 1, unitApproved: 0 });
    expect((await region.post(`/api/campaigns/${c.id}/submissions`, {})).json().code).toBe('ALREADY_SUBMITTED');

    // a unit not required, and the city itself, cannot submit
    expect((await city.post(`/api/campaigns/${c.id}/submissions`, {})).statusCode).toBe(403);
    expect((await (await ctx.userIn('H01', 'region')).post(`/api/campaigns/${c.id}/submissions`, {})).statusCode).toBe(403);

    const noOpinion = await city.post(`/api/submissions/${s1.id}/decision`, { decision: 'return' });
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().errors[0].path).toBe('opinion');
    expect((await region.post(`/api/submissions/${s1.id}/decision`, { decision: 'accept' })).statusCode).toBe(403);
    const returned = await city.post(`/api/submissions/${s1.id}/decision`, { decision: 'return', opinion: '缺少两户的家庭成员信息' });
    expect(returned.json()).toMatchObject({ status: 'returned', opinion: '缺少两户的家庭成员信息' });
    expect((await city.post(`/api/submissions/${s1.id}/decision`, { decision: 'accept' })).json().code).toBe('SUBMISSION_DECIDED');

    // the file changes after it was reported: its detail says so, the first submission's Excel keeps it as it was
    const file = (await region.get(`/api/households/${filed.id}`)).json();
    const edit = await region.put(`/api/households/${filed.id}`, { ...file, name: '上报后', version: file.version, reason: '姓名登记错误' });
    expect(edit.statusCode, edit.body).toBe(200);
    const reported = (await region.get(`/api/households/${filed.id}/reported`)).json();
    expect(reported.items[0]).toMatchObject({ submissionId: s1.id, changedSince: true, status: 'returned' });

    const x = await city.get(`/api/submissions/${s1.id}/export.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.getWorksheet('职工')!.eachRow((row, n) => { if (n >= 3) names.push(String(row.getCell(WORKER_COLUMNS.findIndex((col) => col.key === 'name') + 1).value)); });
    expect(names).toContain('上报前');
    expect(names).not.toContain('上报后');
    expect(names).toHaveLength(2);

    const second = await region.post(`/api/campaigns/${c.id}/submissions`, { note: '已补充' });
    expect(second.json()).toMatchObject({ round: 2, status: 'submitted' });
    const accepted = await city.post(`/api/submissions/${second.json().id}/decision`, { decision: 'accept' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: expect.any(String) });
    expect((await region.post(`/api/campaigns/${c.id}/submissions`, {})).json().code).toBe('ALREADY_SUBMITTED');

    const list = (await region.get(`/api/campaigns/${c.id}/submissions`)).json().items;
    expect(list.map((s: { round: number; status: string }) => `${s.round}:${s.status}`)).toEqual(['2:accepted', '1:returned']);
    expect((await (await ctx.userIn('H06', 'region')).get(`/api/campaigns/${c.id}/submissions`)).json().items).toEqual([]);

    const audit = (await admin.get('/api/audit?entity=submission')).json();
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['submission.submit', 'submission.return', 'submission.accept', 'submission.export']));
  });

  it('marks a submission after its deadline as late and lists the organization as late until then', async () => {
    const c = (await city.post('/api/campaigns', campaignBody({
      name: '逾期测试', deadlines: [{ kind: 'data', label: '已过期的上报', dueDate: addDays(today, -3) }], requiredOrgCodes: ['H06'],
    }))).json();
    const late = (await city.get('/api/dashboard')).json().late.filter((l: { deadlineId: number }) => l.deadlineId === c.deadlines[0].id);
    // the dashboard follows the current campaign; the progress says it for this one
    const p = (await city.get(`/api/campaigns/${c.id}/progress`)).json();
    expect(p.items.find((i: { orgCode: string }) => i.orgCode === 'H06').submission).toMatchObject({ status: 'none', onTime: false });
    void late;
    const region = await ctx.userIn('H06', 'region');
    const todo = (await region.get('/api/todos')).json().items.find((t: { kind: string; link: string }) => t.kind === 'deadline' && t.link === `/campaigns/${c.id}`);
    expect(todo.title).toContain('已逾期3天');
    const s = (await region.post(`/api/campaigns/${c.id}/submissions`, {})).json();
    expect(s).toMatchObject({ status: 'submitted', onTime: false });
    const after = (await city.get(`/api/campaigns/${c.id}/progress`)).json();
    expect(after.items.find((i: { orgCode: string }) => i.orgCode === 'H06').submission).toMatchObject({ status: 'submitted', onTime: false });
    expect((await city.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'submissionsToDecide')).toBeTruthy();
  });
});

describe('organizations', () => {
  it('marks a unit as 大中型企事业单位, refused for a region', async () => {
    const unit = (await admin.post('/api/orgs', { name: '荆门石化总厂工会', parentCode: 'H08', largeEnterprise: true })).json();
    expect(unit).toMatchObject({ largeEnterprise: true });
    expect((await admin.patch(`/api/orgs/${unit.code}`, { largeEnterprise: false })).json()).toMatchObject({ largeEnterprise: false });
    expect((await admin.patch('/api/orgs/H08', { largeEnterprise: true })).json().errors[0].path).toBe('largeEnterprise');
  });
});

describe('baselines from the old database', () => {
  it('counts each required region\'s and unit\'s files from an import marked as the old 困难职工数据库', async () => {
    const unit = (await admin.post('/api/orgs', { name: '原数据库测试厂工会', parentCode: 'H07', largeEnterprise: true })).json().code as string;
    const input = [
      makeHousehold({ regionCode: 'H07', fillDate: `${year}-01-10` }), makeHousehold({ regionCode: 'H07', unitId: unit, fillDate: `${year}-01-11` }),
      makeHousehold({ regionCode: 'H08', fillDate: `${year}-01-12` }),
    ].map(rowsOf);
    const book = await workbookOf(input.map((r) => r.worker), input.flatMap((r) => r.members));
    const { check } = await importAndCommit(ctx, city, '原困难职工数据库.xlsx', book, { oldDatabase: 'true' });
    expect(check.oldDatabase).toBe(true);
    const plain = await importAndCommit(ctx, city, '新增.xlsx', await workbookOf([rowsOf(makeHousehold({ regionCode: 'H07', fillDate: `${year}-01-13` })).worker], []));
    expect(plain.check.oldDatabase).toBe(false);

    const c = (await city.post('/api/campaigns', campaignBody({ name: '原数据库取数', requiredOrgCodes: ['H07', 'H08', unit] }))).json();
    const refused = await city.post(`/api/campaigns/${c.id}/baselines/from-import`, { importId: plain.check.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toEqual({ path: 'importId', message: '这次导入上传时没有标记为原困难职工数据库' });
    const res = await city.post(`/api/campaigns/${c.id}/baselines/from-import`, { importId: check.id });
    expect(res.statusCode, res.body).toBe(200);
    const byOrg = Object.fromEntries(res.json().items.map((i: { orgCode: string; households: number | null }) => [i.orgCode, i.households]));
    // a region counts all its files the import brought (its units' too); a unit its own
    expect(byOrg).toEqual({ H07: 2, H08: 1, [unit]: 1 });
    const p = (await city.get(`/api/campaigns/${c.id}/progress`)).json();
    expect(p.items.find((i: { orgCode: string }) => i.orgCode === 'H08')).toMatchObject({ baseline: 1 });
    const region = await ctx.userIn('H07', 'region');
    expect((await region.post(`/api/campaigns/${c.id}/baselines/from-import`, { importId: check.id })).statusCode).toBe(403);
  });
});
