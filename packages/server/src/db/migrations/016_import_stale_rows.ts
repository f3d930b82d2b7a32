// An import is written batch by batch (each its own transaction): a row whose file changed after the
// check is not written but kept with status 'stale' and the reason in `note`, shown after the import;
// the import counts them in `stale_count`.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_rows').addColumn('note', 'text').execute();
  await db.schema.alterTable('imports').addColumn('stale_count', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_rows').dropColumn('note').execute();
  await db.schema.alterTable('imports').dropColumn('stale_count').execute();
}
