import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { REPORT_MAX_BYTES, researchReportListSchema, researchReportSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { AppError } from '../../lib/errors.js';
import { attachment } from '../../lib/attachment.js';
import { decideReport, downloadReport, listReports, replaceReport, uploadReport, type UploadedReport } from './research-reports.service.js';
import { draftData } from './research-draft.service.js';
import { researchDraftDocx } from './research-draft.docx.js';

const tags = ['campaigns 专项行动'];
const MAX_MB = REPORT_MAX_BYTES / 1024 / 1024;

/** The form's fields and its one file (whole, in memory: at most 20 MB). */
async function readUpload(req: FastifyRequest): Promise<{ fields: Record<string, unknown>; file: UploadedReport | null }> {
  if (!req.isMultipart()) throw new AppError('INVALID_FILE', { message: '请以 multipart/form-data 上传（字段 title、summary、file）', errors: [{ path: 'file', message: '请选择报告文件' }] });
  const fields: Record<string, unknown> = {};
  let file: UploadedReport | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') { fields[part.fieldname] = part.value; continue; }
      const content = await part.toBuffer();
      // a plain name for the person's eyes: no control characters, no path of either OS
      file = { name: (part.filename || '').replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()!.slice(-200) || 'report', content };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { message: `报告文件超过 ${MAX_MB} MB，请压缩图片后再上传`, errors: [{ path: 'file', message: '文件过大' }] });
    if (code === 'FST_FILES_LIMIT') throw new AppError('INVALID_FILE', { message: '一次只能上传一个报告文件', errors: [{ path: 'file', message: '文件过多' }] });
    req.log.info({ err: e }, 'unreadable multipart report upload');
    throw new AppError('INVALID_FILE', { message: '上传的内容无法读取，请重新选择文件上传', errors: [{ path: 'file', message: '上传的内容无法读取' }] });
  }
  return { fields, file };
}

export async function researchReportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  await app.register(multipart, { limits: { fileSize: REPORT_MAX_BYTES, files: 1, fields: 5 } });

  app.get('/api/campaigns/:id/research-reports', { schema: routeSchema({ summary: '调研报告 of the campaign the caller may see, and the tracker of a report deadline (?deadlineId=, default the next due): owed, submitted, accepted, late first', tags, response: { 200: researchReportListSchema } }) },
    async (req) => listReports(db, actorOf(req), String(idParam(req)), req.query as { deadlineId?: unknown }));

  app.post('/api/campaigns/:id/research-reports', { schema: routeSchema({ summary: 'Upload a research report (multipart: title, summary, deadlineId?, file: .docx/.doc/.wps/.pdf ≤ 20 MB, judged by its content); a required county union or unit', tags, response: { 201: researchReportSchema } }) },
    async (req, reply) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req);
      return reply.code(201).send(await uploadReport(db, actor, String(idParam(req)), fields, file));
    });

  app.post('/api/research-reports/:id/file', { schema: routeSchema({ summary: 'Replace a report not yet accepted (multipart: title, summary, file); it is submitted again', tags, response: { 200: researchReportSchema } }) },
    async (req) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req);
      return replaceReport(db, actor, String(idParam(req)), fields, file);
    });

  app.post('/api/research-reports/:id/decision', { schema: routeSchema({ summary: 'The city union accepts a report or returns it with an opinion ({decision: accept|return, opinion})', tags, response: { 200: researchReportSchema } }) },
    async (req) => decideReport(db, actorOf(req), String(idParam(req)), req.body));

  app.get('/api/research-drafts.docx', { schema: routeSchema({ summary: 'The data draft of a research report (Word): a region\'s or unit\'s numbers of a fill year beside last year\'s, charts, typical cases masked (?orgCode=&year=). Audited.', tags }) },
    async (req, reply) => {
      const d = await draftData(db, actorOf(req), req.query);
      return reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('Content-Disposition', attachment(`${d.orgName}${d.year}年度调研报告数据稿.docx`, `research-draft-${d.orgCode}-${d.year}.docx`))
        .send(await researchDraftDocx(d));
    });

  app.get('/api/research-reports/:id/file', { schema: routeSchema({ summary: 'A report\'s file as it was sent. Audited.', tags }) },
    async (req, reply) => {
      const f = await downloadReport(db, actorOf(req), String(idParam(req)));
      return reply.header('Content-Type', f.contentType).header('Content-Disposition', attachment(f.name, `report-${idParam(req)}.${f.name.split('.').pop()}`)).send(f.content);
    });
}
