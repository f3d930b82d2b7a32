// Excel exchange at scale: seeds N synthetic households straight into a fresh database (bulk SQL,
// not the service, so that a million take minutes), then measures the export of all of them
// (time, file size, peak memory) and optionally the import check of that export (all unchanged).
//
//   npm run bench -- --count 1000000 [--db sqlite|pg] [--check] [--commit] [--skip-raw]
//
// --commit imports the export into a second, empty database and times the commit (the server's
// job, batch by batch) while another reader asks for a file every 25 ms, as a user would.
//
// Results go to stdout as one JSON line per measurement; docs/PERFORMANCE.md keeps the numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formatWorkerNo, parseHousehold } from '@bangfu/core';
import { migrateToLatest, openDb, type Db } from '../packages/server/src/db/index.js';
import { seedOrgs } from '../packages/server/src/modules/orgs/orgs.repository.js';
import { fileColumns, memberRows } from '../packages/server/src/modules/households/household.mapping.js';
import { iterateSyntheticHouseholds } from '../packages/server/src/demo/synthetic.js';
import { exportHouseholds } from '../packages/server/src/modules/exchange/export.workbook.js';
import { analyzeImport } from '../packages/server/src/modules/exchange/import.analyze.js';
import { drainSheet } from '../packages/server/src/modules/exchange/workbook.layout.js';
import { importCommitJob } from '../packages/server/src/modules/exchange/import.jobs.js';
import { JobRunner } from '../packages/server/src/modules/jobs/jobs.runner.js';
import { createJob } from '../packages/server/src/modules/jobs/jobs.repository.js';
import { loadJson } from '../packages/server/src/modules/households/households.service.js';
import ExcelJS from 'exceljs';
import type { Actor } from '../packages/server/src/modules/access/actor.js';

