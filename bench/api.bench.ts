// The API at scale, as users meet it: N households bulk-loaded (`bangfu demo --bulk`) into a
// database of its own, the real server started the production way (`bangfu serve`), a city-union
// user and a county-union user logged in, and every request the list, search, detail, summary and
// what-if pages send measured twice: one at a time (median of 5) and under 50 connections for 10 s
// (autocannon: requests/s, p99, errors and timeouts). Prints a markdown table.
//
//   npm run bench -- api --count 1000000 --db sqlite|pg [--reload] [--duration 10] [--connections 50]
//                        [--only list1,detail] [--data-dir DIR] [--max-single 3000] [--reevaluate [--detail-every MS]] [--scan] [--dibao ROWS]
//
// --scan: runs the duplicate scan (重复建档排查, POST /api/duplicates/scan) as the city user before the
// probes and prints its time; the duplicates probes then list what it found.
//
// --dibao ROWS: imports a city-wide 民政低保名单 of ROWS rows (POST /api/dibao-lists, a UTF-8 CSV:
// about two thirds workers and members of live files, the rest people bangfu does not know) as the
// city user before the probes and prints its time; the dibao probes then list its findings.
//
// --reevaluate (with --only none, without the table): saves a change of the marginal ratio as the city user (so every live
// file is re-evaluated by the background job), and while the job runs asks for one file's detail
// again and again, one request at a time, as a cadre would: prints the job's time and the detail
// requests' median and p99 (--detail-every MS: one request every MS milliseconds, a busy office,
// instead of back to back, which keeps a core busy with the bench and the server). The ratio goes
// back and forth between two values, so the database stays reusable.
//
// A database loaded with the same N is reused (SQLite: DIR/api-N.sqlite, DIR defaulting to
// BANGFU_BENCH_DIR or ~/.cache/bangfu-bench; PostgreSQL: database bangfu_bench_N on
// BANGFU_PG_ADMIN_URL's server); --reload loads it again.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { idCheckChar } from '@bangfu/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'packages/server/bin/bangfu.mjs');
const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' }, db: { type: 'string', default: 'sqlite' }, reload: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, only: { type: 'string' },
    'data-dir': { type: 'string' }, reevaluate: { type: 'boolean', default: false }, scan: { type: 'boolean', default: false }, dibao: { type: 'string' }, 'detail-every': { type: 'string', default: '0' }, singles: { type: 'string', default: '5' }, 'max-single': { type: 'string', default: '3000' },
  },
});
const COUNT = Number(args.count);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const SINGLES = Number(args.singles);
const DETAIL_EVERY = Number(args['detail-every']);
// A request slower than this alone is not run under load: each of the 50 connections would leave one
// behind that the server still answers after the clients gave up (on SQLite one after the other), so
// the next measurement would queue behind minutes of backlog.
const MAX_SINGLE = Number(args['max-single']);
if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error('--count must be a positive whole number');
if (args.db !== 'sqlite' && args.db !== 'pg') throw new Error('--db must be sqlite or pg');
// the demo accounts' password: set when the bench loads the database (DEMO_PASSWORD to reuse one loaded by hand)
const PASSWORD = process.env.DEMO_PASSWORD || 'Bench-Demo-2026';
const dataDir = args['data-dir'] ?? process.env.BANGFU_BENCH_DIR ?? path.join(os.homedir(), '.cache', 'bangfu-bench');
const pgAdmin = process.env.BANGFU_PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const say = (s: string) => console.error(s);

// ---------------------------------------------------------------------------------------------
// The database: reused when it already holds exactly N households from a finished bulk load

interface Target {
  url: string;
  loaded(): Promise<boolean>;
  reset(): Promise<void>;
  /** one filed file in ten exited over the last three years, half of those visited once: what 脱困回访 reads */
  addExits(): Promise<number>;
  /** the first column of a query's rows */
  column(sql: string): Promise<string[]>;
}

/** One finished bulk load of N households (the demo's campaigns add this year's few files after it). */
const bulkLoadOf = (loads: { detail: string }[]) => loads.length === 1 && JSON.parse(loads[0].detail).households === COUNT;

