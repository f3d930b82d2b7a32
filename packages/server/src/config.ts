// The environment, validated once at start. Everything else takes a Config, never process.env.
import { z } from 'zod';
import os from 'node:os';
import path from 'node:path';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BANGFU_WEB_DIST: z.string().optional(),
  /** Cookies get `Secure` when the site is served over HTTPS (behind a reverse proxy). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /** Where uploaded import files wait for their job (kept until the import is finished or cancelled). */
  BANGFU_UPLOAD_DIR: z.string().optional(),
  /** Login attempts allowed per client address per minute (the per-account lock is separate). */
  BANGFU_LOGIN_RATE: z.coerce.number().int().min(1).default(30),
  BANGFU_UPLOAD_RATE: z.coerce.number().int().min(1).default(10),
  BANGFU_EXPORT_RATE: z.coerce.number().int().min(1).default(30),
  /** The audit chain's key (≥ 32 characters); shared by every instance of one database. */
  BANGFU_AUDIT_KEY: z.string().min(32, { error: 'BANGFU_AUDIT_KEY must be at least 32 characters' }).optional(),
  /** Where the audit key is kept when BANGFU_AUDIT_KEY is not set (made on first start). */
  BANGFU_AUDIT_KEY_FILE: z.string().optional(),
  /** Server processes on this machine (`bangfu serve`); default: one per core. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
});

export type DbTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; searchPath?: string };

export interface Config {
  port: number;
  host: string;
  db: DbTarget;
  adminPassword?: string;
  logLevel: string;
  webDist?: string;
  cookieSecure: boolean;
  /** uploaded import files; default ./data/uploads */
  uploadDir?: string;
  /** login attempts per client address per minute; default 30 */
  loginRatePerMinute?: number;
  /** uploads (imports, reports) per user per minute; default 10 */
  uploadRatePerMinute?: number;
  /** downloads of written documents (workbooks, PDFs, Word, copies) per user per minute; default 30 */
  exportRatePerMinute?: number;
  /** the audit chain's key; else read from (or made in) auditKeyFile */
  auditKey?: Buffer;
  /** default: audit.key beside the SQLite file, or ./data/audit.key */
  auditKeyFile?: string;
  /** server processes `bangfu serve` runs (1 for an in-memory database, which one process owns) */
  webConcurrency?: number;
}

export const DEFAULT_SQLITE_FILE = path.resolve(process.cwd(), 'data', 'bangfu.sqlite');

/** DATABASE_URL: postgres://… or postgresql://… for PostgreSQL; sqlite:PATH (or sqlite::memory:) for a file. */
export function parseDatabaseUrl(url: string | undefined): DbTarget {
  if (!url) return { kind: 'sqlite', file: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/bangfu.sqlite');
    return { kind: 'sqlite', file: file === ':memory:' ? ':memory:' : path.resolve(file) };
  }
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got "${url.split(':')[0]}:…")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${detail}`);
  }
  const e = r.data;
  const db = parseDatabaseUrl(e.DATABASE_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    db,
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    webDist: e.BANGFU_WEB_DIST,
    cookieSecure: e.COOKIE_SECURE === 'true',
    uploadDir: path.resolve(e.BANGFU_UPLOAD_DIR ?? path.join(process.cwd(), 'data', 'uploads')),
    loginRatePerMinute: e.BANGFU_LOGIN_RATE,
    uploadRatePerMinute: e.BANGFU_UPLOAD_RATE,
    exportRatePerMinute: e.BANGFU_EXPORT_RATE,
    auditKey: e.BANGFU_AUDIT_KEY ? Buffer.from(e.BANGFU_AUDIT_KEY, 'utf8') : undefined,
    auditKeyFile: e.BANGFU_AUDIT_KEY_FILE ? path.resolve(e.BANGFU_AUDIT_KEY_FILE) : undefined,
    webConcurrency: db.kind === 'sqlite' && db.file === ':memory:' ? 1 : e.WEB_CONCURRENCY ?? os.availableParallelism(),
  };
}
