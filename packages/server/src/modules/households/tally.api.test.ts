// The kept counts against a full recount: after many random creates, edits, reviews, removals,
// exits, reopenings, an import, policy changes (re-evaluations) and urgency re-scoring, every kept
// count equals a GROUP BY over the households, before and after the deltas are folded; and the
// list's total and the summaries built on them equal a count of the files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, CAUSES, ENTERPRISE_STATUSES, WORK_STATUSES, type HouseholdInput } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { seededRandom } from '../../../test/fixtures/random.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';
import { importAndCommit } from '../../../test/fixtures/imports.js';
import { rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';
import { compactTallies, recountTallies, tallyDifferences } from './tally.repository.js';

let ctx: TestContext;
let city: Client;
const filers = new Map<string, Client>();
const reviewers = new Map<string, Client>(); // a file's filer does not review it
const REGIONS = ['H01', 'H02', 'H03'];
const NEXT: Record<string, string[]> = {
  draft: ['edit', 'submit', 'submit'],
  submitted: ['unitAgree', 'unitAgree', 'return'],
  unitApproved: ['cityAgree'],
  filed: ['edit', 'edit', 'remove', 'exit'],
  removed: ['reopen'],
  exited: ['reopen'],
};

const { random, pick } = seededRandom(20261206);
let serial = 0;

function randomHousehold(regionCode: string): HouseholdInput {
  serial++;
  const birth = `19${60 + (serial % 30)}0${1 + (serial % 9)}1${serial % 10}`;
  return makeHousehold({
    regionCode,
    name: `计数${serial}`,
    gender: serial % 2 ? '男' : '女',
    idNumber: makeIdNumber(birth, serial % 2 ? '男' : '女', `4208${String(serial % 100).padStart(2, '0')}`),
    category: pick(CATEGORIES),
    workStatus: pick(WORK_STATUSES),
    enterpriseStatus: pick(ENTERPRISE_STATUSES),
    causes: [...new Set([pick(CAUSES), pick(CAUSES)])],
    householdAnnualIncome: Math.round(random() * 40000),
    fillDate: pick(['2016-04-01', '2016-05-20', '2017-03-01']),
    members: [], // a member's identity number would repeat across the files
    householdSize: 1,
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  for (const r of REGIONS) {
    filers.set(r, await ctx.userIn(r, 'region'));
    reviewers.set(r, await ctx.userIn(r, 'region'));
  }
});
afterAll(() => ctx.close());

async function create(clerk: Client, regionCode: string): Promise<number> {
  const res = await clerk.post('/api/households', randomHousehold(regionCode));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function expectCountsExact(step: string) {
  expect(await tallyDifferences(ctx.db), step).toEqual([]);
}

describe('kept counts', () => {
  it('equal a full recount after random changes of every kind, folded or not', async () => {
    const ids: { id: number; region: string }[] = [];
    for (const r of REGIONS)
      for (let i = 0; i < 4; i++) ids.push({ id: await create(filers.get(r)!, r), region: r });
    await expectCountsExact('after the first files');

    const line = { lines: [{ regionCode: 'H01', year: 2016, monthlyLine: 420 }, { regionCode: 'H02', year: 2016, monthlyLine: 380 }], reason: '计数测试' };
    expect((await city.put('/api/policy', line)).statusCode).toBe(200);
    await ctx.app.jobs.idle();
    await expectCountsExact('after a re-evaluation');

    const done = new Set<string>();
    for (let step = 0; step < 150; step++) {
      const target = pick(ids);
      const clerk = filers.get(target.region)!;
      // mostly a step the file's status allows, now and then a new file or a fold
      const { status } = await ctx.db.selectFrom('households').select('status').where('id', '=', target.id).executeTakeFirstOrThrow();
      const kind = random() < 0.12 ? pick(['create', 'fold']) : pick(NEXT[status] ?? ['create']);
      let res: { statusCode: number } | undefined;
      switch (kind) {
        case 'create':
          ids.push({ id: await create(clerk, target.region), region: target.region });
          break;
        case 'edit': {
          const f = (await clerk.get(`/api/households/${target.id}`)).json();
          const next = randomHousehold(target.region);
          res = await clerk.put(`/api/households/${target.id}`, {
            ...f, category: next.category, workStatus: next.workStatus, enterpriseStatus: next.enterpriseStatus, causes: next.causes,
            householdAnnualIncome: next.householdAnnualIncome, version: f.version, reason: '核实后更正',
          });
          break;
        }
        case 'submit':
          res = await clerk.post(`/api/households/${target.id}/submit`, {});
          break;
        case 'unitAgree':
          res = await reviewers.get(target.region)!.post(`/api/households/${target.id}/review`, { level: 'unit', decision: 'agree', opinion: '属实' });
          break;
        case 'cityAgree':
          res = await city.post(`/api/households/${target.id}/review`, { level: 'city', decision: 'agree', opinion: '同意' });
          break;
        case 'return':
          res = await reviewers.get(target.region)!.post(`/api/households/${target.id}/review`, { level: 'unit', decision: 'return', opinion: '请补充材料' });
          break;
        case 'remove':
          res = await clerk.post(`/api/households/${target.id}/remove`, { reason: '收入已超过标准' });
          break;
        case 'exit':
          res = await clerk.post(`/api/households/${target.id}/exit`, { reason: '已就业脱困', date: '2020-06-01' });
          break;
        case 'reopen':
          res = await clerk.post(`/api/households/${target.id}/reopen`, { reason: '重新纳入' });
          break;
        case 'fold':
          await compactTallies(ctx.db);
          break;
      }
      if (kind === 'create' || res?.statusCode === 200) done.add(kind);
      else if (process.env.TALLY_DEBUG) console.log(kind, res?.statusCode, (res as { body?: string })?.body?.slice(0, 200));
      if (step % 15 === 14) await expectCountsExact(`after step ${step} (${kind})`);
    }
    await expectCountsExact('after the random changes');
    // the run did move files through every step (a generator whose changes all failed would prove nothing)
    expect([...done].sort()).toEqual(['cityAgree', 'create', 'edit', 'exit', 'remove', 'reopen', 'return', 'submit', 'unitAgree'].sort());

    const rows = Array.from({ length: 12 }, () => rowsOf(randomHousehold(pick(REGIONS))));
    await importAndCommit(ctx, city, '计数导入.xlsx', await workbookOf(rows.map((r) => r.worker), rows.flatMap((r) => r.members)));
    await expectCountsExact('after an import');

    expect((await city.put('/api/policy', { lines: [{ regionCode: 'H01', year: 2016, monthlyLine: 600 }], marginalRatio: '1.5', reason: '计数测试二' })).statusCode).toBe(200);
    const s = (await city.get('/api/settings/assistance')).json();
    expect((await city.put('/api/settings/assistance', { ...s, urgencyWeights: { ...s.urgencyWeights, illness: s.urgencyWeights.illness + 7 } })).statusCode).toBe(200);
    await ctx.app.jobs.idle();
    await expectCountsExact('after a ratio change and urgency re-scoring');

    await compactTallies(ctx.db);
    await expectCountsExact('after folding');
    const folded = await ctx.db.selectFrom('household_tally').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const keys = await ctx.db.selectFrom('households').select(['region_code', 'status', 'category', 'id_eligible', 'id_category', 'id_c1', 'id_c2', 'id_c3',
      'id_flag_mismatch', 'id_flag_dibao_not_received', 'id_flag_dibao_above', 'id_flag_no_line']).distinct().execute();
    expect(Number(folded.n)).toBe(keys.length); // one row per key once folded
  });

  it('give the list the exact total for every filter, as a count of the files would', async () => {
    const filters = ['', 'status=filed', 'status=draft', 'category=%E4%BD%8E%E4%BF%9D%E6%88%B7', 'eligible=true', 'eligible=unknown', 'eligible=false',
      'suggestedCategory=none', 'condition=C1', 'flag=noLine', 'regionCode=H02', 'regionCode=H02&status=filed&eligible=true'];
    for (const f of filters) {
      const listed = (await city.get(`/api/households?pageSize=100&${f}`)).json();
      const all: unknown[] = [];
      for (let page = 1; all.length < listed.total; page++) all.push(...(await city.get(`/api/households?pageSize=100&page=${page}&${f}`)).json().items);
      expect(all.length, f).toBe(listed.total);
      const county = (await filers.get('H02')!.get(`/api/households?pageSize=1&${f}`)).json();
      const inH02 = await ctx.db.selectFrom('households').select('id').where('region_code', '=', 'H02').execute();
      if (!f) expect(county.total).toBe(inH02.length);
    }
  });

  it('a restore and a recount leave them exact', async () => {
    await recountTallies(ctx.db);
    await expectCountsExact('after a recount');
  });
});
