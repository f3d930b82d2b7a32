// An import can be marked as the old 困难职工数据库 (原数据库): a campaign's baselines (how many
// households each organization's old database held) are then counted from the files it brought.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('old_database', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('old_database').execute();
}
