// The bulk loader: demo and benchmark households by the hundred thousand. It writes the same files
// as the per-file demo (cli/demo.ts) for the same seed — the same synthetic households, worker
// numbers, statuses, review opinions, identification results (core's identify() in JavaScript),
// urgency, removal proposals, responsibility and assistance records — but many rows per statement,
// in one transaction, with the secondary indexes built once at the end (bulk-writer.ts).
//
// What it does not write per file, because the files are synthetic: no version rows (a file's
// history starts at its first real change; a version row with the whole file would be 40% of the
// bytes written) and ONE audit row for the whole load (demo.bulkLoad, with the count, the id range
// and the reason 演示数据（批量生成）) instead of one per step.
import { isDeepStrictEqual } from 'node:util';
import {
  asIsFields, CAUSES, dataWarnings, formatWorkerNo, identify, JINGMEN_CITY, JINGMEN_REGIONS, MAX_SERIAL, parseHousehold, parseYuan, todayInChina,
  type HouseholdData, type HouseholdInput, type IdentifyPolicy, type IdentifyResult,
} from '@bangfu/core';
import type { Db } from '../db/index.js';
import { nowIso } from '../lib/clock.js';
import type { Actor } from '../modules/access/actor.js';
import { appendAudit } from '../modules/audit/audit.repository.js';
import { getAssistanceSettings, type AssistanceSettings } from '../modules/settings/settings.service.js';
import { fileColumns, identificationColumns, memberRows, splitStored, urgencyColumns } from '../modules/households/household.mapping.js';
import { removalReasonOf } from '@bangfu/core';
import { closeQueuedJobs } from '../modules/jobs/jobs.repository.js';
import { insertRegion, setCounter } from '../modules/orgs/orgs.repository.js';
import { continueSequencesAfterMaxId } from '../db/sequences.js';
import { policyFor } from '../modules/policy/policy.repository.js';
import { savePolicy } from '../modules/policy/policy.service.js';
import { createUsers } from '../modules/users/users.service.js';
import { generatePassword } from '../lib/password.js';
import { actorOf, cityLinksAndGroups, ensureDemoUsers, ensureExampleLines, EXAMPLE_LINES_2016, filerOf, reviewerOf, type DemoUsers } from './accounts.js';
import { CITY_OPINION, demoStage, demoVisits, UNIT_OPINION, type DemoStage } from './journey.js';
import { createRng, iterateSyntheticHouseholds, regionWeight } from './synthetic.js';
import { bulkWriter, type BulkWriter, type Row, type Rows } from './bulk-writer.js';
import { LoadCounts } from './bulk.counts.js';

/** The most `bangfu demo` loads at once (5.5 million is the national scale of the ACFTU files). */
export const MAX_BULK_COUNT = 6_000_000;
/** Worker numbers a region may take from a load: 99,999 exist, some stay for people's own files. */
const REGION_ROOM = 90_000;
/** Households built and written per round: bounds the memory, not the transaction. */
const BATCH = 200;
/** Every this many households, the fast conversion is checked against core's parseHousehold. */
const CHECK_EVERY = 97;
export const BULK_REASON = '演示数据（批量生成）';
const LOADED_TABLES = [
  'households', 'household_results', 'household_members', 'household_causes', 'review_opinions', 'removal_proposals',
  'household_links', 'responsibility_changes', 'assistance_records', 'assistance_household_year',
];
/** The tables the generator writes rows of (assistance_household_year's come from the counts). */
const GENERATED_TABLES = LOADED_TABLES.filter((t) => t !== 'assistance_household_year');

export interface BulkLoadResult {
  households: number;
  members: number;
  regions: string[];
  /** set when the demo users were created now */
  users?: DemoUsers;
}

const STATUS_VERSION: Record<DemoStage, number> = { draft: 1, submitted: 2, unitApproved: 3, filed: 4 };

