// `npx bangfu <command>`: migrate, serve, start, user add, demo, identify, print, template, import, export, audit verify.
import cluster from 'node:cluster';
import fs from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { describeTarget, migrateToLatest, openDb, type Db } from '../db/index.js';
import { buildApp, type AppOptions } from '../app.js';
import { seedOrgs } from '../modules/orgs/orgs.repository.js';
import { createUser, ensureAdmin } from '../modules/users/users.service.js';
import { auditAnchor, ensureAuditKeyed, useAuditKey, verifyAuditChain, type AuditAnchor } from '../modules/audit/audit.repository.js';
import { loadAuditKey } from '../modules/audit/audit.key.js';
import { backupDatabase, BackupProblem, restoreDatabase } from '../db/backup.js';
import { AppError } from '../lib/errors.js';
import { demoCommand, seedDemo, type DemoResult } from './demo.js';
import { seedDemoCampaigns } from '../demo/campaigns.js';
import { identifyStream } from './identify.js';
import { exportCommand, importCommand, templateCommand } from './exchange.js';
import { applyRetention } from '../modules/privacy/retention.service.js';
import { tallyDifferences } from '../modules/households/tally.repository.js';
import { assistanceTallyDifferences } from '../modules/assistance/assistance-tally.repository.js';
import { printCommand } from './print.js';
import { isReaderThread, readBatchesInThread, runReaderThread } from '../modules/households/reevaluate.reader.js';
import { isGeneratorThread, runGeneratorThread } from '../demo/bulk.thread.js';

const HELP = `bangfu — 城镇困难职工精准帮扶档案系统

用法 usage: npx bangfu <command> [options]

  start                 migrate, create the admin, seed demo data if the database is empty, serve
  serve                 migrate, create the admin if missing, serve (no demo data)
  migrate               bring the database schema up to date
  demo [--count 300] [--bulk]
                        add demo households over the eight regions; above 5000 (or with --bulk)
                        through the bulk loader (one transaction, indexes built at the end; H09, H10 …
                        added when the eight regions' worker numbers would not suffice)
  user add --username U --password P --display-name 名字 --org H01 [--role admin|city|region]
  identify [--line 500] < households.jsonl
                        one household JSON a line in, one identification result a line out
                        (without --line: the stored policy of each file's region and year)
  print WORKER_NO OUT.pdf
                        the survey form (调查表) of one file as a PDF (identity numbers in full; audited as cli)
  print --region H01 [--status filed] OUT.pdf
                        the forms of every file of a region (at most 2000) in one PDF
  audit verify [--anchors FILE]
                        check the audit log's chain: every break, and the anchors kept outside
  audit anchor          print the chain's head as one JSON line, to keep outside the database
  tally --check         compare the kept counts (households, assistance) with a full recount; exit code 1 when
                        they differ (a minute at a million households)
  retention [--years 5] [--apply]
                        保存期限: files removed or exited more than N years ago (default 5) — list them per
                        region, and with --apply erase their personal data for good (audited per file)
  backup FILE           the whole database in one consistent snapshot (gzip'd JSON lines), while it runs
  restore FILE          replace this database with a backup (same program version; stop the server first)
  template OUT.xlsx     write the Excel import template (sheets 职工, 家庭成员, drop-down lists)
  import FILE [MEMBERS.csv] [--commit] [--good-rows-only] [--user U]
                        check a workbook (.xlsx) or CSV (UTF-8/GBK): print the reconciliation
                        (new / changed / unchanged) and every bad row; write only with --commit
                        (exit code 2 when there are bad rows and nothing was written)
  export OUT.xlsx [--region H01] [--status filed] [--user U]
                        the files as a workbook in the template layout (masked per the user's role)
  (import/export act as --user, or as the built-in city-level account "cli"; both are audited)

Environment: PORT (3000), HOST (0.0.0.0), WEB_CONCURRENCY (server processes; one per core), DATABASE_URL (sqlite:./data/bangfu.sqlite by default,
or postgres://user@host/db), ADMIN_PASSWORD (the first admin's password; generated and printed when unset),
BANGFU_PDF_FONT (a Chinese TTF/TTC/OTF for the printed forms; Noto Sans SC from npm by default).`;

async function prepare(config: Config): Promise<Db> {
  const db = openDb(config.db);
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`数据库已升级 migrated: ${applied.join(', ')}`);
  await seedOrgs(db);
  useAuditKey(loadAuditKey(config));
  await ensureAuditKeyed(db);
  return db;
}

