// SQL of the bulletin tables: bulletins (number, day, text, the numbers fixed when drafted, state)
// and bulletin_reads (who read a published one). Owned by the bulletins module.
import type { Q } from '../../db/transaction.js';

export function bulletinRows(db: Q, where: { id?: number; publishedOnly?: boolean } = {}) {
  return db.selectFrom('bulletins as b')
    .innerJoin('campaigns as c', 'c.id', 'b.campaign_id')
    .innerJoin('users as u', 'u.id', 'b.created_by')
    .select(['b.id', 'b.year', 'b.seq', 'b.campaign_id', 'c.name as campaign_name', 'b.as_of', 'b.title', 'b.recipients', 'b.paragraphs', 'b.data',
      'b.status', 'b.version', 'u.display_name as creator', 'b.created_at', 'b.updated_at', 'b.published_at'])
    .$if(where.id !== undefined, (q) => q.where('b.id', '=', where.id!))
    .$if(!!where.publishedOnly, (q) => q.where('b.status', '=', 'published'))
    .orderBy('b.year', 'desc').orderBy('b.seq', 'desc')
    .execute();
}
export type BulletinRow = Awaited<ReturnType<typeof bulletinRows>>[number];

/** The next number of a year; two publishing at once may read the same: the unique index refuses the twin, the caller tries again. */
async function nextSeq(trx: Q, year: number): Promise<number> {
  const r = await trx.selectFrom('bulletins').select((eb) => eb.fn.max('seq').as('seq')).where('year', '=', year).where('seq', '>', 0).executeTakeFirst();
  return Number(r?.seq ?? 0) + 1;
}

/** A draft: its number (seq) comes when it is published. */
export async function insertBulletin(trx: Q, b: { year: number; campaignId: number; asOf: string; title: string; recipients: string; paragraphs: string[]; data: unknown; by: number; at: string }): Promise<number> {
  const row = await trx.insertInto('bulletins').values({
    year: b.year, seq: 0, campaign_id: b.campaignId, as_of: b.asOf, title: b.title, recipients: b.recipients, paragraphs: JSON.stringify(b.paragraphs),
    data: JSON.stringify(b.data), status: 'draft', version: 1, created_by: b.by, created_at: b.at, updated_by: b.by, updated_at: b.at, published_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The edited text of a draft at the version read; false when published or changed meanwhile. */
export async function updateDraft(trx: Q, id: number, version: number, e: { title: string; recipients: string; paragraphs: string[]; by: number; at: string }): Promise<boolean> {
  const r = await trx.updateTable('bulletins').set({ title: e.title, recipients: e.recipients, paragraphs: JSON.stringify(e.paragraphs), version: version + 1, updated_by: e.by, updated_at: e.at })
    .where('id', '=', id).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Publishes a draft with the next number of the year of publication; null when it was published already. */
export async function publish(trx: Q, id: number, year: number, by: number, at: string): Promise<number | null> {
  const seq = await nextSeq(trx, year);
  const r = await trx.updateTable('bulletins').set((eb) => ({ status: 'published', year, seq, published_at: at, updated_by: by, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? seq : null;
}

/** Records a first read; false when this user had read it already (two readings at once: one row). */
export async function markRead(trx: Q, bulletinId: number, userId: number, orgCode: string, at: string): Promise<boolean> {
  const r = await trx.insertInto('bulletin_reads').values({ bulletin_id: bulletinId, user_id: userId, org_code: orgCode, read_at: at })
    .onConflict((oc) => oc.columns(['bulletin_id', 'user_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function readsOf(db: Q, bulletinIds: number[]) {
  if (bulletinIds.length === 0) return [];
  return db.selectFrom('bulletin_reads').select(['bulletin_id', 'user_id', 'org_code', 'read_at']).where('bulletin_id', 'in', bulletinIds).orderBy('read_at').execute();
}
