// The campaign layer (专项行动): campaigns with phases and deadlines, the organizations that must
// submit, the old database's household counts (baselines), submissions (上报) with the files each
// froze. Organizations gain 大中型企事业单位. The households' facets gain the unit with the fill
// year and the day a file was entered (the progress per unit, new this week, files per week): the
// triggers are made again and the counts recounted. Three indexes serve the progress: the files under
// review by region, year and unit with the time they were submitted (oldest waiting), a status's
// files by region and submission time (a review queue), and the files by region and the time they
// were entered (new this week per unit).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  const idCol = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema.alterTable('orgs').addColumn('large_enterprise', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.createTable('campaigns')
    .addColumn('id', idType, idCol)
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('phases', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema.createTable('campaign_deadlines')
    .addColumn('id', idType, idCol)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('label', 'varchar(40)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_deadlines_campaign').on('campaign_deadlines').columns(['campaign_id', 'sort']).execute();

  await db.schema.createTable('campaign_orgs')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull().references('orgs.code'))
    .addPrimaryKeyConstraint('campaign_orgs_pk', ['campaign_id', 'org_code'])
    .execute();

  await db.schema.createTable('campaign_baselines')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull().references('orgs.code'))
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_baselines_pk', ['campaign_id', 'org_code'])
    .execute();

  await db.schema.createTable('submissions')
    .addColumn('id', idType, idCol)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('campaign_deadlines.id'))
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull().references('orgs.code'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('by_status', 'text', (c) => c.notNull())
    .addColumn('by_category', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('opinion', 'varchar(500)')
    .execute();
  await db.schema.createIndex('submissions_deadline_org').on('submissions').columns(['deadline_id', 'org_code', 'id']).execute();
  await db.schema.createIndex('submissions_status').on('submissions').columns(['status', 'campaign_id']).execute();

  await db.schema.createTable('submission_files')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('worker_no', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_files_pk', ['submission_id', 'household_id'])
    .execute();
  await db.schema.createIndex('submission_files_household').on('submission_files').columns(['household_id', 'submission_id']).execute();

  await db.schema.createIndex('households_waiting').on('households').columns(['region_code', 'fill_year', 'unit_id', 'submitted_at'])
    .where(sql.raw<boolean>("status in ('submitted', 'unitApproved')")).execute();
  // a review queue's size and oldest file (工作台, 待办)
  await db.schema.createIndex('households_review_queue').on('households').columns(['status', 'region_code', 'submitted_at']).execute();
  await db.schema.createIndex('households_region_created').on('households').columns(['region_code', 'created_at', 'unit_id']).execute();

  for (const s of [...dropTallyTriggers(pg), ...tallyTriggers(pg, 17), ...recountStatements(17)]) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['submission_files', 'submissions', 'campaign_baselines', 'campaign_orgs', 'campaign_deadlines', 'campaigns']) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('households_waiting').execute();
  await db.schema.dropIndex('households_region_created').execute();
  await db.schema.dropIndex('households_review_queue').execute();
  await db.schema.alterTable('orgs').dropColumn('large_enterprise').execute();
}
