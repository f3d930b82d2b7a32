// 已退回: the list's filter for the drafts a reviewer sent back (status draft, a return reason). They
// are few, but without an index of their own both databases read every draft (50,000 at a million)
// to find them, for the page and again for its exact total (200–500 ms on SQLite). A partial index
// holds only the files with a return reason, status first, so that `status = 'draft'` seeks it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('households_returned').on('households').columns(['status', 'region_code', 'id']).where(sql.ref('return_reason'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('households_returned').execute();
}