const yuanToFen = (v: unknown): number => {
  // a number that is exactly the double nearest to some fen/100 has at most two decimals
  if (typeof v === 'number') {
    const fen = Math.round(v * 100);
    if (fen / 100 === v && Number.isSafeInteger(fen)) return fen;
  }
  const r = parseYuan(v);
  if (!r.ok) throw new Error(`bulk load: bad amount ${String(v)}`);
  return r.fen;
};

/**
 * The generator's household as core's parseHousehold returns it, without the schema: the generator
 * only makes valid files (its tests parse thousands), and a sample is checked against the schema.
 */
export function syntheticData(h: HouseholdInput): HouseholdData {
  const optionalFen = (v: unknown) => (v === undefined || v === null || v === '' ? 0 : yuanToFen(v));
  return {
    workerNo: null,
    regionCode: h.regionCode,
    unitId: h.unitId || null,
    fillDate: h.fillDate,
    category: h.category,
    modelWorker: h.modelWorker || null,
    ...asIsFields(h),
    idNumber: h.idNumber.toUpperCase(),
    skillLevel: h.skillLevel || null,
    ownAnnualIncome: yuanToFen(h.ownAnnualIncome),
    householdAnnualIncome: yuanToFen(h.householdAnnualIncome),
    householdAnnualExpense: yuanToFen(h.householdAnnualExpense),
    medicalExpense: optionalFen(h.medicalExpense),
    tuitionExpense: optionalFen(h.tuitionExpense),
    accidentExpense: optionalFen(h.accidentExpense),
    lostWorkCapacity: h.lostWorkCapacity ?? false,
    otherHardship: h.otherHardship || null,
    rightsInfringed: h.rightsInfringed ?? false,
    wantsToStartBusiness: h.wantsToStartBusiness ?? false,
    members: (h.members ?? []).map((m) => ({
      name: m.name,
      relation: m.relation,
      gender: m.gender,
      education: m.education,
      idNumber: m.idNumber ? m.idNumber.toUpperCase() : null,
      health: m.health,
      disabilityGrade: m.disabilityGrade || '无',
      annualIncome: yuanToFen(m.annualIncome),
      occupation: m.occupation,
      unitOrSchool: m.unitOrSchool || null,
      skillLevel: m.skillLevel || null,
    })),
    causes: CAUSES.filter((c) => h.causes.includes(c)),
    causeDescription: h.causeDescription || null,
    needs: h.needs || null,
    measures: h.measures || null,
  } as HouseholdData;
}

function checkedData(h: HouseholdInput, check: boolean): HouseholdData {
  const data = syntheticData(h);
  if (check) {
    const r = parseHousehold(h);
    if (!r.ok) throw new Error(`bulk load: a generated household fails the schema: ${JSON.stringify(r.errors[0])}`);
    // as JSON (an absent key and an undefined one alike), in any key order
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    if (!isDeepStrictEqual(plain(r.data), plain(data))) throw new Error(`bulk load: the fast conversion differs from parseHousehold for ${h.idNumber}`);
  }
  return data;
}

/**
 * The eight Jingmen regions, and as many more (H09, H10 …, 演示地区) as keep every region within
 * REGION_ROOM worker numbers, given the regions' weights and the numbers already taken.
 */
export function regionsFor(count: number, taken: ReadonlyMap<string, number> = new Map(), extraWeight = extraRegionWeight(count, taken)): string[] {
  const codes = fitRegions(count, taken, extraWeight);
  if (!codes) throw new Error(`bulk load: ${count} households do not fit in 99 regions`);
  return codes;
}

/**
 * How often each region beyond Jingmen's eight is drawn: 10, as the generator's default, unless
 * 99 regions of 10 would leave 市直 (25) more files than worker numbers (the national 5.5 million).
 */
export function extraRegionWeight(count: number, taken: ReadonlyMap<string, number> = new Map()): number {
  for (const weight of [10, 25, 50, 100]) if (fitRegions(count, taken, weight)) return weight;
  throw new Error(`bulk load: ${count} households do not fit in 99 regions`);
}

