// Demo data: example lines, demo users for each role, and households spread over the review path
// (most 已建档, some waiting for review, a few drafts). Up to BULK_THRESHOLD households are filed
// one by one through the normal services, so they are versioned and audited like real ones; more
// (or --bulk) go through the bulk loader (demo/bulk.ts), which writes the same files in big batches.
import { parseArgs } from 'node:util';
import { JINGMEN_REGIONS } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { createHousehold } from '../modules/households/households.service.js';
import { reviewHousehold, submitHousehold } from '../modules/households/lifecycle.service.js';
import type { Actor } from '../modules/access/actor.js';
import { AppError } from '../lib/errors.js';
import { createRng, syntheticHouseholds } from '../demo/synthetic.js';
import { addRecord } from '../modules/assistance/records.service.js';
import { setResponsibility } from '../modules/assistance/responsibility.service.js';
import {
  actorOf, cityLinksAndGroups, ensureDemoUsers, ensureExampleLines, EXAMPLE_LINES_2016, filerOf, reviewerOf, type DemoUsers,
} from '../demo/accounts.js';
import { CITY_OPINION, demoStage, demoVisits, UNIT_OPINION } from '../demo/journey.js';
import { bulkLoadDemo, MAX_BULK_COUNT, type GenerateInput } from '../demo/bulk.js';
import { batchesFromThread } from '../demo/bulk.thread.js';
import { seedDemoCampaigns } from '../demo/campaigns.js';

export { EXAMPLE_LINES_2016 };

/** Above this many households `bangfu demo` uses the bulk loader (the per-file path files ~70 a second). */
export const BULK_THRESHOLD = 5_000;

export interface DemoResult {
  households: number;
  /** set when the demo users were created now */
  users?: DemoUsers;
}

export const DEMO_SEED = 20160322;

export async function seedDemo(db: Db, count: number, opts: { seed?: number; demoPassword?: string } = {}): Promise<DemoResult> {
  const seed = opts.seed ?? DEMO_SEED;
  const users = await ensureDemoUsers(db, opts.demoPassword);
  const city = await actorOf(db, 'shizong');
  await ensureExampleLines(db, city);
  const existing = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const filers = new Map<string, Actor>();
  const reviewers = new Map<string, Actor>();
  for (const r of JINGMEN_REGIONS) {
    filers.set(r.code, await actorOf(db, filerOf(r.code)));
    reviewers.set(r.code, await actorOf(db, reviewerOf(r.code)));
  }
  const rng = createRng(seed + 7);
  let created = 0;
  const filedIds: number[] = [];
  for (const h of syntheticHouseholds(count, seed + Number(existing.n), undefined, EXAMPLE_LINES_2016)) {
    try {
      const file = await createHousehold(db, filers.get(h.regionCode)!, h);
      created++;
      // most files have been through both reviews; some wait at each step; a few are drafts
      const stage = demoStage(rng);
      if (stage === 'draft') continue;
      await submitHousehold(db, filers.get(h.regionCode)!, file.id);
      if (stage === 'submitted') continue;
      await reviewHousehold(db, reviewers.get(h.regionCode)!, file.id, { level: 'unit', decision: 'agree', opinion: UNIT_OPINION });
      if (stage === 'unitApproved') continue;
      await reviewHousehold(db, city, file.id, { level: 'city', decision: 'agree', opinion: CITY_OPINION });
      filedIds.push(file.id);
      await assist(db, rng, filers.get(h.regionCode)!, reviewers.get(h.regionCode)!, file.id);
    } catch (e) {
      // a generated worker may collide with one already on file; skip it
      if (!(e instanceof AppError && e.code === 'DUPLICATE_ID_NUMBER')) throw e;
    }
  }
  if (users) await cityLinksAndGroups(db, city, filedIds);
  return { households: created, users };
}

/** Responsibility and a few assistance records, so the quota, summary and overdue pages have content. */
async function assist(db: Db, rng: ReturnType<typeof createRng>, cadre: Actor, leader: Actor, id: number) {
  await setResponsibility(db, cadre, id, { leaderUsername: leader.username, cadreUsername: cadre.username });
  for (const visit of demoVisits(rng)) await addRecord(db, cadre, id, visit);
}

/** `bangfu demo [--count N] [--bulk]`, on a migrated database. */
export async function demoCommand(db: Db, argv: string[], log: (line: string) => void, entry?: string): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { count: { type: 'string', default: '300' }, bulk: { type: 'boolean', default: false }, seed: { type: 'string' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_BULK_COUNT) throw new Error(`--count must be a whole number from 1 to ${MAX_BULK_COUNT}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const demoPassword = process.env.DEMO_PASSWORD;
  let demo: DemoResult;
  if (values.bulk || count > BULK_THRESHOLD) {
    const started = Date.now();
    // the CLI generates the files in a thread (the `bangfu` script again) while it writes
    const generate = entry ? (input: GenerateInput) => batchesFromThread(entry, input) : undefined;
    const r = await bulkLoadDemo(db, count, { seed, demoPassword, log, generate });
    demo = r;
    log(`批量生成 bulk-loaded ${r.households} households, ${r.members} members over ${r.regions.length} regions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else demo = await seedDemo(db, count, { seed, demoPassword });
  const campaigns = await seedDemoCampaigns(db, { seed });
  log(`已生成演示数据 created ${demo.households} demo households; 专项行动 campaigns: ${campaigns.campaigns} (with ${campaigns.currentYearFiles} files of this year)`);
  if (demo.users) log(`演示账号 demo users: ${demo.users.usernames.join(', ')}; 密码 password: ${demo.users.password}`);
}
