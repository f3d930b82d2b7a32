// The 调研报告 data draft (Word): the organization's numbers of the year beside last year's, the
// typical cases masked; only the organization's own files; scoped and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { docxText } from '../../../test/fixtures/docx.js';

let ctx: TestContext;
let city: Client;
const year = Number(todayInChina().slice(0, 4));
const people: { name: string; idNumber: string }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  const add = async (over: Parameters<typeof makeHousehold>[0]) => {
    const res = await city.post('/api/households', makeHousehold({ regionCode: 'H07', fillDate: `${year}-02-10`, ...over }));
    expect(res.statusCode, res.body).toBe(201);
    const h = res.json();
    people.push({ name: h.name, idNumber: h.idNumber });
    return h as { id: number; name: string; idNumber: string };
  };
  const a = await add({ name: '欧阳春花', category: '低保户', causes: ['因病'], householdAnnualIncome: 6000, ownAnnualIncome: 1000, householdSize: 3, needs: '欧阳春花希望找到稳定工作，联系电话13907240001' });
  await ctx.fileThrough(a.id, city);
  await add({ name: '李四', category: '低保边缘户', causes: ['因病', '子女上学'] });
  const c = await add({ name: '王五', category: '意外致困户', causes: ['因意外'] });
  await ctx.fileThrough(c.id, city);
  expect((await city.post(`/api/households/${c.id}/remove`, { reason: '家庭收入已超过标准' })).statusCode).toBe(200);
  const d = await add({ name: '赵六', category: '低保户', causes: ['因未就业'] });
  await ctx.fileThrough(d.id, city);
  expect((await city.post(`/api/households/${d.id}/exit`, { reason: '已稳定就业', date: todayInChina() })).statusCode).toBe(200);
  await add({ name: '钱七', fillDate: `${year - 1}-05-01`, category: '低保户', causes: ['因病'] });
  // another region's file: not in H07's draft
  await city.post('/api/households', makeHousehold({ regionCode: 'H08', fillDate: `${year}-02-10`, name: '孙八' }));
  const rec = (body: object) => city.post(`/api/households/${a.id}/assistance`, { date: todayInChina(), ...body });
  expect((await rec({ type: '慰问金', amount: 300, description: '春节慰问', solvedProblem: false })).statusCode).toBe(201);
  expect((await rec({ type: '岗位推荐', description: '推荐就业', solvedProblem: true })).statusCode).toBe(201);
});
afterAll(() => ctx.close());

describe('调研报告数据稿', () => {
  it('holds the region\'s numbers of the year and last year, and the typical cases masked', async () => {
    const res = await city.get(`/api/research-drafts.docx?orgCode=H07&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(`research-draft-H07-${year}.docx`);
    const text = docxText(res.rawPayload);
    expect(text).toContain(`屈家岭管理区${year}年度困难职工精准帮扶工作调研报告`);
    expect(text).toContain('年度填表的困难职工档案共4户，其中已建档1户，审核中0户（待单位审核0户、待市总审核0户），草稿1户；剔除1户，脱困1户');
    expect(text).toContain(`与${year - 1}年度（1户）相比，档案增加3户（+300.0%）。`);
    expect(text).toContain('共帮扶困难职工1户，记录帮扶2次，发放帮扶资金300.00元，解决实际问题1个');
    // the cases: the filed file with the most solved problems (and the highest urgency), the removal, the exit
    for (const p of [people[0], people[2], people[3]]) expect(text).toContain(maskName(p.name));
    // free text masked of the family's names and long numbers; no identity number, not even masked
    expect(text).toContain('帮扶需求：欧某某某希望找到稳定工作，联系电话***********');
    expect(text).not.toContain('13907240001');
    for (const p of people) expect(text).not.toContain(maskIdNumber(p.idNumber));
    expect(text).toContain('剔除原因：家庭收入已超过标准');
    expect(text).toContain('脱困原因：已稳定就业');
    // nobody's full name or identity number
    for (const p of people) {
      expect(text).not.toContain(p.idNumber);
      if ([...p.name].length > 1) expect(text).not.toContain(p.name);
    }
    expect(text).not.toContain('孙某');
    expect(await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'report.draft').execute()).toEqual([{ action: 'report.draft', entity_id: 'H07' }]);
  });

  it('for a unit counts its files only (its sub-units\' too), for the unit and its county', async () => {
    const admin = await ctx.admin();
    const unit = (await admin.post('/api/orgs', { name: '数据稿测试厂工会', parentCode: 'H07' })).json().code as string;
    expect((await city.post('/api/households', makeHousehold({ regionCode: 'H07', unitId: unit, fillDate: `${year}-04-01` }))).statusCode).toBe(201);
    for (const who of [city, await ctx.userIn(unit, 'unit'), await ctx.userIn('H07', 'region')]) {
      const res = await who.get(`/api/research-drafts.docx?orgCode=${unit}&year=${year}`);
      expect(res.statusCode).toBe(200);
      expect(docxText(res.rawPayload)).toContain('数据稿测试厂工会' + `${year}年度填表的困难职工档案共1户`);
    }
  });

  it('is the organization\'s own: another county, a leader or staff member cannot ask for it; a bad year names the field', async () => {
    for (const role of ['leader', 'staff'] as const) expect((await (await ctx.userIn('H', role)).get(`/api/research-drafts.docx?orgCode=H07&year=${year}`)).statusCode).toBe(404);
    expect((await (await ctx.userIn('H08', 'region')).get(`/api/research-drafts.docx?orgCode=H07&year=${year}`)).statusCode).toBe(404);
    expect((await (await ctx.userIn('H07', 'region')).get(`/api/research-drafts.docx?orgCode=H07&year=${year}`)).statusCode).toBe(200);
    const bad = await city.get('/api/research-drafts.docx?orgCode=H07&year=1999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('year');
    expect((await city.get(`/api/research-drafts.docx?orgCode=H99&year=${year}`)).statusCode).toBe(404);
  });
});