/** The fewest regions (Jingmen's eight, then H09, H10 …) that hold `count` more households, or null beyond 99. */
function fitRegions(count: number, taken: ReadonlyMap<string, number>, extraWeight: number): string[] | null {
  const codes: string[] = JINGMEN_REGIONS.map((r) => r.code);
  for (;;) {
    const total = codes.reduce((s, c) => s + regionWeight(c, extraWeight), 0);
    // the expected share plus five standard deviations of the draw
    const fits = codes.every((c) => {
      const p = regionWeight(c, extraWeight) / total;
      return (taken.get(c) ?? 0) + count * p + 5 * Math.sqrt(count * p) + 50 <= REGION_ROOM;
    });
    if (fits) return codes;
    if (codes.length >= 99) return null;
    codes.push(`H${String(codes.length + 1).padStart(2, '0')}`);
  }
}

interface RegionActors {
  filer: Actor;
  reviewer: Actor;
}

/** Regions beyond Jingmen's eight, with counters, lines (500 yuan, 示例) and two accounts each. */
async function ensureExtraRegions(db: Db, regions: string[], city: Actor): Promise<void> {
  const at = nowIso();
  const missingLines: { regionCode: string; year: number; monthlyLine: number }[] = [];
  const accounts: Record<string, string>[] = [];
  for (const [i, code] of regions.entries()) {
    if (JINGMEN_REGIONS.some((r) => r.code === code)) continue;
    const org = await db.selectFrom('orgs').select('code').where('code', '=', code).executeTakeFirst();
    if (!org) {
      await insertRegion(db, { code, name: `演示地区${code}`, parentCode: JINGMEN_CITY.code, sort: i + 1, at });
    }
    for (const username of [filerOf(code), reviewerOf(code)]) {
      const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (!u)
        accounts.push({
          username, password: generatePassword(16), orgCode: code, role: 'region',
          displayName: `演示地区${code}${username === filerOf(code) ? '填报员' : '审核员'}`,
        });
    }
    const line = await db.selectFrom('policy_lines').select('region_code').where('region_code', '=', code).where('year', '=', 2016).executeTakeFirst();
    if (!line) missingLines.push({ regionCode: code, year: 2016, monthlyLine: 500 });
  }
  await createUsers(db, null, accounts); // two per added region, their password hashes side by side
  if (missingLines.length)
    await savePolicy(db, city, null, { lines: missingLines, reason: '演示数据：演示地区的示例低保标准' }, { example: true });
}

/** Identity numbers of the live files already in the database: workers (a repeat is skipped) and everyone (warnings). */
async function liveIdNumbers(db: Db): Promise<{ workers: Set<string>; everyone: Set<string> }> {
  const workers = new Set<string>();
  const everyone = new Set<string>();
  const live = ['removed', 'exited'];
  for (const r of await db.selectFrom('households').select('id_number').where('status', 'not in', live).execute()) {
    workers.add(r.id_number);
    everyone.add(r.id_number);
  }
  const members = await db.selectFrom('household_members').innerJoin('households', 'households.id', 'household_members.household_id')
    .select('household_members.id_number').where('household_members.id_number', 'is not', null).where('households.status', 'not in', live).execute();
  for (const r of members) everyone.add(r.id_number!);
  return { workers, everyone };
}

export interface LoadContext {
  at: string;
  city: Actor;
  actors: Map<string, RegionActors>;
  policies: Map<string, IdentifyPolicy>;
  assistance: AssistanceSettings;
  serials: Map<string, number>;
  existing: { workers: Set<string>; everyone: Set<string> };
  nextId: number;
  filedIds: number[];
  today: string;
}

/** All rows of one batch, table by table, as sent to the writer (and from the generator's thread). */
export interface BatchRows {
  tables: [string, Rows][];
  households: number;
  members: number;
}

/** All rows of one batch, table by table. */
class Batch {
  readonly tables = new Map<string, Rows>(GENERATED_TABLES.map((t) => [t, { cols: [], values: [] }]));
  households = 0;
  members = 0;
  /** One row, given as one or more objects whose keys are its columns (no merged copy is made). */
  add(table: string, ...parts: Row[]) {
    const t = this.tables.get(table)!;
    // every row of a table is built by the same code, so its keys come in the same order
    if (t.cols.length === 0) t.cols = parts.flatMap((p) => Object.keys(p));
    const v = t.values;
    for (const p of parts) for (const k in p) v.push(p[k]);
  }
  rows(): BatchRows {
    return { tables: [...this.tables], households: this.households, members: this.members };
  }
}

