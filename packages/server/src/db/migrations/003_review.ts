// Roles and review: the file lifecycle (draft → submitted → unitApproved → filed, removed,
// exited), the two review opinions, links between households and the city's leaders and staff.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  const idCol = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('review_opinions')
    .addColumn('id', idType, idCol)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('file_version', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(8)', (c) => c.notNull())
    .addColumn('decision', 'varchar(8)', (c) => c.notNull())
    .addColumn('opinion', 'varchar(1000)', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('author_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('org_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_opinions_household').on('review_opinions').columns(['household_id', 'id']).execute();

  await db.schema
    .createTable('household_links')
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_links_pk', ['household_id', 'user_id', 'kind'])
    .execute();
  await db.schema.createIndex('household_links_user').on('household_links').columns(['user_id', 'household_id']).execute();

  for (const [name, type] of [['submitted_at', 'varchar(32)'], ['submitted_by', 'integer'], ['return_reason', 'varchar(1000)'],
    ['exit_reason', 'varchar(500)'], ['exit_date', 'varchar(10)']] as const)
    await db.schema.alterTable('households').addColumn(name, type).execute();

  // Files of the registry era were on the books: they count as filed.
  await sql`update households set status = 'filed' where status = 'active'`.execute(db);
  await db.schema.dropIndex('households_id_number_live').execute();
  await db.schema.createIndex('households_id_number_live').on('households').column('id_number').unique()
    .where(sql<boolean>`status not in ('removed', 'exited')`).execute();
  await db.schema.createIndex('households_unit_status').on('households').columns(['unit_id', 'status']).execute();
}
