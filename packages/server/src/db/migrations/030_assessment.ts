// 考核 and 表彰: a year's rubric as the city union saved it (until then core's DEFAULT_RUBRIC),
// the manual adjustments (points in tenths, so both databases keep them as integers), and the
// nominations for commendation. Returns in review are counted per year through a partial index.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';
  await db.schema.createTable('assessment_rubrics')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    /** JSON [{code, weight, zero, full}] */
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createTable('assessment_adjustments')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('tenths', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_adjustments_year').on('assessment_adjustments').columns(['year', 'org_code']).execute();
  await db.schema.createTable('commendations')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    /** the organization commended, or the person's organization */
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('title', 'varchar(40)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('source', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('proposed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('proposed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('opinion', 'varchar(200)')
    .execute();
  // one live nomination of a subject for a title a year (a declined one may be proposed again)
  await sql`create unique index commendations_subject on commendations (year, kind, org_code, coalesce(user_id, 0), title) where status <> 'declined'`.execute(db);
  await db.schema.createIndex('commendations_user').on('commendations').columns(['user_id']).execute();
  await sql`create index review_opinions_returns on review_opinions (at, household_id) where decision = 'return'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index review_opinions_returns`.execute(db);
  await db.schema.dropTable('commendations').execute();
  await db.schema.dropTable('assessment_adjustments').execute();
  await db.schema.dropTable('assessment_rubrics').execute();
}
