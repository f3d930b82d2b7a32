// Jobs leased to the process that runs them, so that several server processes (or instances on
// several machines) run each job exactly once, and a job of a process that died is taken over.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('lease_owner', 'varchar(96)').execute();
  await db.schema.alterTable('jobs').addColumn('lease_until', 'varchar(32)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('lease_until').execute();
  await db.schema.alterTable('jobs').dropColumn('lease_owner').execute();
}
