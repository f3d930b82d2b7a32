// A file's proposals by file: the pending one (a partial index the planners could not use for
// `status = ?` with a bound value, so a re-evaluation batch read every pending proposal) and the
// latest one (rejected proposals stand while the file stays ineligible). A file has a few at most.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('removal_proposals_household').on('removal_proposals').columns(['household_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('removal_proposals_household').execute();
}
