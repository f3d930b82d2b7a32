// 调研报告: upload (judged by content), return with an opinion, replace, accept, download; the tracker
// of who owes what and who is late; each organization sees its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let city: Client;
let admin: Client;
let h02: Client;
let h03: Client;
let unitCode: string;
let campaignId: number;
let lateCampaignId: number;
const today = todayInChina();
const year = Number(today.slice(0, 4));

/** Bytes that are what their name says: a .docx (a zip with the Word part), a PDF, an OLE file (.doc, .wps). */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....调研报告正文')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

const campaign = (over: Record<string, unknown>) => ({
  name: '调研报告测试', year, startDate: addDays(today, -60), endDate: addDays(today, 60), phases: [],
  deadlines: [{ kind: 'data', label: '数据上报', dueDate: addDays(today, 10) }, { kind: 'report', label: '调研报告', dueDate: addDays(today, 20), reportsPerRegion: 2 }],
  ...over,
});

async function upload(by: Client, url: string, file: { name: string; content: Buffer } | null, fields: Record<string, string> = { title: '关于困难职工精准帮扶的调研报告', summary: '详实数据、具体案例、措施建议' }) {
  return by.upload(url, file ? [file] : [], fields);
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.admin();
  city = await ctx.userIn('H', 'city');
  h02 = await ctx.userIn('H02', 'region');
  h03 = await ctx.userIn('H03', 'region');
  unitCode = (await admin.post('/api/orgs', { name: '报告测试厂工会', parentCode: 'H03', largeEnterprise: true })).json().code;
  const c = await city.post('/api/campaigns', campaign({ requiredOrgCodes: ['H02', 'H03', unitCode] }));
  expect(c.statusCode, c.body).toBe(201);
  campaignId = c.json().id;
  expect(c.json().deadlines[1].reportsOwed).toEqual({ region: 2, unit: 1 });
  const late = await city.post('/api/campaigns', campaign({
    name: '已过期的调研报告', deadlines: [{ kind: 'report', label: '调研报告', dueDate: addDays(today, -3) }], requiredOrgCodes: ['H02', 'H03'],
  }));
  lateCampaignId = late.json().id;
});
afterAll(() => ctx.close());

