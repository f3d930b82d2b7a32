// Backup and restore of the whole database, the same for SQLite and PostgreSQL (a backup of one
// restores into the other): every table's rows read in ONE snapshot (a read transaction; SQLite in
// WAL mode and PostgreSQL REPEATABLE READ let the server go on writing meanwhile), written as
// gzip'd JSON lines with a checksum per table. A restore checks that the file is a bangfu backup of
// the same schema version, writes everything in one transaction, and rolls back on any damage.
// The audit key is not in the backup (it is kept apart from the data): keep it with the backups'
// records, not beside them.
import fs from 'node:fs';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { recountTallies } from '../modules/households/tally.repository.js';
import { recountAssistanceTallies } from '../modules/assistance/assistance-tally.repository.js';
import { isPostgres } from './dialect.js';

const FORMAT = 'bangfu-backup';
const VERSION = 1;
const PAGE = 2000;
/** Kysely's own bookkeeping: the target has it from its own migrations. */
// the migrations' own bookkeeping, and the kept counts: derived from the households, so they are
// not copied but counted again after a restore (their triggers fire on every restored row)
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock', 'household_tally', 'household_facets', 'assistance_household_year', 'assistance_tally', 'assistance_cadre_tally']);

type Db = Kysely<Database>;
type AnyDb = Kysely<any> | Transaction<any>;

export class BackupProblem extends Error {
  constructor(readonly userMessage: string, detail: string) {
    super(detail);
  }
}

interface TableInfo {
  name: string;
  pk: string[];
  refs: string[];
}

async function tableInfos(db: AnyDb): Promise<TableInfo[]> {
  const pg = isPostgres(db as Kysely<any>);
  const names = pg
    ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name);
  const infos: TableInfo[] = [];
  for (const name of names.filter((n) => !SKIP.has(n))) {
    const pk = pg
      ? (await sql<{ c: string }>`select kcu.column_name as c from information_schema.table_constraints tc join information_schema.key_column_usage kcu
          on tc.constraint_name = kcu.constraint_name and tc.table_schema = kcu.table_schema
          where tc.table_schema = current_schema() and tc.table_name = ${name} and tc.constraint_type = 'PRIMARY KEY' order by kcu.ordinal_position`.execute(db)).rows.map((r) => r.c)
      : (await sql<{ c: string }>`select name as c from pragma_table_info(${name}) where pk > 0 order by pk`.execute(db)).rows.map((r) => r.c);
    const refs = pg
      ? (await sql<{ t: string }>`select distinct ccu.table_name as t from information_schema.table_constraints tc join information_schema.constraint_column_usage ccu
          on tc.constraint_name = ccu.constraint_name and tc.table_schema = ccu.table_schema
          where tc.table_schema = current_schema() and tc.table_name = ${name} and tc.constraint_type = 'FOREIGN KEY'`.execute(db)).rows.map((r) => r.t)
      : (await sql<{ t: string }>`select distinct "table" as t from pragma_foreign_key_list(${name})`.execute(db)).rows.map((r) => r.t);
    if (pk.length === 0) throw new Error(`table ${name} has no primary key: cannot page it for a backup`);
    infos.push({ name, pk, refs: refs.filter((r) => r !== name) });
  }
  // referenced tables first; a table that references itself (orgs) is written in key order, parents first
  const ordered: TableInfo[] = [];
  const left = new Map(infos.map((t) => [t.name, t]));
  while (left.size) {
    const ready = [...left.values()].filter((t) => t.refs.every((r) => !left.has(r))).sort((a, b) => a.name.localeCompare(b.name));
    if (!ready.length) throw new Error(`circular foreign keys among ${[...left.keys()].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      left.delete(t.name);
    }
  }
  return ordered;
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  return (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
}

/** Tables whose rows hold files (up to 20 MB each): read and restored one row at a time. */
const FILE_TABLES = new Set(['research_report_files']);

/** One keyset page of a table in primary-key order. */
async function page(db: AnyDb, t: TableInfo, after: unknown[] | null): Promise<Record<string, unknown>[]> {
  const cols = sql.join(t.pk.map((c) => sql.ref(c)));
  const where = after ? sql`where (${cols}) > (${sql.join(after.map((v) => sql`${v}`))})` : sql``;
  return (await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} ${where} order by ${cols} limit ${FILE_TABLES.has(t.name) ? 1 : PAGE}`.execute(db)).rows;
}

/** Bytes (a file's content) as JSON: {"$base64": …}; everything else as it is. */
const toJson = (v: unknown) => (v instanceof Uint8Array ? { $base64: Buffer.from(v).toString('base64') } : v);
const fromJson = (v: unknown) => (v !== null && typeof v === 'object' && '$base64' in v ? Buffer.from(String((v as { $base64: string }).$base64), 'base64') : v);

export interface BackupSummary {
  file: string;
  tables: Record<string, number>;
}

