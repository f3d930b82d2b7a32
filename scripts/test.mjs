#!/usr/bin/env node
// `npm test`: runs the Vitest projects of vitest.config.ts that can run on this machine.
//
//   npm test                       every project (core, web, api-sqlite, api-pg, office, e2e)
//   npm test -- packages/core      extra arguments go to `vitest run` (file filters, -t, --project …)
//
// - api-pg needs PostgreSQL at BANGFU_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// - office needs LibreOffice Calc and Writer (soffice and lowriter on PATH, or SOFFICE_PATH);
// - e2e needs Chromium at CHROMIUM_PATH (default /usr/bin/chromium); e2e/global-setup.ts builds the
//   web app first unless BANGFU_SKIP_BUILD=1.
// A missing one is left out with a NOTICE, or is an error when CI=true or BANGFU_REQUIRE_ALL=1.
//
// The last line printed is always `N passed, N failed[, N skipped]` (see scripts/summary-reporter.ts);
// the exit code is Vitest's, and never 0 when that line shows a failure.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALL_PROJECTS = ['core', 'web', 'api-sqlite', 'api-pg', 'office', 'e2e'];
const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const strict = process.env.CI === 'true' || process.env.BANGFU_REQUIRE_ALL === '1';
const strictWhy = process.env.CI === 'true' ? 'CI=true' : 'BANGFU_REQUIRE_ALL=1';

function finalLine(passed, failed, skipped = 0) {
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

function fail(message) {
  console.log(`ERROR: ${message}`);
  finalLine(0, 1);
  process.exit(1);
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function checkPostgres(url) {
  let pg;
  try {
    pg = (await import('pg')).default;
  } catch (e) {
    return `the pg package is not installed (${e.message}); run npm install`;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  let timer;
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.query('select 1');
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3500);
      }),
    ]);
    return null;
  } catch (e) {
    return e.message || String(e);
  } finally {
    clearTimeout(timer);
    client.end().catch(() => {});
  }
}

function pgStartHint() {
  let versions = [];
  try {
    versions = readdirSync('/etc/postgresql');
  } catch {}
  return `pg_ctlcluster ${versions.length === 1 ? versions[0] : '<version>'} main start`;
}

// ---- arguments: pull out --project flags, pass everything else through -----------------------
const passThrough = [];
const requested = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--project' && i + 1 < argv.length) requested.push(argv[++i]);
  else if (a.startsWith('--project=')) requested.push(a.slice('--project='.length));
  else passThrough.push(a);
}
const matches = (pattern, name) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(name);
let projects = requested.length
  ? ALL_PROJECTS.filter((p) => requested.some((r) => matches(r, p)))
  : [...ALL_PROJECTS];
if (requested.length && projects.length === 0) {
  fail(`no project matches ${requested.map((r) => `--project ${r}`).join(' ')}; projects are: ${ALL_PROJECTS.join(', ')}`);
}

