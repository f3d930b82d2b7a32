// The demo's campaigns, so that the 工作台, the progress and the 上报 pages are alive on first start:
//  - the seed's 2016 campaign 「万名工会干部进万企帮万户」, its phases and the 6月20日 (data) and
//    6月30日 (report) deadlines, with the submissions of that June: most on time, two late, one
//    returned and resubmitted, and one large enterprise that never submitted; its 调研报告 (demo/reports.ts)
//    and a published 通报 (demo/bulletins.ts);
//  - a campaign of the current year in progress, with this year's files (some in units, some
//    waiting for review, some returned), a data deadline in five days and a few submissions.
// Everything goes through the services, so it is validated and audited like real work.
import { addDays, JINGMEN_REGIONS, todayInChina, type HouseholdInput } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { AppError } from '../lib/errors.js';
import type { Actor } from '../modules/access/actor.js';
import { campaignRows } from '../modules/campaigns/campaigns.repository.js';
import { createCampaign, saveBaselines } from '../modules/campaigns/campaigns.service.js';
import { decide, submit } from '../modules/campaigns/submissions.service.js';
import { createHousehold } from '../modules/households/households.service.js';
import { reviewHousehold, submitHousehold } from '../modules/households/lifecycle.service.js';
import { actorOf, EXAMPLE_LINES_CURRENT, filerOf, reviewerOf } from './accounts.js';
import { CITY_OPINION, UNIT_OPINION } from './journey.js';
import { createRng, syntheticHousehold } from './synthetic.js';
import { DEMO_UNITS, ensureDemoUnits } from './units.js';
import { seedDemoReports } from './reports.js';
import { seedDemoBulletins } from './bulletins.js';
import { seedDemoAssessment } from './assessment.js';
import { seedDemoFollowUps } from './follow-ups.js';
import { seedDemoTransfers } from './transfers.js';
import { seedDemoDuplicates } from './duplicates.js';
import { seedDemoDibao } from './dibao.js';

const REGIONS = JINGMEN_REGIONS.map((r) => r.code);
/** 10:00 in China on a day, as the ISO time a submission records. */
const chinaMorning = (day: string, hour = 10) => new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();

/** The seed's campaign as the city union would enter it. */
function campaign2016(required: string[]) {
  return {
    name: '万名工会干部进万企帮万户', year: 2016, startDate: '2016-03-01', endDate: '2016-12-31',
    phases: [
      { name: '前期准备', startDate: '2016-03-01', endDate: '2016-03-20' },
      { name: '集中实施', startDate: '2016-03-21', endDate: '2016-07-15' },
      { name: '运用成果', startDate: '2016-07-16', endDate: '2016-12-31' },
    ],
    deadlines: [
      { kind: 'data' as const, label: '精准帮扶数据汇总（电子版）', dueDate: '2016-06-20' },
      { kind: 'report' as const, label: '调研报告', dueDate: '2016-06-30' },
    ],
    requiredOrgCodes: required,
  };
}

/** 2016: who submitted when (China days), the city's decision the next day. */
const JUNE_2016: { org: string; on: string; decision: 'accept' | 'return'; opinion?: string; again?: string }[] = [
  { org: 'H01', on: '2016-06-15', decision: 'accept' },
  { org: 'H02', on: '2016-06-24', decision: 'accept' },
  { org: 'H03', on: '2016-06-16', decision: 'return', opinion: '部分户缺少家庭成员身份证号，请补充后重新上报', again: '2016-06-19' },
  { org: 'H04', on: '2016-06-18', decision: 'accept' },
  { org: 'H05', on: '2016-06-20', decision: 'accept' },
  { org: 'H06', on: '2016-06-17', decision: 'accept' },
  { org: 'H07', on: '2016-06-28', decision: 'accept' },
  { org: 'H08', on: '2016-06-16', decision: 'accept' },
  { org: '中石化荆门分公司工会', on: '2016-06-19', decision: 'accept' },
  // 荆门热电厂工会 never submitted: the 2016 campaign lists it as late
];

export interface DemoCampaigns { campaigns: number; currentYearFiles: number }

