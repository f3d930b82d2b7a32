// 调研报告: a required county union or unit uploads its research reports for a campaign's report
// deadline (title, summary, a Word, WPS or PDF file judged by its content); it may replace a report
// until the city union accepts it; the city accepts or returns it with an opinion. The tracker says
// per required organization how many it owes, has sent and has had accepted, and who is late. Every
// step is one transaction with its audit row; a download is audited too.
import { z } from 'zod';
import {
  checkReportFile, submittedOnTime, type Campaign, type Deadline, type ResearchReport, type ResearchReportList,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { nowIso } from '../../lib/clock.js';
import { audit, auditNow } from '../audit/audit.repository.js';
import type { Actor } from '../access/actor.js';
import * as repo from './research-reports.repository.js';
import { campaignIdOf, canManageCampaigns, getCampaign } from './campaigns.service.js';
import { seesSubmissionOf, submittingOrg } from './submissions.service.js';

const MAX_PER_DEADLINE = 5;

const fieldsSchema = z.object({
  title: z.string({ error: '请填写报告标题' }).trim().min(1, { error: '请填写报告标题' }).max(100, { error: '报告标题不能超过100个字' }),
  summary: z.string({ error: '请填写内容摘要' }).trim().min(1, { error: '请填写内容摘要' }).max(2000, { error: '内容摘要不能超过2000个字' }),
  deadlineId: z.coerce.number({ error: '截止事项应为编号' }).int({ error: '截止事项应为编号' }).positive({ error: '截止事项应为编号' }).optional(),
});

export interface UploadedReport { name: string; content: Buffer }

/** The report deadline a page means: the next one due, else the last one. */
export function nextReportDeadline(c: Campaign): Deadline | null {
  const due = c.deadlines.filter((d) => d.kind === 'report');
  return due.find((d) => d.daysLeft >= 0) ?? due[due.length - 1] ?? null;
}

function reportView(r: repo.ReportRow): ResearchReport {
  return {
    id: Number(r.id), campaignId: Number(r.campaign_id), deadlineId: Number(r.deadline_id), orgCode: r.org_code, orgName: r.org_name,
    title: r.title, summary: r.summary, fileName: r.file_name, fileKind: r.file_kind as ResearchReport['fileKind'], fileSize: Number(r.file_size),
    status: r.status as ResearchReport['status'], onTime: !!r.on_time, replaced: Number(r.replaced), submittedBy: r.submitter,
    firstSubmittedAt: r.first_submitted_at, submittedAt: r.submitted_at, decidedBy: r.decider ?? null, decidedAt: r.decided_at, opinion: r.opinion,
  };
}

/** The file, judged by its content; the fields, each error naming its field. */
function checkUpload(input: Record<string, unknown>, file: UploadedReport | null) {
  const f = parseInput(fieldsSchema, input, 'research report');
  if (!file) throw validationFailed([{ path: 'file', message: '请选择报告文件（Word、WPS 或 PDF）' }], 'research report');
  const checked = checkReportFile(file.name, file.content);
  if ('error' in checked) throw new AppError('INVALID_FILE', { message: checked.error, errors: [{ path: 'file', message: checked.error }] });
  return { ...f, fileName: file.name, fileKind: checked.kind, content: file.content };
}

// opts.at: the demo's past reports (never from a request)
export async function uploadReport(db: Db, actor: Actor, rawId: string, input: Record<string, unknown>, file: UploadedReport | null, opts: { at?: string } = {}): Promise<ResearchReport> {
  const org = submittingOrg(actor);
  if (!org) throw forbidden('只有县（市、区）工会和上报单位可以报送调研报告');
  const c = await getCampaign(db, campaignIdOf(rawId));
  if (!c.requiredOrgs.some((o) => o.code === org.code)) throw forbidden('本单位不是本次行动的上报单位');
  const u = checkUpload(input, file);
  const deadline = u.deadlineId === undefined ? nextReportDeadline(c) : c.deadlines.find((d) => d.id === u.deadlineId && d.kind === 'report');
  if (!deadline) throw validationFailed([{ path: 'deadlineId', message: u.deadlineId === undefined ? '本次行动没有材料报送的截止事项' : '截止事项不是本次行动的材料报送事项' }], 'research report');
  const id = await inTransaction(db, async (trx) => {
    if ((await repo.countReports(trx, deadline.id, org.code)) >= MAX_PER_DEADLINE)
      throw validationFailed([{ path: 'file', message: `每个截止事项最多报送${MAX_PER_DEADLINE}篇，可以更换已报送的报告` }], 'research report');
    const at = opts.at ?? nowIso();
    const id = await repo.insertReport(trx, { ...u, campaignId: c.id, deadlineId: deadline.id, orgCode: org.code, onTime: submittedOnTime(at, deadline.dueDate), by: actor.id, at });
    await audit(trx, actor, 'report.upload', 'research_report', id, { campaign: c.id, org: org.code, file: u.fileName, size: u.content.length });
    return id;
  });
  return reportView((await repo.reportRows(db, { id }))[0]);
}

async function findReport(db: Q, actor: Actor, rawId: string) {
  const id = Number(rawId);
  const [row] = Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? await repo.reportRows(db, { id }) : [];
  if (!row || !seesSubmissionOf(actor, row.org_code)) throw notFound('调研报告');
  return row;
}

export async function replaceReport(db: Db, actor: Actor, rawId: string, input: Record<string, unknown>, file: UploadedReport | null, opts: { at?: string } = {}): Promise<ResearchReport> {
  const row = await findReport(db, actor, rawId);
  if (submittingOrg(actor)?.code !== row.org_code) throw forbidden('只有报送单位可以更换调研报告');
  const u = checkUpload(input, file);
  await inTransaction(db, async (trx) => {
    if (!(await repo.replaceReport(trx, Number(row.id), { ...u, by: actor.id, at: opts.at ?? nowIso() })))
      throw new AppError('SUBMISSION_DECIDED', { message: '该报告已被市总工会接收，不能再更换' });
    await audit(trx, actor, 'report.replace', 'research_report', Number(row.id), { file: u.fileName, size: u.content.length, was: row.status });
  });
  return reportView((await repo.reportRows(db, { id: Number(row.id) }))[0]);
}

const decisionSchema = z.object({
  decision: z.enum(['accept', 'return'], { error: '处理结果应为 accept（接收）或 return（退回）' }),
  opinion: z.string({ error: '意见应为文字' }).trim().max(500, { error: '意见不能超过500个字' }).optional(),
  /** the file decided on, as the page showed it (`replaced`): a report replaced meanwhile is not decided unseen */
  replaced: z.number({ error: '更换次数应为整数' }).int({ error: '更换次数应为整数' }).min(0, { error: '更换次数应为整数' }).optional(),
}).refine((d) => d.decision !== 'return' || !!d.opinion, { path: ['opinion'], error: '退回时请填写退回意见，说明要改什么' });

export async function decideReport(db: Db, actor: Actor, rawId: string, input: unknown, opts: { at?: string } = {}): Promise<ResearchReport> {
  if (!canManageCampaigns(actor)) throw forbidden('只有市总工会可以接收或退回调研报告');
  const row = await findReport(db, actor, rawId);
  const d = parseInput(decisionSchema, input, 'research report decision');
  await inTransaction(db, async (trx) => {
    const status = d.decision === 'accept' ? 'accepted' : 'returned';
    if (!(await repo.decideReport(trx, Number(row.id), { status, opinion: d.opinion || null, by: actor.id, at: opts.at ?? nowIso(), replaced: d.replaced })))
      throw new AppError('SUBMISSION_DECIDED', { message: '该报告已处理或已更换了文件，请刷新页面后再处理' });
    await audit(trx, actor, d.decision === 'accept' ? 'report.accept' : 'report.return', 'research_report', Number(row.id), { org: row.org_code, opinion: d.opinion });
  });
  return reportView((await repo.reportRows(db, { id: Number(row.id) }))[0]);
}

/** The reports the caller may see, and the tracker of the report deadline (the late first). */
export async function listReports(db: Q, actor: Actor, rawId: string, query: { deadlineId?: unknown } = {}): Promise<ResearchReportList> {
  const c = await getCampaign(db, campaignIdOf(rawId));
  const asked = query.deadlineId === undefined ? undefined : Number(query.deadlineId);
  const deadline = asked === undefined ? nextReportDeadline(c) : c.deadlines.find((d) => d.id === asked && d.kind === 'report') ?? null;
  if (asked !== undefined && !deadline) throw validationFailed([{ path: 'deadlineId', message: '截止事项不是本次行动的材料报送事项' }], 'research reports');
  const items = (await repo.reportRows(db, { campaignId: c.id })).filter((r) => seesSubmissionOf(actor, r.org_code)).map(reportView);
  const tracker = !deadline ? [] : c.requiredOrgs.filter((o) => seesSubmissionOf(actor, o.code)).map((o) => {
    const mine = items.filter((r) => r.deadlineId === deadline.id && r.orgCode === o.code);
    const owed = o.kind === 'region' ? deadline.reportsOwed!.region : deadline.reportsOwed!.unit;
    return {
      orgCode: o.code, orgName: o.name, kind: o.kind, owed, submitted: mine.length,
      accepted: mine.filter((r) => r.status === 'accepted').length, returned: mine.filter((r) => r.status === 'returned').length,
      late: (deadline.daysLeft < 0 && mine.length < owed) || mine.some((r) => !r.onTime),
    };
  }).sort((a, b) => Number(b.late) - Number(a.late));
  return { deadline, items, tracker };
}

const CONTENT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', doc: 'application/msword', wps: 'application/vnd.ms-works', pdf: 'application/pdf',
};

/** A report's file as it was sent. Audited. */
export async function downloadReport(db: Db, actor: Actor, rawId: string) {
  const row = await findReport(db, actor, rawId);
  const content = await repo.reportContent(db, Number(row.id));
  if (!content) throw notFound('调研报告文件');
  await auditNow(db, actor, 'report.download', 'research_report', Number(row.id), { org: row.org_code, file: row.file_name });
  return { name: row.file_name, contentType: CONTENT_TYPES[row.file_kind] ?? 'application/octet-stream', content };
}
