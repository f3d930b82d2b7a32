// 重复建档排查: the pairs of live files a scan found alike (the duplicates module's table), each
// remembered with its decision so that a pair said to be no duplicate does not come back; and the
// file a merged one went into (households.merged_into), whose history then shows the merged file's.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';
  await db.schema.createTable('duplicate_pairs')
    .addColumn('id', idType, (c) => c.primaryKey())
    /** the smaller household id first */
    .addColumn('a_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('b_id', 'integer', (c) => c.notNull().references('households.id'))
    /** idNumber | nameBirth | phone | address */
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    /** what the two share (an identity number, name and birth date, a phone, a normalized address and surname) */
    .addColumn('shared', 'varchar(400)', (c) => c.notNull())
    .addColumn('region_a', 'varchar(8)', (c) => c.notNull())
    .addColumn('region_b', 'varchar(8)', (c) => c.notNull())
    /** open | dismissed | merged | cleared */
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('found_at', 'varchar(32)', (c) => c.notNull())
    /** the scan (job id) that last found it: an open pair the latest scan did not find is cleared */
    .addColumn('seen_by', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('note', 'varchar(400)')
    .execute();
  await db.schema.createIndex('duplicate_pairs_key').on('duplicate_pairs').columns(['a_id', 'b_id', 'kind']).unique().execute();
  await db.schema.createIndex('duplicate_pairs_region_a').on('duplicate_pairs').columns(['status', 'region_a', 'id']).execute();
  await db.schema.createIndex('duplicate_pairs_region_b').on('duplicate_pairs').columns(['status', 'region_b', 'id']).execute();
  await db.schema.createIndex('duplicate_pairs_b').on('duplicate_pairs').column('b_id').execute();
  // the city's queue in id order, of a status (and of a kind)
  await db.schema.createIndex('duplicate_pairs_status').on('duplicate_pairs').columns(['status', 'id']).execute();
  await db.schema.createIndex('duplicate_pairs_kind').on('duplicate_pairs').columns(['status', 'kind', 'id']).execute();
  await db.schema.alterTable('households').addColumn('merged_into', 'integer').execute();
  await sql`create index households_merged_into on households (merged_into) where merged_into is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index households_merged_into`.execute(db);
  await db.schema.alterTable('households').dropColumn('merged_into').execute();
  await db.schema.dropTable('duplicate_pairs').execute();
}