export async function backupDatabase(db: Db, file: string): Promise<BackupSummary> {
  const tmp = `${file}.part`;
  const gzip = createGzip();
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  const read = async (trx: AnyDb) => {
    const tables = await tableInfos(trx);
    await write({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), dialect: isPostgres(db) ? 'postgres' : 'sqlite', migrations: await appliedMigrations(trx), tables: tables.map((t) => t.name) });
    for (const t of tables) {
      const hash = createHash('sha256');
      let n = 0;
      let columns: string[] | null = null;
      let after: unknown[] | null = null;
      for (;;) {
        const rows = await page(trx, t, after);
        if (!rows.length) break;
        if (!columns) {
          columns = Object.keys(rows[0]);
          await write({ table: t.name, columns });
        }
        for (const r of rows) {
          const line = JSON.stringify(columns.map((c) => toJson(r[c])));
          hash.update(line).update('\n');
          if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
          n++;
        }
        after = t.pk.map((c) => rows[rows.length - 1][c]);
      }
      counts[t.name] = n;
      await write({ end: t.name, rows: n, sha256: hash.digest('hex') });
    }
    await write({ done: true, tables: counts });
  };
  try {
    if (isPostgres(db)) await db.transaction().setIsolationLevel('repeatable read').execute((trx) => read(trx));
    else await db.transaction().setAccessMode('read only').execute((trx) => read(trx)); // a WAL read transaction: one snapshot, no write lock
    gzip.end();
    await once(out, 'finish');
    fs.renameSync(tmp, file);
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { file, tables: counts };
}

/**
 * Restores a backup into this database: everything it holds is replaced, in one transaction.
 * Refuses a file that is not a bangfu backup, one of another schema version, and a damaged one.
 */
export async function restoreDatabase(db: Db, file: string): Promise<BackupSummary> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    let r: IteratorResult<string>;
    try {
      r = await lines.next();
    } catch (e) {
      throw new BackupProblem('备份文件已损坏（无法解压），未恢复任何数据', `backup file is damaged: ${(e as Error).message}`);
    }
    if (r.done) throw new BackupProblem('备份文件不完整（缺少结尾），未恢复任何数据', 'backup file ends early');
    try {
      return JSON.parse(r.value);
    } catch {
      throw new BackupProblem('备份文件已损坏（内容无法读取），未恢复任何数据', 'backup file has a line that is not JSON');
    }
  };
  let header: { format?: string; version?: number; migrations?: string[]; tables?: string[] };
  try {
    header = (await next()) as typeof header;
  } catch (e) {
    throw e instanceof BackupProblem ? new BackupProblem('这不是 bangfu 的备份文件，或文件已损坏', e.message) : e;
  }
  if (header?.format !== FORMAT || header.version !== VERSION)
    throw new BackupProblem('这不是 bangfu 的备份文件', `not a ${FORMAT} v${VERSION} file`);
  const mine = await appliedMigrations(db);
  if (JSON.stringify(mine) !== JSON.stringify(header.migrations))
    throw new BackupProblem('备份文件的数据库版本与当前程序不一致，请使用相同版本的程序恢复', `schema versions differ: file ${header.migrations?.at(-1)}, database ${mine.at(-1)}`);
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    const tables = await tableInfos(trx);
    const known = new Map(tables.map((t) => [t.name, t]));
    if (header.tables!.some((t) => !known.has(t))) throw new BackupProblem('备份文件与当前数据库的表不一致', 'the file names tables this database lacks');
    for (const t of [...tables].reverse()) await trx.deleteFrom(t.name as never).execute();
    for (;;) {
      const item = (await next()) as { table?: string; columns?: string[]; end?: string; rows?: number; sha256?: string; done?: boolean };
      if (item.done) break;
      if (item.end !== undefined) {
        counts[item.end] = 0; // an empty table: no column line
        continue;
      }
      if (!item.table || !item.columns || !known.has(item.table)) throw new BackupProblem('备份文件已损坏（结构不符），未恢复任何数据', 'unexpected line in backup');
      const { table, columns } = item as { table: string; columns: string[] };
      const hash = createHash('sha256');
      const perBatch = FILE_TABLES.has(table) ? 1 : Math.max(1, Math.floor(30_000 / columns.length)); // SQLite's bound-parameter limit
      let batch: Record<string, unknown>[] = [];
      let n = 0;
      const flush = async () => {
        if (batch.length) await trx.insertInto(table as never).values(batch as never).execute();
        batch = [];
      };
      for (;;) {
        const r = await lines.next().catch((e: Error) => {
          throw new BackupProblem('备份文件已损坏（无法解压），未恢复任何数据', `backup file is damaged: ${e.message}`);
        });
        if (r.done) throw new BackupProblem('备份文件不完整（缺少结尾），未恢复任何数据', 'backup file ends inside a table');
        if (r.value.startsWith('{')) {
          const end = JSON.parse(r.value) as { end?: string; rows?: number; sha256?: string };
          if (end.end !== table || end.rows !== n || end.sha256 !== hash.digest('hex'))
            throw new BackupProblem(`备份文件已损坏（表 ${table} 的校验值不符），未恢复任何数据`, `checksum of ${table} does not match`);
          break;
        }
        hash.update(r.value).update('\n');
        let values: unknown[];
        try {
          values = JSON.parse(r.value) as unknown[];
        } catch {
          throw new BackupProblem('备份文件已损坏（内容无法读取），未恢复任何数据', `a row of ${table} is not JSON`);
        }
        batch.push(Object.fromEntries(columns.map((c, i) => [c, fromJson(values[i])])));
        n++;
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      counts[table] = n;
    }
    if (isPostgres(db)) {
      // serial columns continue after the restored ids
      for (const t of tables.filter((x) => x.pk.length === 1 && x.pk[0] === 'id'))
        await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false)`.execute(trx);
    }
    // the kept counts are not in the file, and their triggers fired on the rows deleted and restored
    await recountTallies(trx);
    await recountAssistanceTallies(trx);
  });
  return { file, tables: counts };
}
