// Two-person control over accounts that see personal data in full (市总工会, 县区工会, 基层工会):
// what the system administrator asks for (a new account, a password reset, a reactivation) waits
// here until a city-union cadre approves it, and the initial password is shown to the approver only.
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('user_approvals')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull()) // create | reset | activate
    .addColumn('status', 'varchar(16)', (c) => c.notNull()) // pending | approved | refused
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('user_approvals_status').on('user_approvals').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_approvals').execute();
}