/** Adds the demo's campaigns once (none when any campaign exists); returns what it added. */
export async function seedDemoCampaigns(db: Db, opts: { seed?: number; currentYearFiles?: number; assessment?: boolean; followUps?: boolean } = {}): Promise<DemoCampaigns> {
  if ((await campaignRows(db)).length) return { campaigns: 0, currentYearFiles: 0 };
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const city = await actorOf(db, 'shizong');
  const units = await ensureDemoUnits(db);
  const large = DEMO_UNITS.filter((u) => u.largeEnterprise);
  const required = [...REGIONS, ...large.map((u) => units.get(u.name)!)];
  const submitter = async (org: string): Promise<Actor> => {
    const unit = large.find((u) => u.name === org);
    return actorOf(db, unit ? unit.account! : filerOf(org));
  };

  // ---- 2016 -------------------------------------------------------------------------------
  const c16 = await createCampaign(db, city, campaign2016(required));
  await saveBaselines(db, city, String(c16.id), { items: REGIONS.map((r, i) => ({ orgCode: r, households: 40 + 7 * i })) });
  for (const s of JUNE_2016) {
    const by = await submitter(s.org);
    const first = await submit(db, by, String(c16.id), { note: '已按要求汇总本地区困难职工数据' }, { at: chinaMorning(s.on) });
    await decide(db, city, String(first.id), { decision: s.decision, opinion: s.opinion }, { at: chinaMorning(addDays(s.on, 1), 15) });
    if (s.again) {
      const second = await submit(db, by, String(c16.id), { note: '已补充家庭成员身份证号' }, { at: chinaMorning(s.again) });
      await decide(db, city, String(second.id), { decision: 'accept' }, { at: chinaMorning(addDays(s.again, 1), 9) });
    }
  }
  await seedDemoReports(db, c16.id, city, submitter, (org) => units.get(org) ?? org);

  // ---- this year ----------------------------------------------------------------------------
  const files = await currentYearFiles(db, city, opts.currentYearFiles ?? 60, opts.seed ?? 2026, addDays(today, -80), today, units);
  const start = addDays(today, -90);
  const c = await createCampaign(db, city, {
    name: `${year}年困难职工档案动态更新`, year, startDate: start, endDate: addDays(today, 45),
    phases: [
      { name: '动员部署', startDate: start, endDate: addDays(start, 14) },
      { name: '入户核查建档', startDate: addDays(start, 15), endDate: addDays(today, 5) },
      { name: '帮扶落实', startDate: addDays(today, 6), endDate: addDays(today, 45) },
    ],
    deadlines: [
      { kind: 'data', label: '困难职工档案数据上报', dueDate: addDays(today, 5) },
      { kind: 'report', label: '工作总结', dueDate: addDays(today, 20) },
    ],
    requiredOrgCodes: required,
  });
  await saveBaselines(db, city, String(c.id), { items: REGIONS.map((r, i) => ({ orgCode: r, households: 12 + 3 * i })) });
  const h04 = await submit(db, await submitter('H04'), String(c.id), { note: '本地区档案已全部复核' });
  await decide(db, city, String(h04.id), { decision: 'accept' });
  await submit(db, await submitter('H01'), String(c.id), { note: '请市总审核' });
  const h07 = await submit(db, await submitter('H07'), String(c.id), {});
  await decide(db, city, String(h07.id), { decision: 'return', opinion: '还有待单位审核的档案未处理完，请审核后重新上报' });
  await seedDemoBulletins(db, city, { y2016: c16.id, current: c.id }, await Promise.all(['H01', 'H03', 'H04'].map(submitter)));
  if (opts.assessment !== false) await seedDemoAssessment(db, city, year);
  // exits of 2016 files and their follow-ups: after the assessment, which counts the filed files
  if (opts.followUps !== false) await seedDemoFollowUps(db);
  if (opts.followUps !== false) await seedDemoTransfers(db);
  if (opts.followUps !== false) await seedDemoDuplicates(db);
  if (opts.followUps !== false) await seedDemoDibao(db);
  return { campaigns: 2, currentYearFiles: files };
}

/** This year's files: filled between `from` and `to`, half of them in a unit, at every step of the review path. */
async function currentYearFiles(db: Db, city: Actor, count: number, seed: number, from: string, to: string, units: Map<string, string>): Promise<number> {
  const rng = createRng(seed);
  let made = 0;
  for (let i = 0; i < count; i++) {
    const region = REGIONS[i % REGIONS.length];
    const regionUnits = DEMO_UNITS.filter((u) => u.parentCode === region).map((u) => units.get(u.name)!);
    const fillDate = addDays(from, rng.int(0, Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000))));
    const h: HouseholdInput = {
      ...syntheticHousehold(rng, { regionCode: region, fillDate, monthlyLine: EXAMPLE_LINES_CURRENT[region] }),
      unitId: regionUnits.length && rng.next() < 0.5 ? rng.pick(regionUnits) : null,
    };
    const filer = await actorOf(db, filerOf(region));
    const reviewer = await actorOf(db, reviewerOf(region));
    try {
      const file = await createHousehold(db, filer, h);
      made++;
      const step = rng.next();
      if (step < 0.1) continue; // a draft
      await submitHousehold(db, filer, file.id);
      if (step < 0.2) {
        await reviewHousehold(db, reviewer, file.id, { level: 'unit', decision: 'return', opinion: '请补充医疗费用票据' });
        continue;
      }
      if (step < 0.35) continue; // 待单位审核
      await reviewHousehold(db, reviewer, file.id, { level: 'unit', decision: 'agree', opinion: UNIT_OPINION });
      if (step < 0.45) continue; // 待市总审核
      await reviewHousehold(db, city, file.id, { level: 'city', decision: 'agree', opinion: CITY_OPINION });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'DUPLICATE_ID_NUMBER')) throw e;
    }
  }
  return made;
}
