// Tailored measures and regular assistance: the measure catalog, plans, urgency and batches,
// responsible leader and cadre, the city's working groups, assistance records, settings.
import { sql, type Kysely } from 'kysely';
import { MEASURE_CATALOG } from '@bangfu/core';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  const idCol = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const at = new Date().toISOString();

  await db.schema
    .createTable('measures')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  for (const [i, m] of MEASURE_CATALOG.entries())
    await db.insertInto('measures').values({ code: m.code, name: m.name, category: m.category, description: m.description, active: 1, sort: i + 1, updated_by: null, updated_at: at }).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('household_plans')
    .addColumn('id', idType, idCol)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('measure_code', 'varchar(32)', (c) => c.notNull().references('measures.code'))
    .addColumn('recommended', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('target_date', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(1000)')
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('household_plans_unique', ['household_id', 'measure_code'])
    .execute();

  await db.schema
    .createTable('responsibility_changes')
    .addColumn('id', idType, idCol)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('old_leader_id', 'integer')
    .addColumn('new_leader_id', 'integer')
    .addColumn('old_cadre_id', 'integer')
    .addColumn('new_cadre_id', 'integer')
    .addColumn('reason', 'varchar(500)')
    .addColumn('changed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('responsibility_changes_household').on('responsibility_changes').columns(['household_id', 'id']).execute();

  await db.schema
    .createTable('working_groups')
    .addColumn('region_code', 'varchar(8)', (c) => c.primaryKey().references('orgs.code'))
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assistance_records')
    .addColumn('id', idType, idCol)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(8)', (c) => c.notNull())
    .addColumn('amount_fen', 'integer')
    .addColumn('description', 'varchar(1000)', (c) => c.notNull())
    .addColumn('solved_problem', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assistance_household_date').on('assistance_records').columns(['household_id', 'date']).execute();
  await db.schema.createIndex('assistance_region_year').on('assistance_records').columns(['region_code', 'year']).execute();
  await db.schema.createIndex('assistance_recorder_year').on('assistance_records').columns(['recorded_by', 'year']).execute();

  for (const [name, type] of [['leader_user_id', 'integer'], ['cadre_user_id', 'integer'], ['last_assisted_on', 'varchar(10)'],
    ['urgency_score', 'integer'], ['urgency_batch', 'integer'], ['urgency_parts', 'text']] as const)
    await db.schema.alterTable('households').addColumn(name, type).execute();
  await db.schema.createIndex('households_leader').on('households').column('leader_user_id').execute();
  await db.schema.createIndex('households_cadre').on('households').column('cadre_user_id').execute();
  await db.schema.createIndex('households_region_batch').on('households').columns(['region_code', 'urgency_batch']).execute();
  await db.schema.createIndex('households_last_assisted').on('households').columns(['status', 'last_assisted_on']).execute();
  void sql;
}
