// Excel/CSV import: an import (the uploaded file and its state), the rows staged from the file,
// the per-household check result (new / changed / unchanged / error) and every bad cell.
// Nothing here touches the files until the import is committed.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  const idCol = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('imports')
    .addColumn('id', idType, idCol)
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull()) // JSON list of stored paths
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('file_error', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_lines', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('good_rows_only', 'integer')
    .addColumn('created_count', 'integer')
    .addColumn('updated_count', 'integer')
    .addColumn('skipped_count', 'integer')
    .addColumn('job_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('analyzed_at', 'varchar(32)')
    .addColumn('committed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('imports_created_by').on('imports').columns(['created_by', 'id']).execute();

  // raw rows as read from the file, so that the check can join members to their worker in SQL
  // instead of holding a 100,000-row workbook in memory
  await db.schema
    .createTable('import_raw')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('sheet', 'varchar(8)', (c) => c.notNull()) // 'w' worker, 'm' member
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(32)') // the worker's identity number, normalized
    .addColumn('cells', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_raw_pk', ['import_id', 'sheet', 'row_no'])
    .execute();
  await db.schema.createIndex('import_raw_key').on('import_raw').columns(['import_id', 'sheet', 'key']).execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull()) // new | changed | unchanged | error
    .addColumn('worker_no', 'varchar(16)')
    .addColumn('name', 'varchar(64)')
    .addColumn('id_number', 'varchar(32)')
    .addColumn('household_id', 'integer')
    .addColumn('household_version', 'integer')
    .addColumn('data', 'text') // the parsed file (fen), what the commit writes
    .addColumn('changes', 'text')
    .addColumn('warnings', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'seq'])
    .execute();
  await db.schema.createIndex('import_rows_status').on('import_rows').columns(['import_id', 'status', 'seq']).execute();

  await db.schema
    .createTable('import_errors')
    .addColumn('id', idType, idCol)
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('sheet', 'varchar(16)', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('column_label', 'varchar(64)', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_errors_import').on('import_errors').columns(['import_id', 'sheet', 'row_no']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['import_errors', 'import_rows', 'import_raw', 'imports']) await db.schema.dropTable(t).ifExists().execute();
}
