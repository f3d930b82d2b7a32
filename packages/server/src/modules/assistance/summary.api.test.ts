// 帮扶统计 from the kept counts equals 帮扶统计 counted from the records themselves, for the city and a
// county, for this year and last, after random records by several cadres and files leaving and
// re-entering the register; the kept counts equal a full recount, folded or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addDays, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { seededRandom } from '../../../test/fixtures/random.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import type { Actor } from '../access/actor.js';
import { summary } from './summary.service.js';
import { assistanceTallyDifferences, foldAssistanceTallies, recountAssistanceTallies } from './assistance-tally.repository.js';
import { tallyDifferences } from '../households/tally.repository.js';

let ctx: TestContext;
let city: Client;
const REGIONS = ['H01', 'H02'];
const clerks = new Map<string, Client>();
const cadres = new Map<string, Client>(); // a county cadre per region, besides the city's

const { random, pick } = seededRandom(61206);

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  for (const r of REGIONS) {
    clerks.set(r, await ctx.userIn(r, 'region'));
    cadres.set(r, await ctx.userIn(r, 'region'));
  }
});
afterAll(() => ctx.close());

async function actorOf(c: Client): Promise<Actor> {
  const u = await ctx.db.selectFrom('users').selectAll().where('username', '=', c.username).executeTakeFirstOrThrow();
  return { id: Number(u.id), username: u.username, displayName: u.display_name, role: u.role as Actor['role'], orgCode: u.org_code, orgName: u.org_code, ip: null };
}

async function expectKeptEqualsScanned(step: string) {
  const year = Number(todayInChina().slice(0, 4));
  for (const who of [city, clerks.get('H02')!]) {
    const actor = await actorOf(who);
    for (const query of [{}, { year: String(year - 1) }, { regionCode: 'H02' }]) {
      const kept = await summary(ctx.db, actor, query);
      const scanned = await summary(ctx.db, actor, query, { scan: true });
      expect(kept, `${step}: ${who.username} ${JSON.stringify(query)}`).toEqual(scanned);
    }
  }
  expect(await assistanceTallyDifferences(ctx.db), step).toEqual([]);
  expect(await tallyDifferences(ctx.db), step).toEqual([]);
}

describe('帮扶统计 from the kept counts', () => {
  it('equals the count from the records after random records and files leaving and re-entering the register', async () => {
    const files: { id: number; region: string }[] = [];
    for (let i = 0; i < 14; i++) {
      const region = REGIONS[i % 2];
      const h = (await clerks.get(region)!.post('/api/households', makeHousehold({ regionCode: region, name: `统计${i}` }))).json();
      await ctx.fileThrough(h.id);
      files.push({ id: h.id, region });
    }
    await expectKeptEqualsScanned('filed, no records yet');
    const today = todayInChina();
    let records = 0;
    for (let step = 0; step < 100; step++) {
      const f = pick(files);
      const { status } = await ctx.db.selectFrom('households').select('status').where('id', '=', f.id).executeTakeFirstOrThrow();
      const roll = random();
      if (roll < 0.08 && status === 'filed') await clerks.get(f.region)!.post(`/api/households/${f.id}/exit`, { reason: '已就业脱困', date: today });
      else if (roll < 0.12 && (status === 'exited' || status === 'removed')) await clerks.get(f.region)!.post(`/api/households/${f.id}/reopen`, { reason: '重新纳入' });
      else if (roll < 0.15 && status === 'filed') await clerks.get(f.region)!.post(`/api/households/${f.id}/remove`, { reason: '收入超过标准' });
      else if (status === 'filed' || status === 'exited') {
        const type = pick(['走访', '慰问金', '岗位推荐', '医疗救助'] as const);
        const date = random() < 0.3 ? addDays(today, -400 - Math.floor(random() * 100)) : addDays(today, -Math.floor(random() * 200));
        const res = await pick([cadres.get(f.region)!, city]).post(`/api/households/${f.id}/assistance`, {
          date, type, description: '入户了解情况', solvedProblem: random() < 0.4, ...(type === '慰问金' ? { amount: Math.round(random() * 100000) / 100 } : {}),
        });
        if (res.statusCode === 201) records++;
      }
      if (step % 10 === 9) {
        if (random() < 0.5) await foldAssistanceTallies(ctx.db);
        await expectKeptEqualsScanned(`after step ${step}`);
      }
    }
    expect(records).toBeGreaterThan(30); // the run did record help (a run whose records all failed would prove nothing)
    const s = await summary(ctx.db, await actorOf(city), {});
    expect(s.regions.reduce((n, r) => n + r.records, 0)).toBeGreaterThan(0);
    expect(s.overdueTotal).toBeGreaterThan(0);
    await foldAssistanceTallies(ctx.db);
    await expectKeptEqualsScanned('folded');
    await recountAssistanceTallies(ctx.db);
    await expectKeptEqualsScanned('recounted');
  });

  it('exports the same numbers as a workbook, per region with 合计 and per cadre', async () => {
    const s = (await city.get('/api/assistance/summary')).json();
    const x = await city.get('/api/assistance/summary.xlsx');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const regions: unknown[][] = [];
    wb.getWorksheet('按地区')!.eachRow((row, n) => { if (n >= 3) regions.push([row.getCell(1).value, row.getCell(4).value, row.getCell(7).value]); });
    const sum = (k: string) => s.regions.reduce((n: number, r: Record<string, number>) => n + r[k], 0);
    expect(regions).toEqual([...s.regions.map((r: Record<string, unknown>) => [r.regionName, r.records, r.solved]), ['合计', sum('records'), sum('solved')]]);
    const cadreRows: unknown[][] = [];
    wb.getWorksheet('按帮扶人')!.eachRow((row, n) => { if (n >= 3) cadreRows.push([row.getCell(1).value, row.getCell(3).value]); });
    expect(cadreRows).toEqual(s.cadres.map((c: { displayName: string; records: number }) => [c.displayName, c.records]));
    expect(cadreRows.length).toBeGreaterThan(0);
  });
});
