// Excel exchange at scale: seeds N synthetic households straight into a fresh database (bulk SQL,
// not the service, so that a million take minutes), then measures the export of all of them
// (time, file size, peak memory) and optionally the import check of that export (all unchanged).
//
//   npm run bench -- --count 1000000 [--db sqlite|pg] [--check]
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
import ExcelJS from 'exceljs';
import type { Actor } from '../packages/server/src/modules/access/actor.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, db: { type: 'string', default: 'sqlite' }, check: { type: 'boolean', default: false } } });
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

async function openTarget(): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (values.db === 'sqlite') {
    const file = path.join(work, 'bench.sqlite');
    return { db: openDb({ kind: 'sqlite', file }), drop: async () => {} };
  }
  const admin = process.env.BANGFU_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bangfu_bench_${process.pid}`;
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

async function seed(db: Db, userId: number) {
  const at = new Date().toISOString();
  for (const code of REGIONS.slice(8)) {
    await db.insertInto('orgs').values({ code, name: `测试地区${code}`, parent_code: 'H', kind: 'region', active: 1, sort: 100, created_at: at }).execute();
    await db.insertInto('worker_no_counters').values({ region_code: code, last_serial: 0 }).execute();
  }
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
  await migrateToLatest(db);
  await seedOrgs(db);
  const { id } = await db.insertInto('users').values({
    username: 'bench', password_hash: 'x', display_name: '基准测试', role: 'city', org_code: 'H', active: 1, failed_logins: 0, locked_until: null,
    created_at: new Date().toISOString(),
  } as never).returning('id').executeTakeFirstOrThrow();
  const actor: Actor = { id: Number(id), username: 'bench', displayName: '基准测试', role: 'city', orgCode: 'H', orgName: '荆门市总工会', ip: null };
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

  // the target: the export within 1.3 × a raw exceljs write of the same cells, measured in the same run
  // (reading the cells back is timed alone and taken off the copy's time)
  const read = await rawCopy(out, null);
  peak = peakTracker();
  const copy = await rawCopy(out, path.join(work, 'raw.xlsx'));
  const raw = copy - read;
  report('raw-exceljs-write', { seconds: Number(raw.toFixed(1)), readSeconds: read, copySeconds: copy, exportOverRaw: Number((exportSeconds / raw).toFixed(2)), peakRssMB: mb(peak.stop()) });
  fs.rmSync(path.join(work, 'raw.xlsx'), { force: true });

  if (values.check) {
    const { id: importId } = await db.insertInto('imports').values({
      file_name: 'export.xlsx', files: '[]', status: 'analyzing', file_error: null, good_rows_only: null, created_count: null, updated_count: null,
      skipped_count: null, job_id: null, created_by: actor.id, created_at: new Date().toISOString(), analyzed_at: null, committed_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    peak = peakTracker();
    t = Date.now();
    const c = await analyzeImport(db, Number(importId), actor, [{ path: out, name: 'export.xlsx' }]);
    report('import-check', { seconds: (Date.now() - t) / 1000, unchanged: c.unchanged, errors: c.errorLines, peakRssMB: mb(peak.stop()) });
  }
} finally {
  await db.destroy();
  await drop();
  fs.rmSync(work, { recursive: true, force: true });
}
