// Identification: the policy (lines per region and year, two ratios, versioned), each file's
// current result in indexed columns, background jobs, and removal proposals.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  const idCol = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('policy_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('marginal_ratio', 'varchar(16)', (c) => c.notNull())
    .addColumn('expense_ratio', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.insertInto('policy_settings').values({ id: 1, version: 0, marginal_ratio: '1.3', expense_ratio: '0.5', updated_by: null, updated_at: new Date().toISOString() }).execute();

  await db.schema
    .createTable('policy_lines')
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull().references('orgs.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('monthly_line_fen', 'integer', (c) => c.notNull())
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_lines_pk', ['region_code', 'year'])
    .execute();

  await db.schema
    .createTable('policy_changes')
    .addColumn('id', idType, idCol)
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('job_id', 'integer')
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', idType, idCol)
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('jobs_status').on('jobs').column('status').execute();

  await db.schema
    .createTable('identification_changes')
    .addColumn('id', idType, idCol)
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('old_eligible', 'integer')
    .addColumn('new_eligible', 'integer')
    .addColumn('old_category', 'varchar(16)')
    .addColumn('new_category', 'varchar(16)')
    .execute();
  await db.schema.createIndex('identification_changes_job').on('identification_changes').columns(['job_id', 'id']).execute();

  await db.schema
    .createTable('removal_proposals')
    .addColumn('id', idType, idCol)
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('file_version', 'integer', (c) => c.notNull())
    .addColumn('policy_version', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('note', 'varchar(500)')
    .execute();
  await db.schema.createIndex('removal_proposals_status').on('removal_proposals').columns(['status', 'region_code', 'id']).execute();
  await db.schema.createIndex('removal_proposals_pending').on('removal_proposals').column('household_id').unique()
    .where(sql.ref('status'), '=', 'pending').execute();

  // The current result of each file. Conditions and flags are 0/1 columns so lists can filter
  // and count on them; id_special (some special reason holds) lets the what-if run in SQL.
  const cols: [string, string, boolean][] = [
    ['fill_year', 'integer', true], ['id_eligible', 'integer', false], ['id_c1', 'integer', true], ['id_c2', 'integer', true],
    ['id_c3', 'integer', true], ['id_special', 'integer', true], ['id_category', 'varchar(16)', false],
    ['id_flag_mismatch', 'integer', true], ['id_flag_dibao_not_received', 'integer', true], ['id_flag_dibao_above', 'integer', true],
    ['id_flag_no_line', 'integer', true], ['id_policy_version', 'integer', false], ['id_file_version', 'integer', false],
    ['id_result', 'text', false], ['id_at', 'varchar(32)', false],
  ];
  for (const [name, type, zero] of cols)
    await db.schema.alterTable('households').addColumn(name, type as 'integer', (c) => (zero ? c.notNull().defaultTo(0) : c)).execute();
  await sql`update households set fill_year = cast(substr(fill_date, 1, 4) as integer)`.execute(db);
  const idx = async (name: string, columns: string[]) => db.schema.createIndex(name).on('households').columns(columns).execute();
  await idx('households_region_year', ['region_code', 'fill_year']);
  await idx('households_eligible', ['id_eligible', 'region_code']);
  await idx('households_suggested', ['id_category', 'region_code']);
}