/**
 * `bangfu serve|start`. With WEB_CONCURRENCY above 1 (the default on a machine with several cores)
 * the first process prepares the database (migrations, admin, demo data) and then runs that many
 * server processes that share the port (node:cluster) and one that runs the background jobs,
 * restarting one that dies. They share all
 * state through the database: sessions, login locks, jobs (leased, taken over when a process dies),
 * the audit chain; on SQLite in WAL mode (many readers, one writer at a time, waited for).
 */
async function serve(config: Config, withDemo: boolean): Promise<void> {
  if (cluster.isWorker) return serveWorker(config);
  const db = await prepare(config);
  const admin = await ensureAdmin(db, config.adminPassword);
  let demoUsers: DemoResult['users'];
  if (withDemo) {
    const n = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n.n) === 0) {
      const demo = await seedDemo(db, 300, { demoPassword: process.env.DEMO_PASSWORD });
      demoUsers = demo.users;
      const campaigns = await seedDemoCampaigns(db);
      console.log(`已生成演示数据 demo data: ${demo.households + campaigns.currentYearFiles} 户，专项行动 ${campaigns.campaigns} 个`);
    }
  }
  const workers = config.webConcurrency ?? 1;
  let port: number;
  if (workers > 1) {
    await db.destroy();
    port = await startWorkers(workers);
  } else {
    const app = await listen(config, db);
    port = (app.server.address() as { port: number }).port;
  }
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log('');
  console.log(`  帮扶系统已启动  http://${shown}:${port}/`);
  console.log(`  数据库 database: ${describeTarget(config.db)}${workers > 1 ? `；${workers} 个服务进程 server processes (WEB_CONCURRENCY)` : ''}`);
  if (admin.generatedPassword) {
    console.log(`  管理员账号 login: admin   密码 password: ${admin.generatedPassword}`);
    console.log('  （密码只显示这一次，请妥善保存 — shown once, keep it safe）');
  } else if (admin.created) console.log('  管理员账号 login: admin   密码 password: ADMIN_PASSWORD 的值');
  else console.log('  管理员账号 login: admin（密码为首次启动时设置的密码）');
  if (demoUsers) {
    console.log(`  演示账号 demo users (密码 password: ${demoUsers.password}):`);
    console.log('    shizong 市总工会 · lingdao 领导小组 · liang, wangfzx 市总领导 · zhaogb 机关干部 · h01_tianbiao / h01_shenhe 京山填报员 / 审核员（h02…h08 同理） · shihua_gonghui, redian_gonghui 大中型企事业单位工会');
  }
  console.log(`  API 文档 docs: http://${shown}:${port}/api/docs`);
  console.log('');
}

type WorkerRole = 'web' | 'jobs';

/**
 * The jobs process allocates in bursts (an import's batch of 200 files, a re-evaluation's page):
 * a young generation of 64 MB instead of V8's 16 scavenges a quarter as often. Measured on an
 * import's commit: 20% less CPU, 11% less time (docs/PERFORMANCE.md). scripts/bench.mjs gives the
 * exchange benchmark the same flag when it times a commit.
 */
export const JOBS_EXEC_ARGV = ['--max-semi-space-size=64'];
const KICK_JOBS = 'bangfu:kick-jobs';

/**
 * Forks the server processes and one process for the background jobs (it answers no request: a
 * re-evaluation's batches, synchronous on SQLite, would hold up every request of the process that
 * ran them); resolves with the port once the first server process listens. A server process that
 * queued a job tells the jobs process through this one. A process that dies is replaced.
 */
