// A bulletin gets its number (发文字号) when it is published, not when drafted: drafts hold seq 0 and
// only the published are unique per year. And the facets are read by value ranges (the as-of
// counts of a year up to a day): an index by facet and value.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('bulletins_number').execute();
  await sql`update bulletins set seq = 0 where status = 'draft'`.execute(db);
  await db.schema.createIndex('bulletins_number').on('bulletins').columns(['year', 'seq']).unique().where(sql.ref('seq'), '>', 0).execute();
  await db.schema.createIndex('household_facets_value').on('household_facets').columns(['facet', 'value']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('household_facets_value').execute();
  await db.schema.dropIndex('bulletins_number').execute();
  await db.schema.createIndex('bulletins_number').on('bulletins').columns(['year', 'seq']).unique().execute();
}
