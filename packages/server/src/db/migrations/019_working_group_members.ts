// The seed's seven working groups: each led by a city leader, with the city union's 机关干部 as its
// members (a member belongs to one group).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('working_group_members')
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull().references('orgs.code'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('working_group_members_pk', ['user_id'])
    .execute();
  await db.schema.createIndex('working_group_members_region').on('working_group_members').columns(['region_code', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('working_group_members').execute();
}