/** What the generation needs, read from the database before the load (copied into the generator's thread). */
export interface GenerateInput {
  count: number;
  seed: number;
  journeySeed: number;
  regions: string[];
  /** the draw's weight of a region beyond Jingmen's eight (extraRegionWeight) */
  extraWeight: number;
  lines: Record<string, number>;
  ctx: LoadContext;
}

/** The generation's counters after the last batch. */
export type GenerateEnd = Pick<LoadContext, 'serials' | 'filedIds' | 'nextId'>;

/** The rows of the households to load, batch by batch, in the order of the synthetic generator. */
export function* generateBatches(input: GenerateInput): Generator<BatchRows, GenerateEnd, undefined> {
  const { ctx } = input;
  const journey = createRng(input.journeySeed);
  let batch = new Batch();
  let n = 0;
  for (const h of iterateSyntheticHouseholds(input.count, input.seed, input.regions, input.lines, input.extraWeight)) {
    const data = checkedData(h, n++ % CHECK_EVERY === 0);
    // a generated worker may already have a live file; skip it, as the per-file demo does
    if (ctx.existing.workers.has(data.idNumber)) continue;
    addHousehold(batch, ctx, data, demoStage(journey), journey);
    if (++batch.households >= BATCH) {
      yield batch.rows();
      batch = new Batch();
    }
  }
  if (batch.households) yield batch.rows();
  return { serials: ctx.serials, filedIds: ctx.filedIds, nextId: ctx.nextId };
}

/** Where the batches are generated: here, or in a thread (bulk.thread.ts), where the next are made on the second core while one is written. */
export type Generate = (input: GenerateInput) => AsyncGenerator<BatchRows, GenerateEnd, undefined>;

async function* generateInProcess(input: GenerateInput): AsyncGenerator<BatchRows, GenerateEnd, undefined> {
  const g = generateBatches(input);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    yield r.value;
  }
}

function opinionRow(id: number, fileVersion: number, level: 'unit' | 'city', author: Actor, opinion: string, at: string): Row {
  return {
    household_id: id, file_version: fileVersion, level, decision: 'agree', opinion,
    author_id: author.id, author_name: author.displayName, org_code: author.orgCode, org_name: author.orgName, at,
  };
}

