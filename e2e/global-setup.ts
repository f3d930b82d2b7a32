// Vitest globalSetup of the `e2e` project (see /vitest.config.ts). Runs once per `vitest run`, and
// only when e2e test files are part of the run:
//
//  1. builds the web app (`npm run build -w @bangfu/web`) unless BANGFU_SKIP_BUILD=1;
//  2. starts the real server, `node packages/server/bin/bangfu.mjs serve`, on a fresh temporary
//     SQLite file and a free port on 127.0.0.1, with ADMIN_PASSWORD from e2e/lib/env.ts and
//     BANGFU_WEB_DIST = a snapshot of packages/web/dist in the temporary directory (so that a
//     rebuild by someone else during the run cannot break the pages under test);
//  3. waits for GET /api/health → {"status":"ok"} (60 s), then provides inject('baseUrl');
//  4. at teardown stops the server and removes the temporary directory.
//
// If any step fails, the unit/API projects still run; every e2e file fails with the reason.
//
// The server's full output goes to .tmp/e2e-server.log; its tail is shown if it dies during startup.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ADMIN_PASSWORD, APPROVER, REPO_ROOT, REVIEWER_ORGS, reviewerOf, SERVER_CLI, SERVER_LOG, WEB_DIST } from './lib/env.js';

const HEALTH_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;

function log(msg: string): void {
  process.stdout.write(`[e2e] ${msg}\n`);
}

/** Keeps the last `max` characters of a stream of output. */
class Tail {
  private text = '';
  constructor(private readonly max = 20_000) {}
  push(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > this.max) this.text = this.text.slice(-this.max);
  }
  toString(): string {
    return this.text.trimEnd() || '(no output)';
  }
}

async function buildWeb(): Promise<void> {
  const started = Date.now();
  log('building the web app (npm run build -w @bangfu/web; set BANGFU_SKIP_BUILD=1 to reuse packages/web/dist)…');
  const out = new Tail(40_000);
  const child = spawn('npm', ['run', 'build', '-w', '@bangfu/web'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout!.on('data', (c) => out.push(c));
  child.stderr!.on('data', (c) => out.push(c));
  const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    throw new Error(`e2e: building the web app failed (exit ${code}):\n${out}`);
  }
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: unknown };
    return body?.status === 'ok';
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 10_000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  }
}

/**
 * A failure here does not abort the whole Vitest run (that would also throw away the unit and API
 * results): it is printed, handed to the e2e files as inject('e2eSetupError'), and e2e/lib/setup.ts
 * fails every e2e file with it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  try {
    const { baseUrl, cleanup } = await start();
    project.provide('e2eSetupError', '');
    project.provide('baseUrl', baseUrl);
    return cleanup;
  } catch (e) {
    const message = (e as Error).message || String(e);
    process.stderr.write(`[e2e] SETUP FAILED, every e2e test file will fail: ${message}\n`);
    project.provide('e2eSetupError', message);
    project.provide('baseUrl', '');
    return undefined;
  }
}

async function start(): Promise<{ baseUrl: string; cleanup: () => Promise<void> }> {
  if (process.env.BANGFU_SKIP_BUILD === '1') {
    if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
      throw new Error(`e2e: BANGFU_SKIP_BUILD=1 but ${WEB_DIST}/index.html does not exist; run npm run build first.`);
    }
  } else {
    await buildWeb();
  }
  if (!existsSync(SERVER_CLI)) {
    throw new Error(`e2e: the server CLI ${SERVER_CLI} does not exist.`);
  }

  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-'));
  const dbFile = path.join(tmpDir, 'e2e.sqlite');
  // The server serves a snapshot of the build: packages/web/dist may be rebuilt by someone else
  // while the tests run, and a half-written dist shows up as blank pages and missing chunks.
  const webDir = path.join(tmpDir, 'web');
  cpSync(WEB_DIST, webDir, { recursive: true });
  if (!existsSync(path.join(webDir, 'index.html'))) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw new Error(`e2e: ${WEB_DIST} has no index.html (was it being rebuilt?); run the build again.`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key === 'BANGFU_TEST_DB') delete env[key];
  }
  Object.assign(env, {
    DATABASE_URL: `sqlite:${dbFile}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_PASSWORD,
    BANGFU_WEB_DIST: webDir,
    // the suite logs in many times a minute from one address; the per-address limit has its own API test
    BANGFU_LOGIN_RATE: '1000',
    // and downloads and uploads with a few users; the per-user limits have their own API test
    BANGFU_EXPORT_RATE: '1000',
    BANGFU_UPLOAD_RATE: '1000',
  });

  // accounts that read identity numbers in full are made on the command line, as a union makes its
  // first ones: through the API the admin's request would wait for a city-union approver
  for (const a of [{ ...APPROVER, org: 'H', role: 'city' }, ...REVIEWER_ORGS.map((org) => ({ ...reviewerOf(org), org }))]) {
    const made = spawnSync(process.execPath, [SERVER_CLI, 'user', 'add', '--username', a.username, '--password', a.password, '--display-name', a.displayName, '--org', a.org, '--role', a.role], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    if (made.status !== 0) {
      rmSync(tmpDir, { recursive: true, force: true });
      throw new Error(`e2e: could not create the account ${a.username}: ${made.stderr}${made.stdout}`);
    }
  }

  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const logFile: WriteStream = createWriteStream(SERVER_LOG);
  const tail = new Tail();
  const child = spawn(process.execPath, [SERVER_CLI, 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (c: Buffer) => {
      tail.push(c);
      logFile.write(c);
    });
  }
  // Safety net: never leave the server behind if Vitest exits without running the teardown.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const cleanup = async () => {
    process.removeListener('exit', killOnExit);
    await stopServer(child);
    await new Promise<void>((r) => logFile.end(() => r()));
    rmSync(tmpDir, { recursive: true, force: true });
  };

  let spawnError: Error | undefined;
  child.on('error', (e) => (spawnError = e));
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  try {
    for (;;) {
      if (spawnError) throw new Error(`e2e: could not start the server: ${spawnError.message}`);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `e2e: the server exited during startup (code ${child.exitCode}, signal ${child.signalCode}). Its output:\n${tail}`,
        );
      }
      if (await healthy(baseUrl)) break;
      if (Date.now() > deadline) {
        throw new Error(
          `e2e: ${baseUrl}/api/health did not answer {"status":"ok"} within ${HEALTH_TIMEOUT_MS / 1000} s. Server output:\n${tail}`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    await cleanup();
    throw e;
  }

  log(`server ready at ${baseUrl} (log: ${path.relative(REPO_ROOT, SERVER_LOG)})`);
  return { baseUrl, cleanup };
}
