import fs from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { importErrorsResponseSchema, importListResponseSchema, importRowsResponseSchema, importViewSchema, regionSummarySchema, todayInChina } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { AppError } from '../../lib/errors.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { routeSchema } from '../../lib/route.docs.js';
import { XLSX } from '../../lib/temp-file.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { exportHouseholds, parseExportFilter, writeTemplate } from './export.workbook.js';
import { fileKind, receiveUpload, removeUploads } from '../../lib/upload.js';
import {
  allImportErrors, assertCanImport, cancelImport, createImport, getImport, listImportErrors, listImportRows, listImports, requestCommit,
} from './import.service.js';
import { regionSummary, regionSummaryWorkbook } from './region-summary.service.js';
import { drainSheet } from './workbook.layout.js';
import { fileStamp, sendTempFile, tempXlsx } from '../../lib/temp-file.js';
import { attachment } from '../../lib/attachment.js';

const tags = ['exchange 导入导出'];
const MAX_UPLOAD = 200 * 1024 * 1024;


const stamp = fileStamp;

export async function exchangeRoutes(app: FastifyInstance, { db, runner, uploadDir }: { db: Db; runner: JobRunner; uploadDir: string }) {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 2, fields: 5 } });
  const kick = () => runner.kick();

  app.get('/api/exchange/template.xlsx', {
    schema: routeSchema({ summary: 'The import template: sheets 职工 and 家庭成员 with the form\'s labels, drop-down lists and an example row', tags }),
  }, async (req, reply) => {
    assertCanImport(actorOf(req));
    const file = tempXlsx();
    await writeTemplate(file);
    return sendTempFile(reply, file, '困难职工档案导入模板.xlsx', 'template.xlsx');
  });

  app.post('/api/imports', {
    schema: routeSchema({ summary: 'Upload a workbook (.xlsx) or CSV (UTF-8/GBK; a second CSV may carry 家庭成员) as multipart field "file" (field oldDatabase=true marks it as the old 困难职工数据库); its check runs as a job. Nothing is written to the files until commit.', tags, response: { 202: importViewSchema } }),
  }, async (req, reply) => {
    const actor = actorOf(req);
    assertCanImport(actor);
    const { files, fields } = await receiveUpload(req, uploadDir, { maxBytes: MAX_UPLOAD, tooMany: '最多上传两个文件（职工和家庭成员）' });
    const oldDatabase = fields.oldDatabase === 'true';
    if (files.length === 2 && files.some((f) => fileKind(f.name) !== 'csv')) {
      removeUploads(files);
      throw new AppError('INVALID_FILE', { message: '一次只能上传一个 .xlsx 工作簿；两个文件时应为职工和家庭成员两个 .csv 文件', errors: [{ path: 'file', message: '文件组合不正确' }] });
    }
    try {
      return reply.code(202).send(await createImport(db, actor, files, kick, { oldDatabase }));
    } catch (e) {
      removeUploads(files);
      throw e;
    }
  });

  app.get('/api/imports', { schema: routeSchema({ summary: 'The caller\'s recent imports (the city union sees all)', tags, response: { 200: importListResponseSchema } }) }, async (req) => listImports(db, actorOf(req)));

  app.get('/api/imports/:id', { schema: routeSchema({ summary: 'An import: status, progress, the reconciliation counts, the whole-file problem if any', tags, response: { 200: importViewSchema } }) },
    async (req) => getImport(db, actorOf(req), idParam(req)));

  app.get('/api/imports/:id/rows', {
    schema: routeSchema({ summary: 'Checked households of an import: status new/changed/unchanged/error, field-level changes, warnings', tags, querystring: z.object({ status: z.string().optional(), page: z.number().optional(), pageSize: z.number().optional() }), response: { 200: importRowsResponseSchema } }),
  }, async (req) => listImportRows(db, actorOf(req), idParam(req), req.query));

  app.get('/api/imports/:id/errors', {
    schema: routeSchema({ summary: 'Every bad cell of an import: sheet, row, column label, value, Chinese message', tags, querystring: z.object({ page: z.number().optional(), pageSize: z.number().optional() }), response: { 200: importErrorsResponseSchema } }),
  }, async (req) => listImportErrors(db, actorOf(req), idParam(req), req.query));

  app.get('/api/imports/:id/errors.xlsx', { schema: routeSchema({ summary: 'The error report of an import as a workbook', tags }) }, async (req, reply) => {
    const actor = actorOf(req);
    const id = idParam(req);
    const imp = await getImport(db, actor, id);
    const file = tempXlsx();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('错误报告');
    ws.columns = [{ header: '工作表', width: 10 }, { header: '行号', width: 8 }, { header: '列', width: 18 }, { header: '填写的值', width: 24 }, { header: '问题', width: 60 }];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    if (imp.fileError) ws.addRow(['（整个文件）', null, null, null, imp.fileError]).commit();
    let n = 0;
    for await (const e of allImportErrors(db, id)) {
      ws.addRow([e.sheet, e.row, e.column, e.value, e.message]).commit();
      if (++n % 1000 === 0) await drainSheet(ws);
    }
    ws.commit();
    await wb.commit();
    return sendTempFile(reply, file, `导入错误报告-${id}.xlsx`, `import-errors-${id}.xlsx`);
  });

  app.post('/api/imports/:id/commit', {
    schema: routeSchema({ summary: 'Write the checked import (one transaction, as a job). 409 IMPORT_HAS_ERRORS when there are bad rows and goodRowsOnly is not true', tags, body: z.object({ goodRowsOnly: z.boolean().optional() }), response: { 202: importViewSchema } }),
  }, async (req, reply) => reply.code(202).send(await requestCommit(db, actorOf(req), idParam(req), req.body, kick)));

  app.post('/api/imports/:id/cancel', { schema: routeSchema({ summary: 'Discard a checked import', tags, response: { 200: importViewSchema } }) },
    async (req) => cancelImport(db, actorOf(req), idParam(req)));

  app.get('/api/households/export.xlsx', {
    schema: routeSchema({ summary: 'The filtered list (same filters as GET /api/households) as a workbook in the template layout; masked per role (a masked workbook says so in row 1 and cannot be imported). Audited.', tags }),
  }, async (req, reply) => {
    const actor = actorOf(req);
    const filter = parseExportFilter(req.query);
    const file = tempXlsx();
    try {
      await exportHouseholds(db, actor, filter, file);
    } catch (e) {
      fs.rm(file, { force: true }, () => {});
      throw e;
    }
    return sendTempFile(reply, file, `困难职工档案-${stamp()}.xlsx`, `households-${stamp()}.xlsx`);
  });

  app.get('/api/reports/region-summary', {
    schema: routeSchema({ summary: 'Households per region by category, cause, work status, enterprise status and per-capita income band, with totals (status=live|filed; year= a fill year, else every year)', tags, response: { 200: regionSummarySchema } }),
  }, async (req) => regionSummary(db, actorOf(req), req.query));

  app.get('/api/reports/region-summary.xlsx', { schema: routeSchema({ summary: 'The region summary as a workbook', tags }) }, async (req, reply) => {
    const actor = actorOf(req);
    const summary = await regionSummary(db, actor, req.query);
    const body = await regionSummaryWorkbook(summary);
    return reply.header('Content-Type', XLSX).header('Content-Disposition', attachment(`地区汇总-${stamp()}.xlsx`, `region-summary-${stamp()}.xlsx`)).send(body);
  });
}
