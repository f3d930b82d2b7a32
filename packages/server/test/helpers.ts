// API test context: a fresh database per test file (SQLite in memory, or a PostgreSQL schema of
// its own inside the run's database), the app built on it, and logged-in clients.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import type { Config, DbTarget } from '../src/config.js';
import { migrateToLatest, openDb, type Db } from '../src/db/index.js';
import { seedOrgs } from '../src/modules/orgs/orgs.repository.js';
import { createUser, ensureAdmin } from '../src/modules/users/users.service.js';
import type { Role } from '../src/modules/access/actor.js';

export const ADMIN_PASSWORD = 'Admin-Test-2026!';
/** One key for every test database of a process (the chain module holds one key at a time). */
export const TEST_AUDIT_KEY = Buffer.from('test-audit-key-0123456789abcdef-0123456789', 'utf8');
export const dbKind = (process.env.BANGFU_TEST_DB ?? 'sqlite') as 'sqlite' | 'pg';

export interface Instance {
  app: FastifyInstance;
  db: Db;
  login(username: string, password: string): Promise<Client>;
}

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
  login(username: string, password: string): Promise<Client>;
  admin(): Promise<Client>;
  /** creates a user (through the service) and logs in as them */
  userIn(orgCode: string, role?: Role): Promise<Client>;
  /**
   * Takes a draft through the review path to 已建档: submitted by `by` (default admin), agreed by a
   * county-union user of its region, then by a city-union user.
   */
  fileThrough(id: number, by?: Client): Promise<LightMyRequestResponse>;
  /** another server instance on the same database (its own connection and job runner), closed with the context */
  secondInstance(configOverrides?: Partial<Config>): Promise<Instance>;
  /** the database as another connection opens it (SQLite: only with createTestContext(…, { shared: true })) */
  target(): DbTarget;
}

