// 档案转移: a household moved to another region or grassroots union keeps its file. The transfers
// table (the transfers module's) holds each request and its decision; household_former_numbers (the
// households module's) keeps the worker numbers a file had in regions it left, so that the old
// number still finds it.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';
  await db.schema.createTable('transfers')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('from_region_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('from_unit_id', 'varchar(40)')
    .addColumn('to_region_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('to_unit_id', 'varchar(40)')
    /** from | to | both: which side asked (both: moved at once) */
    .addColumn('side', 'varchar(8)', (c) => c.notNull())
    .addColumn('reason', 'varchar(400)', (c) => c.notNull())
    /** pending | agreed | refused | cancelled */
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('old_worker_no', 'varchar(16)', (c) => c.notNull())
    .addColumn('new_worker_no', 'varchar(16)')
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_org', 'varchar(40)', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('opinion', 'varchar(400)')
    .execute();
  await db.schema.createIndex('transfers_household').on('transfers').columns(['household_id', 'id']).execute();
  await db.schema.createIndex('transfers_to').on('transfers').columns(['status', 'to_region_code', 'id']).execute();
  await db.schema.createIndex('transfers_from').on('transfers').columns(['status', 'from_region_code', 'id']).execute();
  // one pending request per file: a second one would race the first to move it
  await sql`create unique index transfers_one_pending on transfers (household_id) where status = 'pending'`.execute(db);

  await db.schema.createTable('household_former_numbers')
    .addColumn('worker_no', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull())
    /** the day (China) the file left the region with this number */
    .addColumn('until', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('household_former_numbers_household').on('household_former_numbers').column('household_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_former_numbers').execute();
  await db.schema.dropTable('transfers').execute();
}
