// SQL of the 调研报告 tables: research_reports (one row per report, its state) and
// research_report_files (the file's bytes, read only when downloaded). Owned by the campaigns module.
import type { Q } from '../../db/transaction.js';

const COLUMNS = [
  'r.id', 'r.campaign_id', 'r.deadline_id', 'r.org_code', 'r.title', 'r.summary', 'r.file_name', 'r.file_kind', 'r.file_size', 'r.status',
  'r.on_time', 'r.replaced', 'r.first_submitted_at', 'r.submitted_at', 'r.decided_at', 'r.opinion',
] as const;

/** Reports with their organization's and people's names: of a campaign, or one by id. */
export function reportRows(db: Q, where: { campaignId: number } | { id: number }) {
  return db.selectFrom('research_reports as r')
    .innerJoin('orgs', 'orgs.code', 'r.org_code')
    .innerJoin('users as s', 's.id', 'r.submitted_by')
    .leftJoin('users as c', 'c.id', 'r.decided_by')
    .select([...COLUMNS, 'orgs.name as org_name', 's.display_name as submitter', 'c.display_name as decider'])
    .$if('campaignId' in where, (q) => q.where('r.campaign_id', '=', (where as { campaignId: number }).campaignId))
    .$if('id' in where, (q) => q.where('r.id', '=', (where as { id: number }).id))
    .orderBy('r.id', 'desc')
    .execute();
}
export type ReportRow = Awaited<ReturnType<typeof reportRows>>[number];

export async function countReports(db: Q, deadlineId: number, orgCode: string): Promise<number> {
  const r = await db.selectFrom('research_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('deadline_id', '=', deadlineId).where('org_code', '=', orgCode).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Whether any of these deadlines has a report (such a deadline cannot be deleted). */
export async function deadlinesWithReports(db: Q, deadlineIds: number[]): Promise<boolean> {
  if (deadlineIds.length === 0) return false;
  return !!(await db.selectFrom('research_reports').select('id').where('deadline_id', 'in', deadlineIds).limit(1).executeTakeFirst());
}

interface FileFields { title: string; summary: string; fileName: string; fileKind: string; content: Buffer }

export async function insertReport(trx: Q, r: FileFields & { campaignId: number; deadlineId: number; orgCode: string; onTime: boolean; by: number; at: string }): Promise<number> {
  const row = await trx.insertInto('research_reports').values({
    campaign_id: r.campaignId, deadline_id: r.deadlineId, org_code: r.orgCode, title: r.title, summary: r.summary, file_name: r.fileName,
    file_kind: r.fileKind, file_size: r.content.length, status: 'submitted', on_time: r.onTime ? 1 : 0, submitted_by: r.by,
    first_submitted_at: r.at, submitted_at: r.at, decided_by: null, decided_at: null, opinion: null,
  }).returning('id').executeTakeFirstOrThrow();
  const id = Number(row.id);
  await trx.insertInto('research_report_files').values({ report_id: id, content: r.content }).execute();
  return id;
}

/** A new file (and title, summary) for a report not accepted: submitted again. False when it was accepted meanwhile. */
export async function replaceReport(trx: Q, id: number, r: FileFields & { by: number; at: string }): Promise<boolean> {
  const res = await trx.updateTable('research_reports').set((eb) => ({
    title: r.title, summary: r.summary, file_name: r.fileName, file_kind: r.fileKind, file_size: r.content.length, status: 'submitted',
    replaced: eb('replaced', '+', 1), submitted_by: r.by, submitted_at: r.at, decided_by: null, decided_at: null, opinion: null,
  })).where('id', '=', id).where('status', 'in', ['submitted', 'returned']).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await trx.updateTable('research_report_files').set({ content: r.content }).where('report_id', '=', id).execute();
  return true;
}

/** Decides a report still submitted (and, when given, still the file of that many replacements). */
export async function decideReport(trx: Q, id: number, d: { status: 'accepted' | 'returned'; opinion: string | null; by: number; at: string; replaced?: number }): Promise<boolean> {
  const res = await trx.updateTable('research_reports').set({ status: d.status, opinion: d.opinion, decided_by: d.by, decided_at: d.at })
    .where('id', '=', id).where('status', '=', 'submitted').$if(d.replaced !== undefined, (q) => q.where('replaced', '=', d.replaced!)).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function reportContent(db: Q, id: number): Promise<Buffer | null> {
  const r = await db.selectFrom('research_report_files').select('content').where('report_id', '=', id).executeTakeFirst();
  return r ? Buffer.from(r.content) : null;
}