describe('调研报告', () => {
  it('refuses a file whose content is not what its name says, and names each missing field', async () => {
    const url = `/api/campaigns/${campaignId}/research-reports`;
    const fake = await upload(h02, url, { name: '报告.pdf', content: DOCX });
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ code: 'INVALID_FILE', errors: [{ path: 'file' }] });
    expect(fake.json().message).toContain('不是 PDF');
    const exe = await upload(h02, url, { name: '报告.exe', content: PDF });
    expect(exe.json().errors[0].message).toContain('不支持的文件类型');
    const renamed = await upload(h02, url, { name: '报告.docx', content: CFB });
    expect(renamed.statusCode).toBe(400);
    const noTitle = await upload(h02, url, { name: '报告.pdf', content: PDF }, { summary: '摘要' });
    expect(noTitle.json().errors).toEqual([{ path: 'title', message: '请填写报告标题' }]);
    expect((await upload(h02, url, null)).json().errors[0].path).toBe('file');
    // a county not required, the city itself: refused
    expect((await upload(await ctx.userIn('H04', 'region'), url, { name: 'a.pdf', content: PDF })).statusCode).toBe(403);
    expect((await upload(city, url, { name: 'a.pdf', content: PDF })).statusCode).toBe(403);
    expect(await ctx.db.selectFrom('research_reports').select('id').execute()).toEqual([]);
  });

  it('is returned with an opinion, replaced, accepted; then neither replaced nor decided again', async () => {
    const res = await upload(h02, `/api/campaigns/${campaignId}/research-reports`, { name: '沙洋调研报告.docx', content: DOCX });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ orgCode: 'H02', status: 'submitted', onTime: true, fileKind: 'docx', fileSize: DOCX.length, replaced: 0 });
    expect((await city.post(`/api/research-reports/${r.id}/decision`, { decision: 'return' })).json().errors[0].path).toBe('opinion');
    const returned = await city.post(`/api/research-reports/${r.id}/decision`, { decision: 'return', opinion: '请补充典型案例' });
    expect(returned.json()).toMatchObject({ status: 'returned', opinion: '请补充典型案例' });
    // another county cannot see it, let alone replace it
    expect((await h03.upload(`/api/research-reports/${r.id}/file`, [{ name: 'x.pdf', content: PDF }], { title: 't', summary: 's' })).statusCode).toBe(404);
    const replaced = await h02.upload(`/api/research-reports/${r.id}/file`, [{ name: '沙洋调研报告（修改稿）.pdf', content: PDF }], { title: '沙洋县困难职工调研报告（修改稿）', summary: '补充了三个案例' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ status: 'submitted', replaced: 1, fileKind: 'pdf', title: '沙洋县困难职工调研报告（修改稿）', opinion: null, onTime: true });
    const file = await city.get(`/api/research-reports/${r.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(await ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'research_report').where('entity_id', '=', String(r.id)).orderBy('id').execute())
      .toEqual([{ action: 'report.upload' }, { action: 'report.return' }, { action: 'report.replace' }, { action: 'report.download' }]);
    // a decision about the file as first sent (replaced 0) is refused: the file was replaced since
    const stale = await city.post(`/api/research-reports/${r.id}/decision`, { decision: 'accept', replaced: 0 });
    expect(stale.json()).toMatchObject({ code: 'SUBMISSION_DECIDED', message: '该报告已处理或已更换了文件，请刷新页面后再处理' });
    expect((await city.post(`/api/research-reports/${r.id}/decision`, { decision: 'accept', replaced: 1 })).json().status).toBe('accepted');
    expect((await city.post(`/api/research-reports/${r.id}/decision`, { decision: 'accept' })).json().code).toBe('SUBMISSION_DECIDED');
    const after = await h02.upload(`/api/research-reports/${r.id}/file`, [{ name: 'x.pdf', content: PDF }], { title: 't', summary: 's' });
    expect(after.statusCode).toBe(409);
    expect(after.json().message).toContain('已被市总工会接收');
  });

  it('tracks what each organization owes, sends and has accepted; each sees its own', async () => {
    expect((await upload(await ctx.userIn(unitCode, 'unit'), `/api/campaigns/${campaignId}/research-reports`, { name: '厂报告.doc', content: CFB })).statusCode).toBe(201);
    const list = (await city.get(`/api/campaigns/${campaignId}/research-reports`)).json();
    expect(list.deadline.label).toBe('调研报告');
    const row = (code: string) => list.tracker.find((t: { orgCode: string }) => t.orgCode === code);
    expect(row('H02')).toMatchObject({ owed: 2, submitted: 1, accepted: 1, late: false });
    expect(row('H03')).toMatchObject({ owed: 2, submitted: 0, accepted: 0, late: false });
    expect(row(unitCode)).toMatchObject({ kind: 'unit', owed: 1, submitted: 1, accepted: 0 });
    const own = (await h03.get(`/api/campaigns/${campaignId}/research-reports`)).json();
    // a county sees its own and its units'
    expect(own.items.map((i: { orgCode: string }) => i.orgCode)).toEqual([unitCode]);
    expect(own.tracker.map((t: { orgCode: string }) => t.orgCode).sort()).toEqual(['H03', unitCode].sort());
  });

  it('marks late a report sent after the due day and an organization that owes one past it, the late first', async () => {
    const res = await upload(h03, `/api/campaigns/${lateCampaignId}/research-reports`, { name: '迟交.wps', content: CFB });
    expect(res.json()).toMatchObject({ onTime: false, fileKind: 'wps' });
    const t = (await city.get(`/api/campaigns/${lateCampaignId}/research-reports`)).json().tracker;
    expect(t.map((x: { orgCode: string; late: boolean }) => [x.orgCode, x.late])).toEqual([['H02', true], ['H03', true]]);
    // a deadline that has reports cannot be deleted
    const c = (await city.get(`/api/campaigns/${lateCampaignId}`)).json();
    const edit = await city.put(`/api/campaigns/${lateCampaignId}`, { ...campaign({ name: c.name, requiredOrgCodes: ['H02', 'H03'] }), deadlines: [{ kind: 'data', label: '数据上报', dueDate: addDays(today, 5) }], version: c.version });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().errors[0].message).toContain('不能删除');
  });
});
