// SQL of the commendations table (表彰的推荐与审批). Owned by the assessment module.
import type { Q } from '../../db/transaction.js';

export interface CommendationFilter { id?: number; year?: number; orgCode?: string; userId?: number; status?: string }

export function commendationRows(db: Q, f: CommendationFilter) {
  return db.selectFrom('commendations as c')
    .innerJoin('orgs', 'orgs.code', 'c.org_code')
    .innerJoin('users as p', 'p.id', 'c.proposed_by')
    .leftJoin('users as d', 'd.id', 'c.decided_by')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select([
      'c.id', 'c.year', 'c.kind', 'c.org_code', 'c.user_id', 'c.title', 'c.reason', 'c.source', 'c.status', 'c.proposed_at', 'c.decided_at', 'c.opinion',
      'orgs.name as org_name', 'p.display_name as proposer', 'd.display_name as decider', 'u.username', 'u.display_name',
    ])
    .$if(f.id !== undefined, (q) => q.where('c.id', '=', f.id!))
    .$if(f.year !== undefined, (q) => q.where('c.year', '=', f.year!))
    .$if(f.orgCode !== undefined, (q) => q.where('c.org_code', '=', f.orgCode!).where('c.kind', '=', 'org'))
    .$if(f.userId !== undefined, (q) => q.where('c.user_id', '=', f.userId!))
    .$if(f.status !== undefined, (q) => q.where('c.status', '=', f.status!))
    .orderBy('c.year', 'desc').orderBy('c.kind').orderBy('c.id')
    .execute();
}
export type CommendationRow = Awaited<ReturnType<typeof commendationRows>>[number];

export async function insertCommendation(trx: Q, c: {
  year: number; kind: string; orgCode: string; userId: number | null; title: string; reason: string; source: string; by: number; at: string;
}): Promise<number> {
  const r = await trx.insertInto('commendations').values({
    year: c.year, kind: c.kind, org_code: c.orgCode, user_id: c.userId, title: c.title, reason: c.reason, source: c.source,
    status: 'proposed', proposed_by: c.by, proposed_at: c.at,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Decides a proposed nomination; false when it was decided meanwhile. */
export async function decideCommendation(trx: Q, id: number, d: { status: 'approved' | 'declined'; opinion: string | null; by: number; at: string }): Promise<boolean> {
  const r = await trx.updateTable('commendations').set({ status: d.status, opinion: d.opinion, decided_by: d.by, decided_at: d.at })
    .where('id', '=', id).where('status', '=', 'proposed').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