// ---- prerequisites ------------------------------------------------------------------------------
const problems = [];
if (projects.includes('api-pg')) {
  const url = process.env.BANGFU_PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL;
  const err = await checkPostgres(url);
  if (err) {
    const where = `PostgreSQL is not reachable at ${redact(url)} (${err})`;
    const howTo = `start PostgreSQL (${pgStartHint()}) or set BANGFU_PG_ADMIN_URL`;
    if (strict) problems.push(`${where}; ${strictWhy} requires the api-pg suite. To fix: ${howTo}.`);
    else {
      console.log(`NOTICE: ${where}; the api-pg suite is skipped. To enable it ${howTo}.`);
      projects = projects.filter((p) => p !== 'api-pg');
    }
  }
}
if (projects.includes('e2e')) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  let ok = false;
  try {
    accessSync(chromium, constants.X_OK);
    ok = true;
  } catch {}
  if (!ok) {
    const howTo = 'apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)';
    if (strict) problems.push(`Chromium not found at ${chromium}; ${strictWhy} requires the e2e suite. To fix: ${howTo}.`);
    else {
      console.log(`NOTICE: Chromium not found at ${chromium}; end-to-end tests skipped. To enable: ${howTo}`);
      projects = projects.filter((p) => p !== 'e2e');
    }
  }
}
if (projects.includes('office')) {
  const soffice = process.env.SOFFICE_PATH || 'soffice';
  const onPath = (name) => (process.env.PATH || '').split(path.delimiter).some((d) => d && existsSync(path.join(d, name)));
  // Calc for the workbooks, Writer (Debian's lowriter) for the Word documents
  const found = (soffice.includes('/') ? existsSync(soffice) : onPath(soffice)) && (process.env.SOFFICE_PATH ? true : onPath('lowriter'));
  if (!found) {
    const howTo = 'apt-get install -y libreoffice-calc libreoffice-writer poppler-utils (or set SOFFICE_PATH)';
    if (strict) problems.push(`LibreOffice (${soffice}) not found; ${strictWhy} requires the office suite. To fix: ${howTo}.`);
    else {
      console.log(`NOTICE: LibreOffice (${soffice}) not found; the spreadsheet and Word document tests are skipped. To enable: ${howTo}`);
      projects = projects.filter((p) => p !== 'office');
    }
  }
}
if (problems.length) {
  for (const p of problems.slice(0, -1)) console.log(`ERROR: ${p}`);
  fail(problems.at(-1));
}
if (projects.length === 0) fail('none of the requested projects can run here (see the NOTICEs above).');

// ---- run vitest ---------------------------------------------------------------------------------
let vitestBin;
try {
  const require = createRequire(path.join(ROOT, 'package.json'));
  vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  if (!existsSync(vitestBin)) throw new Error(`${vitestBin} missing`);
} catch (e) {
  fail(`vitest is not installed (${e.message}); run npm install`);
}

const summaryFile = path.join(os.tmpdir(), `bangfu-test-summary-${process.pid}-${Date.now()}.json`);
const vitestArgs = ['run', ...projects.flatMap((p) => ['--project', p]), ...passThrough];
// A --reporter on the command line replaces the configured ones; keep the summary reporter anyway.
if (passThrough.some((a) => a === '--reporter' || a.startsWith('--reporter='))) {
  vitestArgs.push('--reporter', './scripts/summary-reporter.ts');
}
console.log(`Running vitest projects: ${projects.join(', ')}`);

const child = spawn(process.execPath, [vitestBin, ...vitestArgs], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, BANGFU_SUMMARY_FILE: summaryFile },
});
const forward = (sig) => () => child.kill(sig);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
const { code, signal } = await new Promise((resolve) => {
  child.on('error', (e) => {
    console.log(`ERROR: could not start vitest: ${e.message}`);
    resolve({ code: 1, signal: null });
  });
  child.on('exit', (code, signal) => resolve({ code, signal }));
});

let exitCode = code ?? 1;
let counts = null;
try {
  counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch {}
rmSync(summaryFile, { force: true });

if (!counts) {
  console.log(
    `NOTE: vitest ended (${signal ? `signal ${signal}` : `exit code ${code}`}) without reporting results; counting the run as failed.`,
  );
  finalLine(0, 1);
  process.exit(exitCode || 1);
}

let { passed, failed, skipped } = counts;
if (counts.brokenFiles?.length) {
  console.log(`Counted as failed (no test result): ${counts.brokenFiles.join(', ')}`);
}
if (exitCode !== 0 && failed === 0) {
  console.log(
    `NOTE: vitest exited with ${signal ? `signal ${signal}` : `code ${code}`} although no test failed ` +
      '(an error outside tests, e.g. in a global setup/teardown; see above); counting it as 1 failure.',
  );
  failed = 1;
}
if (exitCode === 0 && failed > 0) exitCode = 1;
if (strict && requested.length === 0 && passThrough.length === 0 && passed + failed === 0) {
  console.log(`NOTE: no test ran at all; ${strictWhy} treats that as a failure.`);
  failed = 1;
  exitCode = 1;
}
console.log('');
finalLine(passed, failed, skipped);
process.exit(exitCode);