function startWorkers(n: number): Promise<number> {
  let stopping = false;
  const roles = new Map<number, WorkerRole>();
  const jobsWorker = () => Object.values(cluster.workers ?? {}).find((w) => w && roles.get(w.id) === 'jobs');
  const fork = (role: WorkerRole) => {
    cluster.setupPrimary({ execArgv: role === 'jobs' ? [...process.execArgv, ...JOBS_EXEC_ARGV] : process.execArgv });
    const w = cluster.fork({ BANGFU_WORKER: role });
    roles.set(w.id, role);
    w.on('message', (m) => {
      if (m === KICK_JOBS) jobsWorker()?.send(KICK_JOBS);
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker.id) ?? 'web';
    roles.delete(worker.id);
    if (stopping) return;
    console.error(`${role === 'jobs' ? '后台任务进程' : '服务进程'} ${worker.process.pid} 退出 (${signal ?? code})，正在重启 — ${role} process exited, restarting`);
    fork(role);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const left = () => Object.keys(cluster.workers ?? {}).length;
    const wait = setInterval(() => {
      if (left() === 0) process.exit(0);
    }, 50);
    setTimeout(() => process.exit(0), 10_000).unref();
    wait.unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (let i = 0; i < n; i++) fork('web');
  fork('jobs');
  return new Promise((resolve) => cluster.once('listening', (_w, address) => resolve(address.port)));
}

/** One process of several: the database was prepared by the first process. */
async function serveWorker(config: Config): Promise<void> {
  const db = openDb(config.db);
  useAuditKey(loadAuditKey(config));
  if (process.env.BANGFU_WORKER === 'jobs') return runJobs(config, db);
  await listen(config, db, { jobsElsewhere: () => process.send?.(KICK_JOBS) });
}

/** The jobs process: the app without a port (its job runner resumes and polls), kicked by the others. */
async function runJobs(config: Config, db: Db): Promise<void> {
  readReevaluationsInThread(config);
  const app = await closedOnSignal(db, await buildApp({ config, db }));
  await app.ready();
  process.on('message', (m) => {
    if (m === KICK_JOBS) app.jobs.kick();
  });
}

/** The app on its port, closed (requests and jobs finished, database released) on SIGINT or SIGTERM. */
async function listen(config: Config, db: Db, opts: Pick<AppOptions, 'jobsElsewhere'> = {}) {
  if (!opts.jobsElsewhere) readReevaluationsInThread(config);
  const app = await closedOnSignal(db, await buildApp({ config, db, ...opts }));
  await app.listen({ port: config.port, host: config.host });
  return app;
}

/** A process that runs jobs reads a re-evaluation's next batch in a thread while it writes the last (a second core). */
function readReevaluationsInThread(config: Config): void {
  // the thread is this command again (the `bangfu` script, compiled or through tsx), told what it is by workerData
  const entry = fs.realpathSync(process.argv[1]);
  readBatchesInThread(entry, config.db, (msg, err) => console.error(msg, err));
}

/** On SIGINT or SIGTERM the app finishes its requests and jobs and releases the database. */
async function closedOnSignal<A extends { close(): Promise<unknown> }>(db: Db, app: A): Promise<A> {
  const close = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  return app;
}

export async function main(argv: string[]): Promise<void> {
  // started again as a re-evaluation's reader thread (readBatchesInThread)
  if (!isMainThread && isReaderThread(workerData)) return runReaderThread(workerData, parentPort!);
  // started again as the bulk loader's generator thread (cli/demo.ts)
  if (!isMainThread && isGeneratorThread(workerData)) return runGeneratorThread(workerData, parentPort!);
  const [cmd, sub] = argv;
  try {
    const config = loadConfig();
    switch (cmd) {
      case 'start':
        return await serve(config, true);
      case 'serve':
        return await serve(config, false);
      case 'migrate': {
        const db = await prepare(config);
        console.log(`数据库已是最新 schema up to date (${describeTarget(config.db)})`);
        await db.destroy();
        return;
      }
      case 'demo': {
        const db = await prepare(config);
        await ensureAdmin(db, config.adminPassword);
        try {
          await demoCommand(db, argv.slice(1), (l) => console.log(l), fs.realpathSync(process.argv[1]));
        } finally {
          await db.destroy();
        }
        return;
      }
      case 'user': {
        if (sub !== 'add') throw new Error('usage: bangfu user add --username U --password P --display-name N --org H01 [--role region]');
        const { values } = parseArgs({
          args: argv.slice(2),
          options: { username: { type: 'string' }, password: { type: 'string' }, 'display-name': { type: 'string' }, org: { type: 'string' }, role: { type: 'string' } },
        });
        const db = await prepare(config);
        const u = await createUser(db, null, { username: values.username, password: values.password, displayName: values['display-name'], orgCode: values.org, role: values.role });
        console.log(`已创建用户 created user ${u.username} (${u.role}, ${u.orgCode})`);
        await db.destroy();
        return;
      }
      case 'identify': {
        const { values } = parseArgs({ args: argv.slice(1), options: { line: { type: 'string' } } });
        const db = values.line === undefined ? await prepare(config) : undefined;
        const r = await identifyStream(process.stdin, (s) => process.stdout.write(`${s}\n`), { line: values.line, db });
        await db?.destroy();
        console.error(`identified ${r.ok}, invalid ${r.failed}`);
        return;
      }
      case 'print': {
        const db = await prepare(config);
        try {
          const r = await printCommand(db, argv.slice(1));
          console.log(`已生成调查表 wrote ${r.count} form(s) to ${r.out}`);
        } finally {
          await db.destroy();
        }
        return;
      }
      case 'tally': {
        if (sub !== '--check') throw new Error('usage: bangfu tally --check');
        const db = await prepare(config);
        try {
          const diffs = [...await tallyDifferences(db), ...await assistanceTallyDifferences(db)];
          for (const d of diffs.slice(0, 50)) console.log(`  ${d}`);
          console.log(diffs.length ? `计数不一致 ${diffs.length} kept count(s) differ from a recount` : '计数一致 the kept counts equal a full recount');
          if (diffs.length) process.exitCode = 1;
        } finally {
          await db.destroy();
        }
        return;
      }
      case 'retention': {
        const { values } = parseArgs({ args: argv.slice(1), options: { years: { type: 'string' }, apply: { type: 'boolean', default: false } } });
        const db = await prepare(config);
        try {
          const r = await applyRetention(db, { years: values.years === undefined ? undefined : Number(values.years), apply: values.apply });
          console.log(`保存期限：${r.cutoff} 之前剔除或脱困的档案 files ended before ${r.cutoff}: ${r.total}`);
          for (const x of r.byRegion) console.log(`  ${x.regionCode}  剔除 removed ${x.removed}  脱困 exited ${x.exited}`);
          console.log(r.applied ? `已删除个人信息 erased the personal data of ${r.total} file(s)` : '未删除（加 --apply 执行删除） nothing erased: add --apply to erase');
        } finally {
          await db.destroy();
        }
        return;
      }
      case 'backup':
      case 'restore': {
        if (!sub) throw new Error(`usage: bangfu ${cmd} FILE`);
        const db = await prepare(config);
        try {
          const r = cmd === 'backup' ? await backupDatabase(db, sub) : await restoreDatabase(db, sub);
          const total = Object.values(r.tables).reduce((a, b) => a + b, 0);
          console.log(`${cmd === 'backup' ? '已备份 backed up' : '已恢复 restored'} ${total} rows in ${Object.keys(r.tables).length} tables ${cmd === 'backup' ? 'to' : 'from'} ${r.file}; households ${r.tables.households ?? 0}, audit rows ${r.tables.audit_log ?? 0}`);
        } catch (e) {
          if (e instanceof BackupProblem) {
            console.error(`${e.userMessage} (${e.message})`);
            process.exitCode = 2;
          } else throw e;
        } finally {
          await db.destroy();
        }
        return;
      }
      case 'audit': {
        if (sub === 'anchor') {
          // one JSON line: keep it outside the database (print it, mail it, append it to a file elsewhere)
          const db = await prepare(config);
          console.log(JSON.stringify(await auditAnchor(db)));
          await db.destroy();
          return;
        }
        if (sub !== 'verify') throw new Error('usage: bangfu audit verify [--anchors FILE] | bangfu audit anchor');
        const { values } = parseArgs({ args: argv.slice(2), options: { anchors: { type: 'string' } } });
        const anchors = values.anchors
          ? fs.readFileSync(values.anchors, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as AuditAnchor)
          : undefined;
        const db = await prepare(config);
        const r = await verifyAuditChain(db, { anchors });
        await db.destroy();
        if (r.ok) console.log(`审计链完整 the chain holds: ${r.rows} rows${anchors ? `, ${anchors.length} anchors` : ''}`);
        else {
          console.log(`审计链断裂 the chain is broken at ${r.breakCount} place(s):`);
          for (const b of r.breaks) console.log(`  row ${b.id}: ${b.reason}`);
          process.exitCode = 1;
        }
        return;
      }
      case 'template': {
        if (!sub) throw new Error('usage: bangfu template OUT.xlsx');
        return await templateCommand(sub, (l) => console.log(l));
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args: argv.slice(1), allowPositionals: true,
          options: { commit: { type: 'boolean', default: false }, 'good-rows-only': { type: 'boolean', default: false }, user: { type: 'string' } },
        });
        const db = await prepare(config);
        const code = await importCommand(db, positionals, { commit: values.commit!, goodRowsOnly: values['good-rows-only']!, user: values.user, uploadDir: config.uploadDir! }, (l) => console.log(l));
        await db.destroy();
        process.exitCode = code;
        return;
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: argv.slice(1), allowPositionals: true, options: { region: { type: 'string' }, status: { type: 'string' }, user: { type: 'string' } },
        });
        if (positionals.length !== 1) throw new Error('usage: bangfu export OUT.xlsx [--region H01] [--status filed] [--user U]');
        const db = await prepare(config);
        await exportCommand(db, positionals[0], values, (l) => console.log(l));
        await db.destroy();
        return;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return;
      default:
        console.error(`unknown command "${cmd}"\n\n${HELP}`);
        process.exitCode = 2;
    }
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`错误 ${e.code}: ${e.userMessage}`);
      for (const f of e.fieldErrors ?? []) console.error(`  ${f.path}: ${f.message}`);
    } else console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