// The bulk load files households but exits none. A real database after some years holds exits, so
// the bench makes them as the lifecycle and the follow-ups would leave the rows (status, exit day,
// end day, the next planned visit and the visits made; the kept counts follow through their
// triggers), with a first follow-up for half of those old enough. Exit days fall on the 1st to the
// 28th, where adding months reads the same in both databases and in core.
const EXITED = `select count(*) as n from households where status = 'exited'`;
interface ExitDates { exit: string; plus: (months: number) => string; today: (days: number) => string }
const exitSqls = (d: ExitDates) => [
  `update households set status = 'exited', exit_reason = '基准测试：脱困', exit_date = ${d.exit}, ended_on = ${d.exit} where status = 'filed' and id % 10 = 3`,
  `update households set follow_up_due_on = ${d.plus(3)}, follow_ups_made = 0 where status = 'exited'`,
  `insert into follow_ups (household_id, region_code, exit_date, date, outcome, note, reopened, recorded_by, recorded_at)
    select id, region_code, exit_date, ${d.plus(3)}, 'stable', '基准测试：回访，家庭情况稳定', 0, 1, '2026-01-01T00:00:00.000Z'
    from households where status = 'exited' and id % 20 = 3 and ${d.plus(3)} <= ${d.today(0)}`,
  `update households set follow_up_due_on = ${d.plus(6)}, follow_ups_made = 1 where status = 'exited' and id % 20 = 3 and ${d.plus(3)} <= ${d.today(0)}`,
];

function sqliteTarget(): Target {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `api-${COUNT}.sqlite`);
  return {
    url: `sqlite:${file}`,
    async loaded() {
      if (!fs.existsSync(file)) return false;
      const db = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        const loads = db.prepare(`select detail from audit_log where action = 'demo.bulkLoad'`).all() as { detail: string }[];
        return bulkLoadOf(loads);
      } catch {
        return false;
      } finally {
        db.close();
      }
    },
    async reset() {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    },
    async addExits() {
      const db = new SQLite(file);
      try {
        if ((db.prepare(EXITED).get() as { n: number }).n > COUNT / 20) return 0;
        const dates: ExitDates = {
          exit: `date('now', '+8 hours', 'start of month', '-' || (id % 36) || ' months', '+' || (id % 28) || ' days')`,
          plus: (m) => `date(exit_date, '+${m} months')`,
          today: (days) => `date('now', '+8 hours', '${days} days')`,
        };
        db.transaction(() => { for (const q of exitSqls(dates)) db.prepare(q).run(); })();
        return (db.prepare(EXITED).get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    async column(q) {
      const db = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(q).raw().all().map((r) => String((r as unknown[])[0]));
      } finally {
        db.close();
      }
    },
  };
}

function pgTarget(): Target {
  const name = `bangfu_bench_${COUNT}`;
  const url = new URL(pgAdmin);
  url.pathname = `/${name}`;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: pgAdmin });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    url: url.toString(),
    async loaded() {
      const exists = await admin((c) => c.query('select 1 from pg_database where datname = $1', [name]));
      if (!exists.rowCount) return false;
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        const loads = await c.query(`select detail from audit_log where action = 'demo.bulkLoad'`);
        return bulkLoadOf(loads.rows);
      } catch {
        return false;
      } finally {
        await c.end();
      }
    },
    async reset() {
      await admin(async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.query(`create database ${name}`);
      });
    },
    async addExits() {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        if (Number((await c.query(EXITED)).rows[0].n) > COUNT / 20) return 0;
        const china = `(now() at time zone 'Asia/Shanghai')::date`;
        const dates: ExitDates = {
          exit: `to_char(date_trunc('month', ${china}) - (id % 36) * interval '1 month' + (id % 28) * interval '1 day', 'YYYY-MM-DD')`,
          plus: (m) => `to_char(exit_date::date + interval '${m} months', 'YYYY-MM-DD')`,
          today: (days) => `to_char(${china} + ${days}, 'YYYY-MM-DD')`,
        };
        await c.query('begin');
        for (const q of exitSqls(dates)) await c.query(q);
        await c.query('commit');
        // as autovacuum would in time: the three updates left a dead row version per change, which
        // index-only scans would visit until then
        await c.query('vacuum (analyze) households');
        await c.query('vacuum (analyze) follow_ups');
        return Number((await c.query(EXITED)).rows[0].n);
      } finally {
        await c.end();
      }
    },
    async column(q) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return (await c.query({ text: q, rowMode: 'array' })).rows.map((r: unknown[]) => String(r[0]));
      } finally {
        await c.end();
      }
    },
  };
}

