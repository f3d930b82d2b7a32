// 调研报告: a campaign's report deadline says how many reports each required county union and unit
// owes; each report (title, summary, the file) is kept with its state, and its file's bytes in a table
// of their own so that lists never read them (and a backup of the database holds them).
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'serial' : 'integer';
  await db.schema.alterTable('campaign_deadlines').addColumn('reports_per_region', 'integer').execute();
  await db.schema.alterTable('campaign_deadlines').addColumn('reports_per_unit', 'integer').execute();
  await db.schema.createTable('research_reports')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('campaign_deadlines.id'))
    .addColumn('org_code', 'varchar(32)', (c) => c.notNull().references('orgs.code'))
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('summary', 'varchar(2000)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('file_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    /** submitted | returned | accepted */
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('replaced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('first_submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('opinion', 'varchar(500)')
    .execute();
  await db.schema.createIndex('research_reports_campaign').on('research_reports').columns(['campaign_id', 'deadline_id', 'org_code']).execute();
  await db.schema.createTable('research_report_files')
    .addColumn('report_id', 'integer', (c) => c.primaryKey().references('research_reports.id'))
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('research_report_files').execute();
  await db.schema.dropTable('research_reports').execute();
  await db.schema.alterTable('campaign_deadlines').dropColumn('reports_per_unit').execute();
  await db.schema.alterTable('campaign_deadlines').dropColumn('reports_per_region').execute();
}