/** The rows of one household at the end of its demo journey. */
function addHousehold(batch: Batch, ctx: LoadContext, data: HouseholdData, stage: DemoStage, rng: ReturnType<typeof createRng>) {
  const { at } = ctx;
  const id = ctx.nextId++;
  const region = data.regionCode;
  const serial = (ctx.serials.get(region) ?? 0) + 1;
  if (serial > MAX_SERIAL) throw new Error(`bulk load: region ${region} has no worker numbers left`);
  ctx.serials.set(region, serial);
  const workerNo = formatWorkerNo(region, serial);
  const stored: HouseholdData = { ...data, workerNo };
  const { filer, reviewer } = ctx.actors.get(region)!;
  const version = STATUS_VERSION[stage];
  const key = `${region}/${stored.fillDate.slice(0, 4)}`;
  const policy = ctx.policies.get(key);
  if (!policy) throw new Error(`bulk load: no policy read for ${key}`);
  const result: IdentifyResult = identify(stored, policy);
  const elsewhere = new Set<string>();
  if (ctx.existing.everyone.size) {
    if (ctx.existing.everyone.has(stored.idNumber)) elsewhere.add(stored.idNumber);
    for (const m of stored.members) if (m.idNumber && ctx.existing.everyone.has(m.idNumber)) elsewhere.add(m.idNumber);
  }
  const warnings = dataWarnings(stored, elsewhere);
  const visits = stage === 'filed' ? demoVisits(rng, ctx.today) : [];
  let lastAssisted: string | null = null;
  for (const v of visits) if (!lastAssisted || v.date > lastAssisted) lastAssisted = v.date;
  const updatedBy = stage === 'filed' ? ctx.city : stage === 'unitApproved' ? reviewer : filer;
  const outcome = splitStored({ ...identificationColumns(result, version, at), ...urgencyColumns(stored, result, ctx.assistance) });
  batch.add('households', { id }, fileColumns(stored), {
    worker_no: workerNo, status: stage, removal_reason: null, removed_at: null,
    warnings: JSON.stringify(warnings), warning_count: warnings.length, version,
    created_by: filer.id, created_at: at, created_on: ctx.today, updated_by: updatedBy.id, updated_at: at,
    submitted_at: stage === 'draft' ? null : at, submitted_by: stage === 'draft' ? null : filer.id, return_reason: null,
    exit_reason: null, exit_date: null,
    // the review steps' days (migration 024): a demo file went through its steps the day it was loaded
    submitted_on: stage === 'draft' ? null : ctx.today, approved_on: version >= 3 ? ctx.today : null, filed_on: stage === 'filed' ? ctx.today : null, ended_on: null,
    leader_user_id: stage === 'filed' ? reviewer.id : null, cadre_user_id: stage === 'filed' ? filer.id : null,
    last_assisted_on: lastAssisted,
  }, outcome.file as Row);
  batch.add('household_results', { household_id: id }, outcome.result as Row);
  for (const m of memberRows(id, stored.members)) batch.add('household_members', m as Row);
  batch.members += stored.members.length;
  for (const cause of stored.causes) batch.add('household_causes', { household_id: id, cause });
  if (version >= 3) batch.add('review_opinions', opinionRow(id, 2, 'unit', reviewer, UNIT_OPINION, at));
  if (version >= 4) batch.add('review_opinions', opinionRow(id, 3, 'city', ctx.city, CITY_OPINION, at));
  if (stage !== 'filed') return;
  ctx.filedIds.push(id);
  if (result.eligible === false)
    batch.add('removal_proposals', {
      household_id: id, region_code: region, status: 'pending', created_at: at,
      reason: removalReasonOf(result), result: JSON.stringify(result), file_version: version, policy_version: result.policy.version,
    });
  batch.add('household_links', { household_id: id, user_id: reviewer.id, kind: 'leader', created_at: at });
  batch.add('household_links', { household_id: id, user_id: filer.id, kind: 'cadre', created_at: at });
  batch.add('responsibility_changes', {
    household_id: id, old_leader_id: null, new_leader_id: reviewer.id, old_cadre_id: null, new_cadre_id: filer.id, reason: null, changed_by: filer.id, changed_at: at,
  });
  for (const v of visits)
    batch.add('assistance_records', {
      household_id: id, region_code: region, date: v.date, year: Number(v.date.slice(0, 4)), type: v.type,
      amount_fen: v.amount === undefined ? null : yuanToFen(v.amount), description: v.description, solved_problem: v.solvedProblem ? 1 : 0,
      recorded_by: filer.id, recorded_at: at,
    });
}

/**
 * Loads `count` demo households (and the demo accounts, example lines and, beyond what Jingmen's
 * eight regions hold, more regions). Households whose worker already has a live file are skipped,
 * as the per-file demo skips them.
 */
