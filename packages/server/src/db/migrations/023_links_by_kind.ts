// A person's 定点联系 households (kind 'link') among the thousands a county cadre is responsible for:
// the links by user and kind, so that 待办's overdue count reads only those (measured: 85 ms for a
// cadre with 74,000 links, without it).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('household_links_user_kind').on('household_links').columns(['user_id', 'kind', 'household_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('household_links_user_kind').execute();
}
