// `bangfu serve` with WEB_CONCURRENCY=2 on a SQLite file: two server processes share the port and
// the database, and a third runs the background jobs; writes sent to both at once all succeed (no
// SQLITE_BUSY), reads see every write, a job queued through a server process is run by the jobs
// process, and a process that dies is replaced. (SQLite file: the point is real processes sharing it.)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeHousehold } from '../../test/fixtures/households.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-cluster-'));
const BIN = path.resolve(import.meta.dirname, '../../bin/bangfu.mjs');
const env = {
  ...process.env, DATABASE_URL: `sqlite:${path.join(tmp, 'bangfu.sqlite')}`, BANGFU_UPLOAD_DIR: path.join(tmp, 'uploads'), LOG_LEVEL: 'warn',
  WEB_CONCURRENCY: '2', PORT: '0', HOST: '127.0.0.1', ADMIN_PASSWORD: 'Cluster-Admin-2026', BANGFU_LOGIN_RATE: '100000',
};
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: tmp });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`bangfu ${args.join(' ')}: ${code}\n${out}`))));
  });
}

/** Starts `bangfu serve`; resolves with its port once the banner is printed. */
function serve(): Promise<number> {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [BIN, 'serve'], { env, cwd: tmp });
    let out = '';
    const seen = (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    };
    server.stdout!.on('data', seen);
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    server.once('exit', (code) => reject(new Error(`serve exited ${code}\n${out}`)));
  });
}

/** The server processes under the first one (node:cluster's workers). */
function workerPids(): number[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === server!.pid;
    } catch {
      return false;
    }
  });
}

describe('bangfu serve with WEB_CONCURRENCY=2', () => {
  it('runs two server processes that write to one SQLite file at once without a failure, a jobs process, and replaces one that dies', async () => {
    await run(['migrate']);
    await run(['user', 'add', '--username', 'clustercity', '--password', 'Cluster-City-2026', '--display-name', '市总测试', '--org', 'H', '--role', 'city']);
    const port = await serve();
    const base = `http://127.0.0.1:${port}`;
    expect(workerPids()).toHaveLength(3);

    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clustercity', password: 'Cluster-City-2026' }) });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const headers = { cookie: cookies.join('; '), 'content-type': 'application/json', 'x-csrf-token': cookies.find((c) => c.startsWith('bangfu_csrf='))!.split('=')[1] };
    // new connections each time, so that both processes take their share
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      fetch(`${base}/api/households`, { method: 'POST', headers: { ...headers, connection: 'close' }, body: JSON.stringify(makeHousehold({ regionCode: `H0${1 + (i % 8)}`, name: `多进程${i}` })) })
        .then(async (r) => ({ status: r.status, body: await r.text() }))));
    expect(answers.filter((a) => a.status !== 201).map((a) => a.body)).toEqual([]);
    const list = await (await fetch(`${base}/api/households?pageSize=1`, { headers })).json();
    expect(list.total).toBe(40);

    // a change of the ratio re-evaluates the 40 files in the jobs process (a server process's runner only passes the word on)
    const policy = await (await fetch(`${base}/api/policy`, { headers })).json();
    const saved = await fetch(`${base}/api/policy`, { method: 'PUT', headers, body: JSON.stringify({ lines: [], marginalRatio: '1.5', expectedVersion: policy.version, reason: '多进程测试' }) });
    expect(saved.status).toBe(200);
    const { jobId } = await saved.json();
    let job = { status: 'queued', done: 0 };
    for (let i = 0; i < 600 && job.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await (await fetch(`${base}/api/jobs/${jobId}`, { headers })).json();
    }
    expect(job).toMatchObject({ status: 'done', done: 40 });

    const [first] = workerPids();
    process.kill(first, 'SIGKILL');
    // a busy machine (CI runs suites side by side) may take a while to start the new process
    for (let i = 0; i < 300 && !(workerPids().length === 3 && !workerPids().includes(first)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(workerPids()).toHaveLength(3);
    expect(workerPids()).not.toContain(first);
    expect((await fetch(`${base}/api/households?pageSize=1`, { headers })).status).toBe(200);
  }, 120_000);
});