export interface Client {
  username: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  /** multipart/form-data upload, each file as a part named "file", and plain fields before them */
  upload(url: string, files: { name: string; content: Buffer }[], fields?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** A multipart/form-data body as a browser sends it (file names in raw UTF-8). */
export function multipartBody(files: { name: string; content: Buffer }[], fields: Record<string, string> = {}): { payload: Buffer; contentType: string } {
  const boundary = `----bangfu${randomBytes(8).toString('hex')}`;
  const fieldParts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  const parts = files.map((f) => Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'),
    f.content,
    Buffer.from('\r\n'),
  ]));
  return { payload: Buffer.concat([...fieldParts, ...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Runs `fn` holding a PostgreSQL advisory lock that every test file's migration and schema drop take. */
async function underDdlLock<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`select pg_advisory_lock(hashtext('bangfu-test-ddl'))`);
    return await fn(c);
  } finally {
    await c.query(`select pg_advisory_unlock(hashtext('bangfu-test-ddl'))`).catch(() => undefined);
    await c.end();
  }
}

export async function createTestContext(configOverrides: Partial<Config> = {}, opts: { shared?: boolean } = {}): Promise<TestContext> {
  let db: Db;
  let sqliteFile = ':memory:';
  let pgUrl = '';
  let dropSchema: (() => Promise<void>) | undefined;
  let schemaName: string | undefined;
  if (dbKind === 'pg') {
    const url = inject('pgUrl');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    db = openDb({ kind: 'postgres', url, searchPath: schema });
    pgUrl = url;
    schemaName = schema;
    dropSchema = async () => {
      await underDdlLock(url, (c) => c.query(`drop schema ${schema} cascade`));
    };
  } else {
    // a second instance needs a database it can open too: a file, as two processes would share
    sqliteFile = opts.shared ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-shared-')), 'db.sqlite') : ':memory:';
    db = openDb({ kind: 'sqlite', file: sqliteFile });
  }
  try {
    // Kysely's migrator lists the tables of every schema before it takes its lock: a schema that
    // another test file drops meanwhile failed it ("schema t_… does not exist"); drops wait for it
    if (dbKind === 'pg') await underDdlLock(pgUrl, () => migrateToLatest(db, { schema: schemaName }));
    else await migrateToLatest(db, { schema: schemaName });
  } catch (e) {
    // say what the server saw (a schema missing at migration time was once seen in CI)
    if (dbKind === 'pg') {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      const seen = await c.query('select nspname from pg_namespace where nspname = $1', [schemaName]);
      const path = await c.query('select current_database() as db');
      await c.end();
      throw new Error(`${(e as Error).message} (schema ${schemaName} ${seen.rowCount ? 'exists' : 'is missing'} in ${path.rows[0].db})`);
    }
    throw e;
  }
  await seedOrgs(db);
  await ensureAdmin(db, ADMIN_PASSWORD);
  const config: Config = { port: 0, host: '127.0.0.1', db: { kind: 'sqlite', file: ':memory:' }, logLevel: 'silent', cookieSecure: false, webDist: '/nonexistent', uploadDir: path.join(os.tmpdir(), 'bangfu-test-uploads'), loginRatePerMinute: 100_000, uploadRatePerMinute: 100_000, exportRatePerMinute: 100_000, auditKey: TEST_AUDIT_KEY, ...configOverrides };
  const app = await buildApp({ config, db, logger: false });
  await app.ready();

  let seq = 0;
  const reviewers = new Map<string, Client>();
  const reviewer = async (orgCode: string, role: Role) => {
    const key = `${orgCode}/${role}`;
    if (!reviewers.has(key)) reviewers.set(key, await ctx.userIn(orgCode, role));
    return reviewers.get(key)!;
  };
  const others: { app: FastifyInstance; db: Db }[] = [];
  const ctx: TestContext = {
    app,
    db,
    async close() {
      for (const o of others) {
        await o.app.close();
        await o.db.destroy();
      }
      await app.close();
      await db.destroy();
      await dropSchema?.();
      if (sqliteFile !== ':memory:') fs.rmSync(path.dirname(sqliteFile), { recursive: true, force: true });
    },
    target() {
      if (dbKind !== 'pg' && sqliteFile === ':memory:') throw new Error('another connection needs createTestContext(…, { shared: true })');
      return dbKind === 'pg' ? { kind: 'postgres', url: pgUrl, searchPath: schemaName } : { kind: 'sqlite', file: sqliteFile };
    },
    async secondInstance(overrides = {}) {
      const db2 = openDb(ctx.target());
      const app2 = await buildApp({ config: { ...config, ...overrides }, db: db2, logger: false, jobOwner: `${os.hostname()}:${process.pid}:second-${++seq}` });
      await app2.ready();
      others.push({ app: app2, db: db2 });
      return { app: app2, db: db2, login: (username: string, password: string) => loginClient(app2, username, password) };
    },
    login: (username, password) => loginClient(app, username, password),
    admin: () => loginClient(app, 'admin', ADMIN_PASSWORD),
    async userIn(orgCode, role) {
      const username = `u${orgCode.replace(/\W/g, '')}_${++seq}_${randomBytes(3).toString('hex')}`;
      const password = `Pw-${randomBytes(8).toString('hex')}`;
      await createUser(db, null, { username, password, displayName: `测试${seq}`, orgCode, role });
      return loginClient(app, username, password);
    },
    async fileThrough(id, by) {
      const filer = by ?? (await ctx.admin());
      const sub = await filer.post(`/api/households/${id}/submit`, {});
      if (sub.statusCode !== 200) throw new Error(`submit ${id}: ${sub.body}`);
      const region = sub.json().regionCode as string;
      const unit = await (await reviewer(region, 'region')).post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '情况属实，同意上报' });
      if (unit.statusCode !== 200) throw new Error(`unit review ${id}: ${unit.body}`);
      const city = await (await reviewer('H', 'city')).post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意纳入精准帮扶' });
      if (city.statusCode !== 200) throw new Error(`city review ${id}: ${city.body}`);
      return city;
    },
  };
  return ctx;
}

export async function loginClient(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies: Record<string, string> = {};
  for (const c of res.cookies) cookies[c.name] = c.value;
  const headers = () => ({ 'x-csrf-token': cookies.bangfu_csrf });
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, cookies, headers: method === 'GET' ? {} : headers(), ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    username,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    del: (url) => send('DELETE', url),
    upload: (url, files, fields) => {
      const { payload, contentType } = multipartBody(files, fields);
      return app.inject({ method: 'POST', url, cookies, headers: { ...headers(), 'content-type': contentType }, payload });
    },
  };
}
