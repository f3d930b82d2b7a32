// 通报: drafted from the numbers as of a day (ranking, praise, lateness), edited, published with its
// number, read (and the reading recorded), as PDF and Word; drafts stay the city union's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina, type Bulletin } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { docxText } from '../../../test/fixtures/docx.js';

let ctx: TestContext;
let city: Client;
let h02: Client;
let campaignId: number;
let lateCampaignId: number;
const today = todayInChina();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  h02 = await ctx.userIn('H02', 'region');
  const file = async (region: string, filed: boolean) => {
    const res = await city.post('/api/households', makeHousehold({ regionCode: region, fillDate: `${year}-01-15` }));
    expect(res.statusCode, res.body).toBe(201);
    if (filed) await ctx.fileThrough(res.json().id, city);
  };
  // filed rate: H01 100%, H02 50%, H03 0%
  await file('H01', true); await file('H01', true);
  await file('H02', true); await file('H02', false);
  await file('H03', false);
  const campaign = (over: object) => city.post('/api/campaigns', {
    name: '通报测试行动', year, startDate: addDays(today, -60), endDate: addDays(today, 60), phases: [],
    deadlines: [{ kind: 'data', label: '数据上报', dueDate: addDays(today, 10) }], requiredOrgCodes: ['H01', 'H02', 'H03'], ...over,
  });
  campaignId = (await campaign({})).json().id;
  expect((await (await ctx.userIn('H01', 'region')).post(`/api/campaigns/${campaignId}/submissions`, {})).statusCode).toBe(201);
  lateCampaignId = (await campaign({ name: '逾期通报测试', deadlines: [{ kind: 'data', label: '数据上报', dueDate: addDays(today, -2) }, { kind: 'report', label: '调研报告', dueDate: addDays(today, -1) }] })).json().id;
});
afterAll(() => ctx.close());

