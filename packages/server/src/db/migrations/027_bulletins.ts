// 通报: a bulletin keeps its number (per year), its day, the table and lists computed when it was
// drafted (so that a published bulletin never changes with the data), its edited text, and who read it.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';
  await db.schema.createTable('bulletins')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(60)', (c) => c.notNull())
    .addColumn('recipients', 'varchar(200)', (c) => c.notNull())
    /** JSON array of paragraphs */
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    /** JSON {rows, praised, late}: the numbers as of the day, fixed when drafted */
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('bulletins_number').on('bulletins').columns(['year', 'seq']).unique().execute();
  await db.schema.createTable('bulletin_reads')
    .addColumn('bulletin_id', 'integer', (c) => c.notNull().references('bulletins.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_reads_pk', ['bulletin_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bulletin_reads').execute();
  await db.schema.dropTable('bulletins').execute();
}
