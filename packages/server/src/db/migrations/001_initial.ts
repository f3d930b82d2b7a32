// The registry's tables. Written with Kysely's schema builder so one file serves SQLite and
// PostgreSQL; the only branch is the auto-increment key type.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  const idCol = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('orgs')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(32)', (c) => c.references('orgs.code'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orgs_parent').on('orgs').column('parent_code').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', idType, idCol)
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('display_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull().references('orgs.code'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('worker_no_counters')
    .addColumn('region_code', 'varchar(8)', (c) => c.primaryKey().references('orgs.code'))
    .addColumn('last_serial', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  let t = db.schema
    .createTable('households')
    .addColumn('id', idType, idCol)
    .addColumn('worker_no', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull().references('orgs.code'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.references('orgs.code'))
    .addColumn('fill_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('model_worker', 'varchar(16)')
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('gender', 'varchar(2)', (c) => c.notNull())
    .addColumn('ethnicity', 'varchar(16)', (c) => c.notNull())
    .addColumn('id_number', 'varchar(18)', (c) => c.notNull())
    .addColumn('education', 'varchar(16)', (c) => c.notNull())
    .addColumn('political_status', 'varchar(8)', (c) => c.notNull())
    .addColumn('skill_level', 'varchar(50)')
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone', 'varchar(30)', (c) => c.notNull())
    .addColumn('employer', 'varchar(100)', (c) => c.notNull())
    .addColumn('marital_status', 'varchar(4)', (c) => c.notNull())
    .addColumn('health', 'varchar(50)', (c) => c.notNull())
    .addColumn('unit_nature', 'varchar(16)', (c) => c.notNull())
    .addColumn('service_years', 'integer', (c) => c.notNull())
    .addColumn('medical_insurance', 'varchar(8)', (c) => c.notNull())
    .addColumn('disability_grade', 'varchar(4)', (c) => c.notNull())
    .addColumn('enterprise_status', 'varchar(8)', (c) => c.notNull())
    .addColumn('work_status', 'varchar(8)', (c) => c.notNull());
  for (const col of ['receives_dibao', 'own_annual_income', 'household_annual_income', 'household_size', 'per_capita_income',
    'household_annual_expense', 'medical_expense', 'tuition_expense', 'accident_expense', 'lost_work_capacity'])
    t = t.addColumn(col, 'integer', (c) => c.notNull());
  await t
    .addColumn('other_hardship', 'varchar(500)')
    .addColumn('rights_infringed', 'integer', (c) => c.notNull())
    .addColumn('wants_to_start_business', 'integer', (c) => c.notNull())
    .addColumn('causes', 'varchar(64)', (c) => c.notNull())
    .addColumn('cause_description', 'varchar(1000)')
    .addColumn('needs', 'varchar(2000)')
    .addColumn('measures', 'varchar(2000)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('removal_reason', 'varchar(500)')
    .addColumn('removed_at', 'varchar(32)')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // List pages filter by region first (scope), then by one of these, and page by id or date.
  const idx = async (name: string, cols: string[]) =>
    db.schema.createIndex(name).on('households').columns(cols).execute();
  await idx('households_region_status_id', ['region_code', 'status', 'id']);
  await idx('households_region_category', ['region_code', 'category', 'id']);
  await idx('households_region_fill_date', ['region_code', 'fill_date']);
  await idx('households_status_id', ['status', 'id']);
  await idx('households_category', ['category', 'id']);
  await idx('households_fill_date', ['fill_date']);
  await idx('households_id_number', ['id_number']);
  // One live file per worker: a removed household may be filed again later.
  await db.schema.createIndex('households_id_number_live').on('households').column('id_number').unique()
    .where(sql.ref('status'), '<>', 'removed').execute();
  await idx('households_name', ['name']);
  await idx('households_unit', ['unit_id']);
  await idx('households_income', ['household_annual_income']);
  await idx('households_per_capita', ['per_capita_income']);

  await db.schema
    .createTable('household_members')
    .addColumn('id', idType, idCol)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('relation', 'varchar(8)', (c) => c.notNull())
    .addColumn('gender', 'varchar(2)', (c) => c.notNull())
    .addColumn('education', 'varchar(16)', (c) => c.notNull())
    .addColumn('id_number', 'varchar(18)')
    .addColumn('health', 'varchar(50)', (c) => c.notNull())
    .addColumn('disability_grade', 'varchar(4)', (c) => c.notNull())
    .addColumn('annual_income', 'integer', (c) => c.notNull())
    .addColumn('occupation', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_or_school', 'varchar(100)')
    .addColumn('skill_level', 'varchar(50)')
    .execute();
  await db.schema.createIndex('members_household').on('household_members').columns(['household_id', 'seq']).execute();
  await db.schema.createIndex('members_id_number').on('household_members').column('id_number').execute();

  await db.schema
    .createTable('household_causes')
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('cause', 'varchar(8)', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_causes_pk', ['household_id', 'cause'])
    .execute();
  await db.schema.createIndex('household_causes_cause').on('household_causes').columns(['cause', 'household_id']).execute();

  await db.schema
    .createTable('household_versions')
    .addColumn('id', idType, idCol)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('household_versions_unique', ['household_id', 'version'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', pg ? 'bigserial' : 'integer', idCol)
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'varchar(64)')
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('entity', 'varchar(32)')
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('detail', 'text')
    .addColumn('ip', 'varchar(64)')
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, last_id: 0, last_hash: '0'.repeat(64) }).execute();
}
