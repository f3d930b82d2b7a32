// The audit chain becomes keyed (HMAC with a key kept outside the database): from which row on, and
// a MAC of that row number, so that nobody without the key can move the start of the keyed part.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('keyed_from', 'integer').execute();
  await db.schema.alterTable('audit_head').addColumn('keyed_mac', 'varchar(64)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').dropColumn('keyed_mac').execute();
  await db.schema.alterTable('audit_head').dropColumn('keyed_from').execute();
}