const { values } = parseArgs({ options: {
  count: { type: 'string', default: '100000' }, db: { type: 'string', default: 'sqlite' }, check: { type: 'boolean', default: false },
  commit: { type: 'boolean', default: false }, 'skip-raw': { type: 'boolean', default: false },
} });
const COUNT = Number(values.count);
// 8 Jingmen regions hold at most 8 × 99,999 worker numbers; a bigger set uses more regions, as another city would
const REGIONS = Array.from({ length: Math.max(8, Math.ceil(COUNT / 50_000)) }, (_, i) => `H${String(i + 1).padStart(2, '0')}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-bench-'));

function peakTracker() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(t), Math.max(peak, process.memoryUsage().rss)) };
}
const mb = (n: number) => Math.round(n / 1024 / 1024);
const report = (what: string, data: Record<string, unknown>) => console.log(JSON.stringify({ what, db: values.db, count: COUNT, ...data }));

async function openTarget(suffix = ''): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (values.db === 'sqlite') {
    const file = path.join(work, `bench${suffix}.sqlite`);
    return { db: openDb({ kind: 'sqlite', file }), drop: async () => {} };
  }
  const admin = process.env.BANGFU_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bangfu_bench_${process.pid}${suffix}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    db: openDb({ kind: 'postgres', url: url.toString() }),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

/**
 * The export's cells read back and, with `dest`, written again by exceljs' streaming writer alone
 * (no database, no mapping; the same writer options and the same wait for the zip as the export):
 * the floor a streaming export of these cells cannot go below. Returns the seconds.
 */
async function rawCopy(src: string, dest: string | null): Promise<number> {
  const t = Date.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(src, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  const writer = dest ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: dest, useStyles: true, useSharedStrings: false }) : null;
  for await (const ws of reader) {
    const sheet = writer?.addWorksheet((ws as unknown as { name: string }).name);
    let n = 0;
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      if (!sheet) continue;
      sheet.addRow((row.values as ExcelJS.CellValue[]).slice(1)).commit();
      if (++n % 1000 === 0) await drainSheet(sheet);
    }
    sheet?.commit();
  }
  await writer?.commit();
  return (Date.now() - t) / 1000;
}

/** With BENCH_PROFILE=file.cpuprofile, a V8 CPU profile of what runs until the returned stop (the commit alone). */
async function startProfile(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return async () => {};
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** Seconds of CPU the whole machine has spent busy since boot (Linux /proc/stat; 0 elsewhere). */
function machineBusy(): number {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = ticks[3] + (ticks[4] ?? 0);
    return (ticks.reduce((a, b) => a + b, 0) - idle) / 100;
  } catch {
    return 0;
  }
}

/** The Jingmen organizations, the extra regions a big set needs, and the bench's city user. */
async function prepare(db: Db): Promise<Actor> {
  await migrateToLatest(db);
  await seedOrgs(db);
  const at = new Date().toISOString();
  for (const code of REGIONS.slice(8)) {
    await db.insertInto('orgs').values({ code, name: `测试地区${code}`, parent_code: 'H', kind: 'region', active: 1, sort: 100, created_at: at }).execute();
    await db.insertInto('worker_no_counters').values({ region_code: code, last_serial: 0 }).execute();
  }
  const { id } = await db.insertInto('users').values({
    username: 'bench', password_hash: 'x', display_name: '基准测试', role: 'city', org_code: 'H', active: 1, failed_logins: 0, locked_until: null,
    created_at: at,
  } as never).returning('id').executeTakeFirstOrThrow();
  return { id: Number(id), username: 'bench', displayName: '基准测试', role: 'city', orgCode: 'H', orgName: '荆门市总工会', ip: null };
}

async function newImport(db: Db, actor: Actor, status: 'analyzing' | 'committing'): Promise<number> {
  const { id } = await db.insertInto('imports').values({
    file_name: 'export.xlsx', files: '[]', status, file_error: null, good_rows_only: null, created_count: null, updated_count: null,
    skipped_count: null, job_id: null, created_by: actor.id, created_at: new Date().toISOString(), analyzed_at: null, committed_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/**
 * The export imported into an empty database: the check, then the commit as the server runs it
 * (its job, batch by batch) while a reader asks for a random written file every 25 ms. The
 * reader's time counts from when it meant to ask, so a request held up by the commit counts whole.
 */
async function commitBench(file: string) {
  const target = await openTarget('_import');
  try {
    const db = target.db;
    const actor = await prepare(db);
    const importId = await newImport(db, actor, 'analyzing');
    let t = Date.now();
    const c = await analyzeImport(db, importId, actor, [{ path: file, name: 'export.xlsx' }]);
    report('import-check-new', { seconds: (Date.now() - t) / 1000, new: c.new, errors: c.errorLines });
    await db.updateTable('imports').set({ status: 'committing', good_rows_only: 0, rows: c.rows, new_count: c.new, changed_count: c.changed,
      unchanged_count: c.unchanged, error_count: c.error, error_lines: c.errorLines, warning_count: c.warnings }).where('id', '=', importId).execute();
    await createJob(db, { kind: 'import.commit', params: { importId }, createdBy: actor.id });
    const runner = new JobRunner(db, { 'import.commit': importCommitJob }, { info() {}, error: (o: unknown) => console.error(o) });
    const waits: number[] = [];
    let reading = true;
    const reader = (async () => {
      let due = Date.now();
      while (reading) {
        due += 25;
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
        const max = await db.selectFrom('households').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
        if (max?.m == null) continue;
        await loadJson(db, actor, 1 + Math.floor(Math.random() * Number(max.m)));
        waits.push(Date.now() - due);
        due = Math.max(due, Date.now());
      }
    })();
    t = Date.now();
    const cpu = process.cpuUsage();
    const machine = machineBusy();
    const profile = await startProfile();
    runner.kick();
    await runner.idle();
    await runner.stop();
    await profile();
    const seconds = (Date.now() - t) / 1000;
    const nodeCpu = process.cpuUsage(cpu);
    const busy = machineBusy() - machine;
    reading = false;
    await reader;
    const done = await db.selectFrom('imports').select(['status', 'created_count', 'file_error']).where('id', '=', importId).executeTakeFirstOrThrow();
    waits.sort((a, b) => a - b);
    const pct = (p: number) => waits[Math.min(waits.length - 1, Math.floor(waits.length * p))];
    report('import-commit', {
      seconds, perSecond: Math.round(c.new / seconds), status: done.status, created: Number(done.created_count), error: done.file_error,
      reads: waits.length, readP50ms: pct(0.5), readP99ms: pct(0.99), readMaxMs: waits[waits.length - 1],
      // where the time went: this process's CPU, and the whole machine's (the database server's is most of the rest)
      nodeCpuSeconds: Number(((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)), machineCpuSeconds: Number(busy.toFixed(1)),
    });
  } finally {
    await target.db.destroy();
    await target.drop();
  }
}

async function seed(db: Db, userId: number) {
  const at = new Date().toISOString();
  const serial = new Map<string, number>();
  let batch: { h: ReturnType<typeof parseHousehold> & { ok: true } }[] = [];
  const flush = async () => {
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('households').values(batch.map(({ h }) => {
        const n = (serial.get(h.data.regionCode) ?? 0) + 1;
        serial.set(h.data.regionCode, n);
        return {
          ...fileColumns(h.data), worker_no: formatWorkerNo(h.data.regionCode, n), status: 'filed', removal_reason: null, removed_at: null,
          warnings: '[]', warning_count: 0, version: 1, created_by: userId, created_at: at, updated_by: userId, updated_at: at,
        };
      })).returning('id').execute();
      const members = batch.flatMap(({ h }, i) => memberRows(Number(ids[i].id), h.data.members));
      for (let i = 0; i < members.length; i += 500) await trx.insertInto('household_members').values(members.slice(i, i + 500)).execute();
      const causes = batch.flatMap(({ h }, i) => h.data.causes.map((cause) => ({ household_id: Number(ids[i].id), cause })));
      for (let i = 0; i < causes.length; i += 1000) await trx.insertInto('household_causes').values(causes.slice(i, i + 1000)).execute();
    });
    batch = [];
  };
  const t = Date.now();
  let i = 0;
  for (const input of iterateSyntheticHouseholds(COUNT, 2026, REGIONS)) {
    // round robin, so that no region runs out of its 99,999 worker numbers
    const h = parseHousehold({ ...input, regionCode: REGIONS[i++ % REGIONS.length] });
    if (!h.ok) throw new Error(JSON.stringify(h.errors));
    batch.push({ h });
    if (batch.length === 200) await flush();
  }
  if (batch.length) await flush();
  report('seed', { seconds: (Date.now() - t) / 1000 });
}

const { db, drop } = await openTarget();
try {
  const actor = await prepare(db);
  await seed(db, actor.id);

  const out = path.join(work, 'export.xlsx');
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  report('baseline', { rssMB: mb(baseline) });
  let peak = peakTracker();
  let t = Date.now();
  const r = await exportHouseholds(db, actor, {}, out);
  const exportSeconds = (Date.now() - t) / 1000;
  report('export', { seconds: exportSeconds, households: r.households, members: r.members, fileMB: mb(fs.statSync(out).size), peakRssMB: mb(peak.stop()) });

  if (!values['skip-raw']) {
    // the target: the export within 1.3 × a raw exceljs write of the same cells, measured in the same run
    // (reading the cells back is timed alone and taken off the copy's time)
    const read = await rawCopy(out, null);
    peak = peakTracker();
    const copy = await rawCopy(out, path.join(work, 'raw.xlsx'));
    const raw = copy - read;
    report('raw-exceljs-write', { seconds: Number(raw.toFixed(1)), readSeconds: read, copySeconds: copy, exportOverRaw: Number((exportSeconds / raw).toFixed(2)), peakRssMB: mb(peak.stop()) });
    fs.rmSync(path.join(work, 'raw.xlsx'), { force: true });
  }

  if (values.check) {
    const importId = await newImport(db, actor, 'analyzing');
    peak = peakTracker();
    t = Date.now();
    const c = await analyzeImport(db, importId, actor, [{ path: out, name: 'export.xlsx' }]);
    report('import-check', { seconds: (Date.now() - t) / 1000, unchanged: c.unchanged, errors: c.errorLines, peakRssMB: mb(peak.stop()) });
  }
  if (values.commit) await commitBench(out);
} finally {
  await db.destroy();
  await drop();
  fs.rmSync(work, { recursive: true, force: true });
}
