// The demo's campaigns: the seed's 2016 campaign with its June submissions (on time, late, returned
// and resubmitted, one never) and this year's campaign in progress, made through the services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, ProgressResponse, Submission } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { seedDemo } from '../../cli/demo.js';
import { seedDemoCampaigns } from '../../demo/campaigns.js';

let ctx: TestContext;
let city: Client;
const PASSWORD = 'Demo-password-1';

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, 40, { demoPassword: PASSWORD });
  const r = await seedDemoCampaigns(ctx.db, { currentYearFiles: 24 });
  expect(r.campaigns).toBe(2);
  expect(r.currentYearFiles).toBeGreaterThan(20);
  expect((await seedDemoCampaigns(ctx.db)).campaigns).toBe(0); // once
  city = await ctx.login('shizong', PASSWORD);
}, 120_000);
afterAll(() => ctx.close());

describe('demo campaigns', () => {
  it('holds the 2016 campaign with its deadlines and June submissions', async () => {
    const campaigns = (await city.get('/api/campaigns')).json().items as Campaign[];
    const c16 = campaigns.find((c) => c.year === 2016)!;
    expect(c16).toMatchObject({ name: '万名工会干部进万企帮万户', state: 'ended', startDate: '2016-03-01' });
    expect(c16.deadlines.map((d) => `${d.kind} ${d.dueDate}`)).toEqual(['data 2016-06-20', 'report 2016-06-30']);
    expect(c16.requiredOrgs).toHaveLength(10);
    const subs = (await city.get(`/api/campaigns/${c16.id}/submissions`)).json().items as Submission[];
    const h02 = subs.find((s) => s.orgCode === 'H02')!;
    expect(h02).toMatchObject({ onTime: false, status: 'accepted' });
    expect(subs.filter((s) => s.orgCode === 'H03').map((s) => `${s.round} ${s.status}`)).toEqual(['2 accepted', '1 returned']);
    expect(subs.find((s) => s.orgCode === 'H01')!.onTime).toBe(true);
    const p = (await city.get(`/api/campaigns/${c16.id}/progress`)).json() as ProgressResponse;
    expect(p.totals.total).toBe(40);
    expect(p.items.find((i) => i.orgCode === 'H03')!.submission).toMatchObject({ status: 'accepted', onTime: true });
  });

  it('holds the 2016 campaign\'s 调研报告: on time and late, returned and replaced, and who still owes one', async () => {
    const c16 = ((await city.get('/api/campaigns')).json().items as Campaign[]).find((c) => c.year === 2016)!;
    const r = (await city.get(`/api/campaigns/${c16.id}/research-reports`)).json();
    const row = (code: string) => r.tracker.find((t: { orgCode: string }) => t.orgCode === code);
    expect(row('H01')).toMatchObject({ owed: 1, submitted: 2, accepted: 2, late: false });
    expect(row('H03')).toMatchObject({ submitted: 1, accepted: 1, late: false });
    expect(r.items.find((i: { orgCode: string }) => i.orgCode === 'H03')).toMatchObject({ replaced: 1, status: 'accepted', fileKind: 'docx' });
    expect(row('H04')).toMatchObject({ accepted: 1, late: true });
    expect(row('H05')).toMatchObject({ submitted: 0, late: true });
    expect(row('H06')).toMatchObject({ submitted: 1, accepted: 0, late: false });
    // the late first
    expect(r.tracker.findIndex((t: { late: boolean }) => !t.late)).toBeGreaterThan(r.tracker.findLastIndex((t: { late: boolean }) => t.late));
    const file = await city.get(`/api/research-reports/${r.items[0].id}/file`);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('holds a published 通报 read by three counties, and a draft of this year\'s campaign', async () => {
    const list = (await city.get('/api/bulletins')).json().items;
    expect(list.map((b: { status: string }) => b.status).sort()).toEqual(['draft', 'published']);
    const published = list.find((b: { status: string }) => b.status === 'published');
    expect(published.readers).toBe(3);
    const b = (await city.get(`/api/bulletins/${published.id}`)).json();
    expect(b.rows.filter((r: { rank: number | null }) => r.rank !== null).length).toBeGreaterThan(0);
    expect(b.reads.map((r: { orgCode: string }) => r.orgCode).sort()).toEqual(['H01', 'H03', 'H04']);
  });

  it('has a campaign of this year in progress, with a unit that has not submitted and the county that was returned', async () => {
    const d = (await city.get('/api/dashboard')).json();
    expect(d.campaign).toMatchObject({ state: 'running', currentPhase: '入户核查建档' });
    expect(d.campaign.deadlines[0].daysLeft).toBe(5);
    expect(d.kpis.files).toBeGreaterThan(20);
    const h07 = await ctx.login('h07_tianbiao', PASSWORD);
    const todos = (await h07.get('/api/todos')).json().items;
    expect(todos.map((t: { kind: string }) => t.kind)).toContain('submissionReturned');
    const unit = await ctx.login('redian_gonghui', PASSWORD);
    expect((await unit.get('/api/todos')).json().items.map((t: { kind: string }) => t.kind)).toContain('deadline');
    expect((await city.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'submissionsToDecide').count).toBe(1);
  });

  it('holds exits with follow-ups done, due and overdue, and one found fallen back waiting for its county', async () => {
    const all = (await city.get('/api/follow-ups?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(10);
    expect(all.items.some((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(all.items.some((i: { next: unknown; pendingReopen: boolean }) => i.next === null && !i.pendingReopen)).toBe(true);
    expect(all.items.some((i: { due: boolean; overdue: boolean }) => i.due && !i.overdue) || all.items.some((i: { done: number }) => i.done > 0)).toBe(true);
    const pending = (await city.get('/api/follow-ups?fallenBack=true')).json().items;
    expect(pending).toHaveLength(1);
    const county = await ctx.login(`${pending[0].regionCode.toLowerCase()}_tianbiao`, PASSWORD);
    expect((await county.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'fallenBack')).toMatchObject({ count: 1 });
  });

  it('holds a family moved from 东宝区 to 掇刀区 that its old number finds, and a transfer waiting in 东宝区\'s 待办', async () => {
    const all = (await city.get('/api/transfers?box=all')).json().items;
    const done = all.find((t: { status: string }) => t.status === 'agreed');
    expect(done).toMatchObject({ from: { regionCode: 'H01' }, to: { regionCode: 'H02' }, newWorkerNo: expect.stringMatching(/^H02/) });
    expect((await city.get(`/api/households?q=${done.oldWorkerNo}`)).json().items.map((i: { id: number }) => i.id)).toEqual([done.householdId]);
    const h01 = await ctx.login('h01_tianbiao', PASSWORD);
    expect((await h01.get('/api/todos')).json().items.find((t: { kind: string }) => t.kind === 'transfersToDecide')).toMatchObject({ count: 1 });
    expect((await h01.get('/api/transfers?box=incoming')).json().items).toEqual([expect.objectContaining({ from: expect.objectContaining({ regionCode: 'H03' }), canDecide: true })]);
  });

  it('holds two files that look filed twice, found by the scan the demo queues', async () => {
    await ctx.app.jobs.kick();
    await ctx.app.jobs.idle();
    const pairs = (await city.get('/api/duplicates')).json();
    expect(pairs.lastScan).toMatchObject({ status: 'done' });
    expect(pairs.items.map((p: { reason: string }) => p.reason)).toEqual(expect.arrayContaining(['phone', 'address']));
    expect(pairs.items.every((p: { a: { regionCode: string } }) => p.a.regionCode === 'H02')).toBe(true);
  });

  it('holds 东宝\'s 民政低保名单 of last month with a finding of each kind the demo can make', async () => {
    const lists = (await city.get('/api/dibao-lists')).json().items;
    expect(lists).toEqual([expect.objectContaining({ regionCode: 'H04', source: '东宝区民政局', current: true })]);
    const l = lists[0];
    // the two declared families left out, and the wives of two families that say 否
    expect(l.findings.declaredNotListed).toBe(2);
    expect(l.findings.listedNotDeclared).toBe(2);
    expect(l.rows).toBe(l.matchedPersons + 5);
    const h04 = await ctx.login('h04_tianbiao', PASSWORD);
    expect((await h04.get('/api/dibao-findings?kind=listedNotDeclared')).json().items.every((f: { canResolve: boolean }) => f.canResolve)).toBe(true);
  });
});
