// 考核结果定稿: a year's assessment of a level, as it stood when the city union finalized it (the
// rows, scores, adjustments and ranks), so that later data — a visit in January, a file closed —
// no longer moves a published result.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('assessment_results')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(8)', (c) => c.notNull())
    /** JSON of the Assessment as computed when finalized */
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('finalized_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('finalized_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_results_pk', ['year', 'level'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_results').execute();
}