describe('通报', () => {
  let b: Bulletin;

  it('is drafted by the city union only, as of a day not in the future, each bad field named', async () => {
    expect((await h02.post('/api/bulletins', { campaignId, asOf: today })).statusCode).toBe(403);
    const bad = await city.post('/api/bulletins', { campaignId, asOf: addDays(today, 1) });
    expect(bad.json().errors).toEqual([{ path: 'asOf', message: '统计截至日期不能晚于今天' }]);
    expect((await city.post('/api/bulletins', { campaignId: 999999, asOf: today })).json().errors[0].path).toBe('campaignId');
    const res = await city.post('/api/bulletins', { campaignId, asOf: today });
    expect(res.statusCode, res.body).toBe(201);
    b = res.json();
    // a draft has no number yet: it gets the next of the year when published
    expect(b).toMatchObject({ number: null, seq: 0, status: 'draft', title: '关于通报测试行动工作进展情况的通报' });
  });

  it('ranks the regions by filed rate, praises the one on time among the first, and drafts its text from the numbers', () => {
    const ranked = b.rows.filter((r) => r.rank !== null).map((r) => [r.orgCode, r.rank, r.filedRate]);
    expect(ranked).toEqual([['H01', 1, 1], ['H02', 2, 0.5], ['H03', 3, 0]]);
    expect(b.rows.find((r) => r.orgCode === 'H01')!.submission).toBe('onTime');
    expect(b.rows.find((r) => r.orgCode === 'H02')!.submission).toBe('notDue');
    expect(b.praised).toEqual(['京山']);
    expect(b.late).toEqual([]);
    expect(b.paragraphs.join('\n')).toContain(`全市共录入${year}年度困难职工档案5户，已建档3户，建档率60.0%`);
    expect(b.paragraphs.join('\n')).toContain('京山（100.0%）、沙洋（50.0%）、钟祥（0.0%）');
    expect(b.paragraphs).toContain('三、表扬和督促');
  });

  it('names the late: a data deadline passed without a submission, reports owed past theirs', async () => {
    const late = (await city.post('/api/bulletins', { campaignId: lateCampaignId, asOf: today })).json() as Bulletin;
    expect(late.number).toBeNull();
    expect(late.late.map((l) => `${l.orgName} ${l.reason}`)).toEqual(['京山 数据逾期未上报，调研报告应交1篇、已交0篇', '沙洋 数据逾期未上报，调研报告应交1篇、已交0篇', '钟祥 数据逾期未上报，调研报告应交1篇、已交0篇']);
    expect(late.praised).toEqual([]);
  });

  it('is edited while a draft, then published: read-only, visible to every organization, its readers counted', async () => {
    // a draft is the city union's own
    expect((await h02.get(`/api/bulletins/${b.id}`)).statusCode).toBe(404);
    expect((await h02.get('/api/bulletins')).json().items).toEqual([]);
    const bad = await city.put(`/api/bulletins/${b.id}`, { title: '', recipients: '各县（市、区）总工会：', paragraphs: [], version: b.version });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['title', 'paragraphs']);
    const edited = await city.put(`/api/bulletins/${b.id}`, { title: '关于第一阶段工作进展情况的通报', recipients: b.recipients, paragraphs: [...b.paragraphs, '望各地对照查找差距。'], version: b.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().paragraphs.at(-1)).toBe('望各地对照查找差距。');
    expect((await city.put(`/api/bulletins/${b.id}`, { title: 'x', recipients: 'y', paragraphs: ['z'], version: b.version })).json().code).toBe('VERSION_CONFLICT');
    const published = await city.post(`/api/bulletins/${b.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', title: '关于第一阶段工作进展情况的通报', number: `荆工帮通〔${year}〕1号` });
    expect((await city.put(`/api/bulletins/${b.id}`, { title: 'x', recipients: 'y', paragraphs: ['z'], version: published.json().version })).json().code).toBe('BULLETIN_PUBLISHED');
    expect((await city.post(`/api/bulletins/${b.id}/publish`)).json().code).toBe('BULLETIN_PUBLISHED');

    expect((await h02.get('/api/bulletins')).json().items.map((i: { id: number }) => i.id)).toEqual([b.id]);
    const read = (await h02.get(`/api/bulletins/${b.id}`)).json();
    expect(read).toMatchObject({ readByMe: true, reads: null });
    await h02.get(`/api/bulletins/${b.id}`);
    await (await ctx.userIn('H02', 'region')).get(`/api/bulletins/${b.id}`);
    const seen = (await city.get(`/api/bulletins/${b.id}`)).json();
    expect(seen.reads).toEqual([{ orgCode: 'H02', orgName: '沙洋', readers: 2, firstReadAt: expect.any(String) }]);
    expect((await city.get('/api/bulletins')).json().items.find((i: { id: number }) => i.id === b.id).readers).toBe(2);
    expect(await ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'bulletin').where('entity_id', '=', String(b.id)).orderBy('id').execute())
      .toEqual([{ action: 'bulletin.create' }, { action: 'bulletin.update' }, { action: 'bulletin.publish' }, { action: 'bulletin.read' }, { action: 'bulletin.read' }]);
  });

  it('numbers the published in the order of publication, one number each even when published at once', async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await city.post('/api/bulletins', { campaignId, asOf: today })).json().id as number);
    const results = await Promise.all(ids.map((id) => city.post(`/api/bulletins/${id}/publish`)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const numbers = results.map((r) => r.json().seq as number).sort((x, y) => x - y);
    expect(numbers).toEqual([2, 3, 4, 5]);
  });

  it('downloads as PDF and as Word, the Word holding the number, the text and the table in rank order', async () => {
    const pdf = await h02.get(`/api/bulletins/${b.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await h02.get(`/api/bulletins/${b.id}.docx`);
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain(`荆工帮通〔${year}〕1号`);
    expect(text).toContain('关于第一阶段工作进展情况的通报');
    expect(text).toContain('望各地对照查找差距。');
    expect(text.indexOf('京山')).toBeLessThan(text.indexOf('沙洋'));
    const table = text.slice(text.indexOf('附件'));
    expect(table.indexOf('\n1\n京山\n')).toBeGreaterThan(0);
    expect(table.indexOf('\n1\n京山\n')).toBeLessThan(table.indexOf('\n2\n沙洋\n'));
    expect(table.indexOf('\n2\n沙洋\n')).toBeLessThan(table.indexOf('\n3\n钟祥\n'));
  });
});
