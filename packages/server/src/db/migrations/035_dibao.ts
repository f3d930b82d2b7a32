// 民政低保名单核对: the civil-affairs lists a region imported (with their counts), the people of each
// list who are a worker or member of a live file (only those: the rest of a list is not the
// union's to keep), the rows left out for a bad cell, and the findings with their resolution.
// The people and the findings are written by the hundred thousand in one import, always with their
// list and for files that exist (files are never deleted), so they carry no foreign keys: PostgreSQL's
// check of each row cost more than half of an import's 325,000 findings at a million files.
// The queue reads open findings (partial indexes, which a finding leaves when it is resolved or
// superseded: the next list's update then writes fewer index entries).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';
  await db.schema.createTable('dibao_lists')
    .addColumn('id', idType, (c) => c.primaryKey())
    /** a county (H01) or the city (H): the files it is matched against */
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull())
    /** YYYY-MM */
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('source', 'varchar(100)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('bad_rows', 'integer', (c) => c.notNull())
    .addColumn('matched_persons', 'integer', (c) => c.notNull())
    .addColumn('matched_households', 'integer', (c) => c.notNull())
    .addColumn('f_declared_not_listed', 'integer', (c) => c.notNull())
    .addColumn('f_listed_not_declared', 'integer', (c) => c.notNull())
    .addColumn('f_listed_above_line', 'integer', (c) => c.notNull())
    /** its findings still open (kept by the imports and resolutions: the 名单记录 page) */
    .addColumn('open_findings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('imported_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dibao_lists_region').on('dibao_lists').columns(['region_code', 'month', 'id']).execute();

  await db.schema.createTable('dibao_persons')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('list_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'integer', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_number', 'varchar(18)', (c) => c.notNull())
    /** 本人 (the worker) or the member's relation, when matched */
    .addColumn('relation', 'varchar(16)', (c) => c.notNull())
    .addColumn('household_size', 'integer')
    .addColumn('monthly_fen', 'integer')
    .execute();
  await db.schema.createIndex('dibao_persons_list').on('dibao_persons').columns(['list_id', 'household_id']).execute();
  await db.schema.createIndex('dibao_persons_household').on('dibao_persons').columns(['household_id', 'list_id']).execute();

  await db.schema.createTable('dibao_list_errors')
    .addColumn('list_id', 'integer', (c) => c.notNull().references('dibao_lists.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('col', 'varchar(20)', (c) => c.notNull())
    .addColumn('value', 'varchar(60)', (c) => c.notNull())
    .addColumn('message', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('dibao_list_errors_pk', ['list_id', 'row_no', 'col'])
    .execute();

  await db.schema.createTable('dibao_findings')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('list_id', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'integer', (c) => c.notNull())
    /** the file's region when matched: the queue per region */
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull())
    /** declaredNotListed | listedNotDeclared | listedAboveLine */
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    /** open | explained | corrected | superseded */
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    /** what the list and the file said when matched */
    .addColumn('detail', 'varchar(400)', (c) => c.notNull())
    .addColumn('resolved_by', 'integer')
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('reason', 'varchar(400)')
    .execute();
  await sql`create index dibao_findings_open_region on dibao_findings (region_code, kind, id) where status = 'open'`.execute(db);
  await sql`create index dibao_findings_open_kind on dibao_findings (kind, id) where status = 'open'`.execute(db);
  await db.schema.createIndex('dibao_findings_status').on('dibao_findings').columns(['status', 'id']).execute();
  await db.schema.createIndex('dibao_findings_list').on('dibao_findings').columns(['list_id', 'kind']).execute();
  await db.schema.createIndex('dibao_findings_household').on('dibao_findings').column('household_id').execute();

  // the open findings per region and kind, kept by the imports and resolutions: the queue's total and
  // the menu's count (counting 380,000 open findings took 100 ms on PostgreSQL, on every page)
  await db.schema.createTable('dibao_open_tally')
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dibao_open_tally_pk', ['region_code', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['dibao_open_tally', 'dibao_findings', 'dibao_list_errors', 'dibao_persons', 'dibao_lists']) await sql`drop table ${sql.table(t)}`.execute(db);
}
