// Vitest globalSetup of the `api-pg` project (see /vitest.config.ts).
//
// Creates one fresh PostgreSQL database for this run, named bangfu_test_<unix-ms>_<random>, on the
// server given by BANGFU_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres, trust
// auth), hands its URL to the tests as `inject('pgUrl')`, and drops it (WITH (FORCE)) at teardown.
// Test files isolate themselves further with one schema each inside that database.
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… URL of the per-run test database (api-pg project only). */
    pgUrl: string;
  }
}

export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'bangfu_test_';
/** Databases left behind by runs that were killed before teardown are dropped after this long. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function adminUrl(): string {
  return process.env.BANGFU_PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `api-pg: cannot connect to PostgreSQL at ${redact(adminUrl())} (${(e as Error).message}). ` +
        'Start it (pg_ctlcluster <version> main start) or set BANGFU_PG_ADMIN_URL.',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function dropStale(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `select datname from pg_database where datname like 'bangfu\\_test\\_%'`,
  );
  const now = Date.now();
  for (const { datname } of rows) {
    const m = /^bangfu_test_(\d{13})_[a-z0-9]+$/.exec(datname);
    if (!m || now - Number(m[1]) < STALE_AFTER_MS) continue;
    await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`).catch(() => {});
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `${PREFIX}${Date.now()}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(async (client) => {
    await dropStale(client);
    try {
      await client.query(`create database ${quoteIdent(name)} template template0 encoding 'UTF8'`);
    } catch {
      // e.g. a cluster whose default locale does not fit UTF8: fall back to the C locale.
      await client.query(
        `create database ${quoteIdent(name)} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`,
      );
    }
  });

  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  project.provide('pgUrl', url.toString());

  let dropped = false;
  return async () => {
    if (dropped) return;
    dropped = true;
    await withAdmin((client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`));
  };
}