export async function bulkLoadDemo(
  db: Db, count: number, opts: { seed?: number; demoPassword?: string; log?: (line: string) => void; generate?: Generate } = {},
): Promise<BulkLoadResult> {
  const seed = opts.seed ?? 20160322;
  const log = opts.log ?? (() => {});
  const begun = Date.now();
  const existingCount = Number((await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const lastJob = Number((await db.selectFrom('jobs').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const users = await ensureDemoUsers(db, opts.demoPassword);
  const city = await actorOf(db, 'shizong');
  await ensureExampleLines(db, city);
  const counters = new Map((await db.selectFrom('worker_no_counters').select(['region_code', 'last_serial']).execute()).map((r) => [r.region_code, r.last_serial]));
  const extraWeight = extraRegionWeight(count, counters);
  const regions = regionsFor(count, counters, extraWeight);
  await ensureExtraRegions(db, regions, city);
  for (const r of regions) if (!counters.has(r)) counters.set(r, 0);
  // the lines just saved queued re-evaluations of no file: the files below are identified under them
  if (existingCount === 0) await closeQueuedJobs(db, 'reevaluate', lastJob);
  const maxId = Number((await db.selectFrom('households').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const actors = new Map<string, RegionActors>();
  for (const r of regions) actors.set(r, { filer: await actorOf(db, filerOf(r)), reviewer: await actorOf(db, reviewerOf(r)) });
  const policies = new Map<string, IdentifyPolicy>();
  // the generator fills in 2016 unless told otherwise
  for (const r of regions) policies.set(`${r}/2016`, await policyFor(db, r, 2016));
  const lines: Record<string, number> = { ...EXAMPLE_LINES_2016 };
  for (const r of regions) lines[r] = (policies.get(`${r}/2016`)!.monthlyLineFen ?? 50_000) / 100;
  const ctx: LoadContext = {
    at: nowIso(), city, actors, policies, assistance: await getAssistanceSettings(db), serials: counters,
    existing: existingCount ? await liveIdNumbers(db) : { workers: new Set(), everyone: new Set() },
    nextId: maxId + 1, filedIds: [], today: todayInChina(),
  };

  const input: GenerateInput = { count, seed: seed + existingCount, journeySeed: seed + 7, regions, extraWeight, lines, ctx };

  const w = bulkWriter(db);
  const started = Date.now();
  log(`  accounts, regions and lines: ${((started - begun) / 1000).toFixed(1)} s`);
  const cpu0 = process.cpuUsage();
  let created = 0;
  let members = 0;
  await w.run(LOADED_TABLES, async () => {
    const batches = (opts.generate ?? generateInProcess)(input);
    // the kept counts of the loaded files, counted here while the thread generates the next batch
    const counts = new LoadCounts();
    let writing: Promise<void> = Promise.resolve();
    let next: IteratorResult<BatchRows, GenerateEnd>;
    try {
      next = await batches.next();
      while (!next.done) {
        const batch = next.value;
        batch.tables.push(['assistance_household_year', counts.addBatch(batch)]);
        const prepared = await w.prepare(batch.tables);
        await writing;
        writing = w.write(prepared);
        writing.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
        const before = created;
        created += batch.households;
        members += batch.members;
        if (Math.floor(created / 100_000) > Math.floor(before / 100_000)) log(`  ${created} households, ${Math.round((Date.now() - started) / 1000)} s`);
        next = await batches.next();
      }
      await writing;
    } catch (e) {
      // a failed write stops the generation too (its thread would otherwise wait for room forever)
      await batches.return(undefined as never).catch(() => undefined);
      throw e;
    }
    // the generation's own counters, where it ran in a thread on a copy of the context
    Object.assign(ctx, next.value);
    for (const [table, rows] of counts.tables()) await w.insert(table, rows);
    log(`  ${created} households written, building indexes (${Math.round((Date.now() - started) / 1000)} s)`);
    const q = w.query();
    for (const [region, serial] of ctx.serials) await setCounter(q, region, serial);
    if (w.dialect === 'postgres') await continueSequencesAfterMaxId(q, LOADED_TABLES);
    await appendAudit(q, {
      userId: city.id, username: city.username, action: 'demo.bulkLoad', entity: 'household',
      detail: { households: created, members, firstId: maxId + 1, lastId: ctx.nextId - 1, regions, reason: BULK_REASON }, ip: null,
    });
  }, log);
  const cpu = process.cpuUsage(cpu0);
  log(`  load: ${((Date.now() - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
  if (users) await cityLinksAndGroups(db, city, ctx.filedIds);
  log(`  links and groups: ${((Date.now() - started) / 1000).toFixed(1)} s after the load began`);
  return { households: created, members, regions, users };
}

