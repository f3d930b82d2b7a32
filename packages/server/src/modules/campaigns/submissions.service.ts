// 上报: a required region or unit submits its data for a `data` deadline. The submission freezes the
// organization's counts and the files it covers (worker number and version), so that the city sees
// what was reported, and the Excel of exactly those files can be downloaded as they were. The city
// accepts it or returns it with an opinion; after a return the organization submits again (a new
// round). Every step is one transaction with its audit row.
import { z } from 'zod';
import {
  SUBMITTED_FILE_STATUSES, submittedOnTime, todayInChina, type Campaign, type Submission,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { nowIso } from '../../lib/clock.js';
import { audit, auditNow } from '../audit/audit.repository.js';
import type { Actor } from '../access/actor.js';
import { writeFilesWorkbook } from '../exchange/export.workbook.js';
import * as repo from './campaigns.repository.js';
import { campaignIdOf, canManageCampaigns, getCampaign } from './campaigns.service.js';
import { zeroByStatus } from './progress.service.js';
import { fileVisible, frozenFilePages, orgFileCounts, submissionsOfFile, type SubmittingOrg } from './submission.queries.js';

/** The organization a user submits for: a county union's region, or a grassroots union. */
export function submittingOrg(actor: Actor): SubmittingOrg | null {
  if (actor.role === 'region') return { code: actor.orgCode.slice(0, 3), regionCode: actor.orgCode.slice(0, 3) };
  if (actor.role === 'unit') return { code: actor.orgCode, regionCode: actor.orgCode.slice(0, 3), unitCode: actor.orgCode };
  return null;
}

/** Which organizations' submissions a user sees: the city's people all, a county its own and its units', a unit its own. */
export function seesSubmissionOf(actor: Actor, orgCode: string): boolean {
  if (actor.role === 'region') return orgCode.slice(0, 3) === actor.orgCode.slice(0, 3);
  if (actor.role === 'unit') return orgCode === actor.orgCode || orgCode.startsWith(`${actor.orgCode}-`);
  return true;
}

export function submissionView(r: repo.SubmissionRow): Submission {
  return {
    id: Number(r.id), campaignId: Number(r.campaign_id), deadlineId: Number(r.deadline_id), deadlineLabel: r.deadline_label, dueDate: r.due_date,
    orgCode: r.org_code, orgName: r.org_name, status: r.status as Submission['status'], onTime: !!r.on_time, round: Number(r.round), note: r.note,
    fileCount: Number(r.file_count), byStatus: { ...zeroByStatus(), ...JSON.parse(r.by_status) }, byCategory: JSON.parse(r.by_category),
    submittedBy: r.submitter, submittedAt: r.submitted_at, decidedBy: r.decider ?? null, decidedAt: r.decided_at, opinion: r.opinion,
  };
}

export async function listSubmissions(db: Q, actor: Actor, rawId: string) {
  const c = await getCampaign(db, campaignIdOf(rawId));
  const rows = await repo.submissionRows(db, { campaignId: c.id });
  return { items: rows.filter((r) => seesSubmissionOf(actor, r.org_code)).map(submissionView) };
}

async function findSubmission(db: Q, actor: Actor, rawId: string) {
  const id = Number(rawId);
  const [row] = Number.isInteger(id) && id > 0 ? await repo.submissionRows(db, { id }) : [];
  if (!row || !seesSubmissionOf(actor, row.org_code)) throw notFound('上报记录');
  return row;
}

const submitSchema = z.object({
  deadlineId: z.number({ error: '截止事项应为编号' }).int({ error: '截止事项应为编号' }).optional(),
  note: z.string({ error: '说明应为文字' }).trim().max(500, { error: '说明不能超过500个字' }).optional(),
});

/** The data deadline a submission is for: the one named, else the first the organization has not had accepted. */
async function deadlineFor(db: Q, c: Campaign, orgCode: string, deadlineId: number | undefined) {
  const data = c.deadlines.filter((d) => d.kind === 'data');
  if (deadlineId !== undefined) {
    const d = c.deadlines.find((x) => x.id === deadlineId);
    if (!d) throw validationFailed([{ path: 'deadlineId', message: '截止事项不属于本次行动' }], 'submission deadline');
    if (d.kind !== 'data') throw validationFailed([{ path: 'deadlineId', message: `“${d.label}”是材料报送，不能上报数据` }], 'submission deadline');
    return d;
  }
  if (data.length === 0) throw validationFailed([{ path: 'deadlineId', message: '本次行动没有数据上报的截止事项' }], 'submission deadline');
  const latest = await repo.latestSubmissions(db, data.map((d) => d.id));
  const accepted = new Set(latest.filter((l) => l.org_code === orgCode && l.status === 'accepted').map((l) => Number(l.deadline_id)));
  return data.find((d) => !accepted.has(d.id)) ?? data[data.length - 1];
}

/** `opts.at`: the demo's submissions of a past campaign (never from a request). */
export async function submit(db: Db, actor: Actor, rawId: string, input: unknown, opts: { at?: string } = {}): Promise<Submission> {
  const org = submittingOrg(actor);
  if (!org) throw forbidden('只有县（市、区）工会和基层工会可以上报数据');
  const c = await getCampaign(db, campaignIdOf(rawId));
  const body = parseInput(submitSchema, input, 'submission');
  if (!c.requiredOrgs.some((o) => o.code === org.code)) throw forbidden(`本单位不在“${c.name}”的上报单位之列`);
  const deadline = await deadlineFor(db, c, org.code, body.deadlineId);
  const id = await inTransaction(db, async (trx) => {
    // read inside the transaction: two cadres pressing 上报 at once make one submission, not two
    const [latest] = (await repo.latestSubmissions(trx, [deadline.id])).filter((l) => l.org_code === org.code);
    if (latest?.status === 'submitted') throw new AppError('ALREADY_SUBMITTED');
    if (latest?.status === 'accepted') throw new AppError('ALREADY_SUBMITTED', { message: `“${deadline.label}”已上报并被市总工会接收，无需再报` });
    const at = opts.at ?? nowIso();
    const counts = await orgFileCounts(trx, org, c.year, SUBMITTED_FILE_STATUSES);
    const round = (await repo.countRounds(trx, deadline.id, org.code)) + 1;
    const onTime = submittedOnTime(at, deadline.dueDate);
    const id = await repo.insertSubmission(trx, {
      campaignId: c.id, deadlineId: deadline.id, orgCode: org.code, round, onTime, note: body.note || null, ...counts, by: actor.id, at,
    });
    const files = await repo.freezeFiles(trx, id, org, c.year, SUBMITTED_FILE_STATUSES);
    await audit(trx, actor, 'submission.submit', 'submission', id, { campaignId: c.id, deadline: deadline.label, org: org.code, round, onTime, files });
    return id;
  });
  return submissionView((await repo.submissionRows(db, { id }))[0]);
}

const decisionSchema = z.object({
  decision: z.enum(['accept', 'return'], { error: '处理结果应为 accept（接收）或 return（退回）' }),
  opinion: z.string({ error: '意见应为文字' }).trim().max(500, { error: '意见不能超过500个字' }).optional(),
}).refine((d) => d.decision !== 'return' || !!d.opinion, { path: ['opinion'], error: '退回时请填写退回意见，说明要改什么' });

export async function decide(db: Db, actor: Actor, rawId: string, input: unknown, opts: { at?: string } = {}): Promise<Submission> {
  if (!canManageCampaigns(actor)) throw forbidden('只有市总工会可以接收或退回上报');
  const row = await findSubmission(db, actor, rawId);
  const d = parseInput(decisionSchema, input, 'submission decision');
  await inTransaction(db, async (trx) => {
    const status = d.decision === 'accept' ? 'accepted' : 'returned';
    if (!(await repo.decideSubmission(trx, Number(row.id), { status, opinion: d.opinion || null, by: actor.id, at: opts.at ?? nowIso() })))
      throw new AppError('SUBMISSION_DECIDED');
    await audit(trx, actor, d.decision === 'accept' ? 'submission.accept' : 'submission.return', 'submission', Number(row.id), { org: row.org_code, opinion: d.opinion });
  });
  return submissionView((await repo.submissionRows(db, { id: Number(row.id) }))[0]);
}

/** The submission's frozen files as a workbook (masked as the role sees them). Audited. */
export async function exportSubmission(db: Db, actor: Actor, rawId: string, filename: string) {
  // the files of a whole county: the city's leaders and staff see only their own households
  if (actor.role === 'leader' || actor.role === 'staff') throw forbidden('上报数据只能由市总工会和上报单位下载');
  const row = await findSubmission(db, actor, rawId);
  const missing = { n: 0 };
  const title = (stamp: string) =>
    `${row.org_name}上报数据（${row.deadline_label}，第${row.round}次，上报于 ${todayInChina(new Date(row.submitted_at))}，共 ${row.file_count} 户，为上报时的档案内容） · ${stamp}`;
  const result = await writeFilesWorkbook(filename, actor, () => frozenFilePages(db, Number(row.id), 1000, missing), title);
  await auditNow(db, actor, 'submission.export', 'submission', Number(row.id), { ...result, missing: missing.n || undefined });
  return { ...result, name: `${row.org_name}-${row.deadline_label}-第${row.round}次上报.xlsx` };
}

/** The submissions that froze a file the caller can see, and whether it changed since. */
export async function reportedOf(db: Q, actor: Actor, rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id < 1 || !(await fileVisible(db, actor, id))) throw notFound('档案');
  const rows = await submissionsOfFile(db, id);
  return {
    items: rows.map((r) => ({
      submissionId: Number(r.submission_id), campaignName: r.campaign_name, deadlineLabel: r.deadline_label, orgName: r.org_name,
      status: r.status as Submission['status'], submittedAt: r.submitted_at, version: Number(r.version), changedSince: Number(r.current_version) > Number(r.version),
    })),
  };
}