function run(argv: string[], env: Record<string, string>, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  // BANGFU_BENCH_NODE_ARGS: flags for the server's node (`--cpu-prof`, which NODE_OPTIONS refuses); BANGFU_BENCH_KEEP_LOGS keeps its log
  const nodeArgs = process.env.BANGFU_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, bin, ...argv], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
}

const exited = (p: ChildProcess) => new Promise<number>((resolve) => p.on('exit', (code) => resolve(code ?? 1)));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Session {
  who: string;
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string): Promise<Session> {
  const r = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('bangfu_csrf='))!.split('=')[1];
  return { who: username, cookie: cookies.join('; '), csrf };
}

interface Probe {
  key: string;
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
}

function headers(s: Session, p: Probe): Record<string, string> {
  const h: Record<string, string> = { cookie: s.cookie };
  if (p.method !== 'GET') Object.assign(h, { 'content-type': 'application/json', 'x-csrf-token': s.csrf });
  return h;
}

async function call(base: string, s: Session, p: Probe): Promise<{ ms: number; status: number; json: any }> {
  const t = performance.now();
  const r = await fetch(base + p.path, { method: p.method, headers: headers(s, p), body: p.body === undefined ? undefined : JSON.stringify(p.body) });
  const text = await r.text();
  const ms = performance.now() - t;
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { ms, status: r.status, json };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** What the pages send, with real values (a worker number, identity number and name) read from page 1. */
async function probes(base: string, city: Session, regionCode: string): Promise<Probe[]> {
  const list = `/api/households?page=1&pageSize=20&sort=${encodeURIComponent('updatedAt:desc')}`;
  const first = await call(base, city, { key: '', label: '', method: 'GET', path: `${list}&regionCode=${regionCode}` });
  const item = first.json?.items?.[0];
  if (!item) throw new Error(`no household in ${regionCode}: ${JSON.stringify(first.json).slice(0, 300)}`);
  const detail = await call(base, city, { key: '', label: '', method: 'GET', path: `/api/households/${item.id}` });
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const q = (v: string) => `${list}&q=${encodeURIComponent(v)}`;
  const policy = (await call(base, city, { key: '', label: '', method: 'GET', path: '/api/policy' })).json;
  const ratio = policy?.marginalRatio === '1.4' ? '1.35' : '1.4';
  const line = policy?.lines?.find((l: { regionCode: string; year: number }) => l.regionCode === regionCode && l.year === 2016);
  // the demo's 2016 campaign: its year holds the bulk-loaded files
  const campaigns = (await call(base, city, { key: '', label: '', method: 'GET', path: '/api/campaigns' })).json?.items ?? [];
  const c2016 = campaigns.find((c: { year: number }) => c.year === 2016);
  if (!c2016) throw new Error('no 2016 campaign: the demo load adds it (bangfu demo)');
  // as of yesterday: the bulk load's files were all entered today, so the facets of the steps' days are read and sum to 0
  const asOf = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  // a file of another region moved into this one by the city union: its old number still finds it
  const away = (await call(base, city, { key: '', label: '', method: 'GET', path: `${list}&regionCode=${regionCode === 'H02' ? 'H03' : 'H02'}&status=filed` })).json?.items?.[0];
  const moved = away && await call(base, city, { key: '', label: '', method: 'POST', path: `/api/households/${away.id}/transfer`, body: { toRegionCode: regionCode, reason: '基准测试：全家迁居' } });
  if (!moved || moved.status !== 201) throw new Error(`transferring a file into ${regionCode}: ${moved?.status} ${JSON.stringify(moved?.json).slice(0, 300)}`);
  return [
    { key: 'list1', label: 'list, page 1', method: 'GET', path: list },
    { key: 'list1000', label: 'list, page 1000', method: 'GET', path: list.replace('page=1&', 'page=1000&') },
    { key: 'filter', label: `list, ${regionCode} + 低保户`, method: 'GET', path: `${list}&regionCode=${regionCode}&category=${encodeURIComponent('低保户')}` },
    { key: 'returned', label: 'list, 已退回 (returned drafts)', method: 'GET', path: `${list}&status=draft&returned=true` },
    { key: 'workerNo', label: 'search, exact worker number', method: 'GET', path: q(item.workerNo) },
    { key: 'idNumber', label: 'search, identity number', method: 'GET', path: q(detail.json.idNumber) },
    { key: 'name', label: 'search, name', method: 'GET', path: q(detail.json.name) },
    { key: 'formerNo', label: 'search, a former worker number (transferred)', method: 'GET', path: q(away.workerNo) },
    { key: 'detail', label: 'detail', method: 'GET', path: `/api/households/${item.id}` },
    { key: 'regionSummary', label: '地区汇总 region summary', method: 'GET', path: '/api/reports/region-summary' },
    { key: 'assistance', label: '帮扶统计 assistance summary', method: 'GET', path: `/api/assistance/summary?year=${year}` },
    { key: 'batches', label: '分期分批 batches', method: 'GET', path: '/api/batches' },
    { key: 'whatifRatio', label: 'what-if, ratio (all regions)', method: 'POST', path: '/api/policy/preview', body: { lines: [], marginalRatio: ratio } },
    { key: 'dashboard', label: '工作台 dashboard', method: 'GET', path: '/api/dashboard' },
    { key: 'todos', label: '待办 to-dos', method: 'GET', path: '/api/todos' },
    { key: 'progress', label: 'campaign progress, per region (2016)', method: 'GET', path: `/api/campaigns/${c2016.id}/progress` },
    { key: 'progressUnit', label: `campaign progress, ${regionCode}'s units (2016)`, method: 'GET', path: `/api/campaigns/${c2016.id}/progress?level=unit&parentCode=${regionCode}` },
    { key: 'waiting', label: `list, ${regionCode} 2016 under review (progress link)`, method: 'GET', path: `${list}&regionCode=${regionCode}&fillYear=2016&waitingDays=0` },
    { key: 'unitYear', label: `list, ${regionCode} own files 2016 filed (progress link)`, method: 'GET', path: `${list}&regionCode=${regionCode}&unitId=none&fillYear=2016&status=filed` },
    { key: 'regionSummaryYear', label: '地区汇总 of fill year 2016', method: 'GET', path: '/api/reports/region-summary?year=2016' },
    { key: 'progressAsOf', label: `campaign progress per region, as of ${asOf}`, method: 'GET', path: `/api/campaigns/${c2016.id}/progress?asOf=${asOf}` },
    { key: 'progressUnitAsOf', label: `campaign progress, ${regionCode}'s units, as of ${asOf}`, method: 'GET', path: `/api/campaigns/${c2016.id}/progress?level=unit&parentCode=${regionCode}&asOf=${asOf}` },
    // the list as of today: every file matches its filters (as of yesterday none would, and an empty total skips the page)
    { key: 'filedAsOf', label: `list, ${regionCode} 2016 filed as of today (progress link)`, method: 'GET', path: `${list}&regionCode=${regionCode}&fillYear=2016&asOf=${today}&status=filed` },
    { key: 'assessment', label: '考核 of 2016, county unions', method: 'GET', path: '/api/assessment?year=2016&level=region' },
    { key: 'assessmentUnit', label: '考核 of 2016, required units', method: 'GET', path: '/api/assessment?year=2016&level=unit' },
    { key: 'commendations', label: '表彰 of 2016', method: 'GET', path: '/api/commendations?year=2016' },
    { key: 'followUpsDue', label: '脱困回访, due or overdue, page 1', method: 'GET', path: '/api/follow-ups?due=true&page=1&pageSize=20' },
    { key: 'followUpsPage', label: '脱困回访, all exits, page 100', method: 'GET', path: '/api/follow-ups?page=100&pageSize=20' },
    { key: 'transfers', label: '档案转移, all of the caller\'s', method: 'GET', path: '/api/transfers?box=all' },
    { key: 'duplicates', label: '重复档案, open pairs, page 1', method: 'GET', path: '/api/duplicates?page=1&pageSize=20' },
    { key: 'duplicatesDeep', label: '重复档案, open pairs, page 500', method: 'GET', path: '/api/duplicates?page=500&pageSize=20' },
    { key: 'dibaoFindings', label: '低保核对, open findings, page 1', method: 'GET', path: '/api/dibao-findings?page=1&pageSize=20' },
    { key: 'dibaoFindingsKind', label: '低保核对, listed not declared, page 50', method: 'GET', path: '/api/dibao-findings?kind=listedNotDeclared&page=50&pageSize=20' },
    { key: 'dibaoLists', label: '低保名单记录 (the lists with their open findings)', method: 'GET', path: '/api/dibao-lists' },
    { key: 'dibaoCheck', label: '民政名单核实 of one file', method: 'GET', path: `/api/households/${item.id}/dibao-check` },
    { key: 'followUpsSummary', label: `脱困回访 summary of ${year - 1}`, method: 'GET', path: `/api/follow-ups/summary?year=${year - 1}` },
    {
      key: 'whatifLine', label: `what-if, ${regionCode}'s line`, method: 'POST', path: '/api/policy/preview',
      body: { lines: [{ regionCode, year: 2016, monthlyLine: Math.round((line?.monthlyLine ?? 500) * 1.1) }] },
    },
  ];
}

/** A region user's list is their region's: the page sends regionCode itself. */
function forRegion(p: Probe, regionCode: string): Probe {
  if (!p.path.startsWith('/api/households?') || p.path.includes('regionCode=')) return p;
  return { ...p, path: `${p.path}&regionCode=${regionCode}` };
}

interface Row {
  label: string;
  who: string;
  single: string;
  rps: string;
  p99: string;
  errors: string;
}

async function load(base: string, s: Session, p: Probe): Promise<Pick<Row, 'rps' | 'p99' | 'errors'>> {
  const r = await autocannon({
    url: base + p.path, method: p.method, headers: headers(s, p), body: p.body === undefined ? undefined : JSON.stringify(p.body),
    connections: CONNECTIONS, duration: DURATION, timeout: 10,
  });
  const bad = r.non2xx + r.errors;
  return {
    rps: r.requests.average.toFixed(r.requests.average < 10 ? 1 : 0),
    p99: `${Math.round(r.latency.p99).toLocaleString('en')}`,
    errors: `${bad}${r.timeouts ? ` (${r.timeouts} timeouts)` : ''}`,
  };
}

/** Waits until the server answers a health check promptly again (the load's last requests are done). */
async function drain(base: string) {
  for (;;) {
    const t = performance.now();
    await fetch(`${base}/api/health`).catch(() => undefined);
    if (performance.now() - t < 200) return;
  }
}

// ---------------------------------------------------------------------------------------------

const target = args.db === 'sqlite' ? sqliteTarget() : pgTarget();
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-api-bench-'));
const env = { DATABASE_URL: target.url, DEMO_PASSWORD: PASSWORD, ADMIN_PASSWORD: 'Bench-Admin-2026' };

if (args.reload || !(await target.loaded())) {
  say(`loading ${COUNT} households into ${args.db} (bangfu demo --bulk) …`);
  await target.reset();
  const t = Date.now();
  const code = await exited(run(['demo', '--count', String(COUNT), '--bulk'], env, path.join(logDir, 'load.log')));
  if (code !== 0) throw new Error(`bangfu demo failed (${code}); see ${logDir}/load.log`);
  say(`loaded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
} else say(`reusing the ${args.db} database with ${COUNT} households (--reload to load again)`);

// the production start: the compiled server (npm run build), not TypeScript through tsx
if ((await exited(spawn(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }))) !== 0)
  throw new Error('building the server failed');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const started = Date.now();
const server = run(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' }, path.join(logDir, 'server.log'));
let serverExit: number | null = null;
server.on('exit', (c) => (serverExit = c));
for (;;) {
  if (serverExit !== null) throw new Error(`the server exited (${serverExit}); see ${logDir}/server.log`);
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    /* not yet */
  }
  await new Promise((r) => setTimeout(r, 50));
}
const startSeconds = (Date.now() - started) / 1000;
await new Promise((r) => setTimeout(r, 2000));
const idleRss = rssMB(server.pid!);
say(`server up in ${startSeconds.toFixed(1)} s, idle RSS ${idleRss} MB`);
// after the server's start, whose migrations make the follow-ups' table of an older load
const exits = await target.addExits();
if (exits) say(`exited ${exits.toLocaleString('en')} filed files (one in ten) for 脱困回访, half of the older ones visited once`);

/** A ratio change saved, its re-evaluation job followed to the end, detail requests timed meanwhile. */
async function measureReevaluation(base: string, city: Session, detail: Probe): Promise<string> {
  const policy = (await call(base, city, { key: '', label: '', method: 'GET', path: '/api/policy' })).json;
  const ratio = policy.marginalRatio === '1.3' ? '1.31' : '1.3';
  const t0 = performance.now();
  const saved = await call(base, city, {
    key: '', label: '', method: 'PUT', path: '/api/policy',
    body: { lines: [], marginalRatio: ratio, expectedVersion: policy.version, reason: '基准测试：重新识别全部档案' },
  });
  if (saved.status !== 200 || !saved.json.jobId) throw new Error(`saving the policy: ${saved.status} ${JSON.stringify(saved.json)}`);
  const times: number[] = [];
  let job: any = null;
  let lastPoll = 0;
  for (;;) {
    const started = performance.now();
    times.push((await call(base, city, detail)).ms);
    const rest = DETAIL_EVERY - (performance.now() - started);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    if (performance.now() - lastPoll > 1000) {
      lastPoll = performance.now();
      job = (await call(base, city, { key: '', label: '', method: 'GET', path: `/api/jobs/${saved.json.jobId}` })).json;
      if (job.status === 'done' || job.status === 'failed') break;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
  const pace = DETAIL_EVERY > 0 ? `one every ${DETAIL_EVERY} ms` : 'one at a time';
  const line = `re-evaluation of ${job.total.toLocaleString('en')} files after a ratio change (${policy.marginalRatio} → ${ratio}): ${job.status} in ${seconds.toFixed(1)} s `
    + `(${job.changed.toLocaleString('en')} changed); meanwhile ${times.length} detail requests ${pace}, median ${median(times).toFixed(1)} ms, p99 ${p99.toFixed(0)} ms`;
  say(line);
  return line;
}

/** The duplicate scan, started as the city user and followed to its end. */
async function measureScan(base: string, city: Session): Promise<string> {
  const t0 = performance.now();
  const started = await call(base, city, { key: '', label: '', method: 'POST', path: '/api/duplicates/scan', body: {} });
  if (started.status !== 202) throw new Error(`starting the duplicate scan: ${started.status} ${JSON.stringify(started.json)}`);
  let job: any = null;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    job = (await call(base, city, { key: '', label: '', method: 'GET', path: `/api/jobs/${started.json.jobId}` })).json;
    if (job.status === 'done' || job.status === 'failed') break;
  }
  const open = (await call(base, city, { key: '', label: '', method: 'GET', path: '/api/duplicates?pageSize=1' })).json?.total;
  const line = `duplicate scan of ${COUNT.toLocaleString('en')} files (4 rules): ${job.status} in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${Number(job.changed).toLocaleString('en')} pairs found, ${Number(open).toLocaleString('en')} open`;
  say(line);
  return line;
}

/** A city-wide 民政低保名单 of `wanted` rows, imported as the city user: its time and what it found. */
async function measureDibao(base: string, city: Session, wanted: number): Promise<string> {
  const LIVE = `('draft', 'submitted', 'unitApproved', 'filed')`;
  const workers = await target.column(`select id_number from households where status in ${LIVE} and id % 7 = 0 limit ${Math.round(wanted * 0.45)}`);
  const members = await target.column(`select m.id_number from household_members m join households h on h.id = m.household_id
    where h.status in ${LIVE} and m.id_number is not null and m.id_number <> '' and m.household_id % 13 = 0 limit ${Math.round(wanted * 0.2)}`);
  const known = [...workers, ...members];
  const lines = ['姓名,身份证号,家庭人口,月保障金额,地区'];
  for (let i = 0; i < wanted; i++) {
    // the strangers: valid numbers of another province (51: Sichuan), which no synthetic file has
    const id = i < known.length ? known[i] : (() => { const first17 = `510104${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`; return first17 + idCheckChar(first17); })();
    lines.push(`低保对象${i},${id},${1 + (i % 5)},${500 + (i % 400)},市辖区`);
  }
  const body = new FormData();
  body.append('month', new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7));
  body.append('regionCode', 'H');
  body.append('source', '基准测试：市民政局');
  body.append('file', new Blob([lines.join('\r\n')]), 'dibao.csv');
  const t0 = performance.now();
  const r = await fetch(`${base}/api/dibao-lists`, { method: 'POST', headers: { cookie: city.cookie, 'x-csrf-token': city.csrf }, body });
  const seconds = (performance.now() - t0) / 1000;
  const json = await r.json() as any;
  if (r.status !== 201) throw new Error(`importing the 低保 list: ${r.status} ${JSON.stringify(json).slice(0, 300)}`);
  const f = json.findings;
  const line = `民政低保名单 of ${wanted.toLocaleString('en')} rows (${known.length.toLocaleString('en')} people of the files) against ${COUNT.toLocaleString('en')} files: ${seconds.toFixed(1)} s; `
    + `${Number(json.matchedHouseholds).toLocaleString('en')} households matched; findings: ${f.declaredNotListed.toLocaleString('en')} declared not listed, `
    + `${f.listedNotDeclared.toLocaleString('en')} listed not declared, ${f.listedAboveLine.toLocaleString('en')} listed above the line`;
  say(line);
  return line;
}

let dibaoLine = '';
let scanLine = '';
let reevaluation = '';
const rows: Row[] = [];
try {
  const city = await login(base, 'shizong');
  const region = await login(base, 'h01_tianbiao');
  if (args.scan) scanLine = await measureScan(base, city);
  if (args.dibao) dibaoLine = await measureDibao(base, city, Number(args.dibao));
  const all = await probes(base, city, 'H01');
  const only = args.only ? new Set(args.only.split(',')) : null;
  for (const p of all.filter((x) => !only || only.has(x.key))) {
    for (const s of [city, region]) {
      const probe = s === region ? forRegion(p, 'H01') : p;
      const times: number[] = [];
      let status = 0;
      // a request that takes more than 10 s alone is timed 3 times, not 5 (the table says so)
      for (let i = 0; i < (times[0] > 10_000 ? Math.min(3, SINGLES) : SINGLES); i++) {
        const r = await call(base, s, probe);
        times.push(r.ms);
        status = r.status;
      }
      const row: Row = { label: p.label, who: s === city ? 'city' : 'region', rps: '–', p99: '–', errors: '–', single: status >= 400 ? `${status}${status === 403 ? ' (not allowed)' : ''}` : `${median(times).toFixed(median(times) < 10 ? 1 : 0)}${times.length < SINGLES ? ` (of ${times.length})` : ''}` };
      if (status < 400 && CONNECTIONS > 0) {
        if (median(times) > MAX_SINGLE) Object.assign(row, { rps: `not run (single > ${MAX_SINGLE / 1000} s)`, p99: '–', errors: '–' });
        else {
          Object.assign(row, await load(base, s, probe));
          await drain(base);
        }
      }
      rows.push(row);
      say(`${row.label} (${row.who}): ${row.single} ms single; ${row.rps} req/s, p99 ${row.p99} ms, errors ${row.errors}`);
    }
  }
  if (args.reevaluate) reevaluation = await measureReevaluation(base, city, all.find((p) => p.key === 'detail')!);
} finally {
  server.kill('SIGTERM');
  // a server busy in a synchronous query cannot take SIGTERM until it is done
  const killer = setTimeout(() => server.kill('SIGKILL'), 5000);
  if (serverExit === null) await exited(server);
  clearTimeout(killer);
}

const db = args.db === 'sqlite' ? 'SQLite' : 'PostgreSQL';
console.log(`\n${db}, ${COUNT.toLocaleString('en')} households, ${new Date().toISOString().slice(0, 16)}Z, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; server start ${startSeconds.toFixed(1)} s, idle RSS ${idleRss} MB\n`);
console.log(`| request | user | single (median of ${SINGLES}), ms | ${CONNECTIONS} connections, req/s | p99, ms | errors |`);
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.who} | ${r.single} | ${r.rps} | ${r.p99} | ${r.errors} |`);
if (scanLine) console.log(`\n${scanLine}`);
if (dibaoLine) console.log(`\n${dibaoLine}`);
if (reevaluation) console.log(`\n${reevaluation}`);
if (!process.env.BANGFU_BENCH_KEEP_LOGS) fs.rmSync(logDir, { recursive: true, force: true });
