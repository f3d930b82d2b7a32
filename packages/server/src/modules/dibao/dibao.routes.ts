import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { dibaoCheckSchema, dibaoFindingListSchema, dibaoFindingSchema, dibaoListErrorsSchema, dibaoListSchema, dibaoListsResponseSchema, dibaoResolveSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { receiveUpload, removeUploads } from '../../lib/upload.js';
import { assertCanImportDibao, householdCheck, importDibaoList, listDibaoLists, listErrors, listFindings, resolveFinding } from './dibao.service.js';

const tags = ['dibao 民政低保名单核对'];
const MAX_UPLOAD = 100 * 1024 * 1024;

export async function dibaoRoutes(app: FastifyInstance, { db, uploadDir }: { db: Db; uploadDir: string }) {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 6 } });

  app.post('/api/dibao-lists', {
    schema: routeSchema({
      summary: 'Import a month\'s 民政低保名单 (multipart: file .csv UTF-8/GBK or .xlsx; month YYYY-MM; regionCode, a county or the city; source; mapping, JSON {name, idNumber, householdSize, monthlyAmount, region} → the file\'s header texts). Matched by identity number against the workers and members of the region\'s live files; 400 DIBAO_COLUMNS_MISSING carries the file\'s headers for a mapping.',
      tags, response: { 201: dibaoListSchema },
    }),
  }, async (req, reply) => {
    const actor = actorOf(req);
    assertCanImportDibao(actor);
    const { files, fields } = await receiveUpload(req, uploadDir, { maxBytes: MAX_UPLOAD, tooMany: '一次只能上传一个名单文件' });
    try {
      return reply.code(201).send(await importDibaoList(db, actor, files[0], fields));
    } finally {
      removeUploads(files);
    }
  });

  app.get('/api/dibao-lists', {
    schema: routeSchema({ summary: 'The lists imported for the caller\'s region and the city, newest first (current: the latest of its region)', tags, response: { 200: dibaoListsResponseSchema } }),
  }, async (req) => listDibaoLists(db, actorOf(req)));

  app.get('/api/dibao-lists/:id/errors', {
    schema: routeSchema({ summary: 'The rows of a list left out for a bad cell', tags, querystring: z.object({ page: z.number().optional(), pageSize: z.number().optional() }), response: { 200: dibaoListErrorsSchema } }),
  }, async (req) => listErrors(db, actorOf(req), idParam(req), req.query as { page?: unknown; pageSize?: unknown }));

  app.get('/api/dibao-findings', {
    schema: routeSchema({ summary: 'Findings of the lists per region (city: all): regionCode, kind (declaredNotListed, listedNotDeclared, listedAboveLine), status (open), listId, page, pageSize', tags, response: { 200: dibaoFindingListSchema } }),
  }, async (req) => listFindings(db, actorOf(req), req.query));

  app.post('/api/dibao-findings/:id/resolve', {
    schema: routeSchema({ summary: 'Resolve a finding: explained (with the reason) or corrected (the file was edited to agree with the list; 409 DIBAO_NOT_CORRECTED otherwise)', tags, body: dibaoResolveSchema, response: { 200: dibaoFindingSchema } }),
  }, async (req) => resolveFinding(db, actorOf(req), idParam(req), req.body));

  app.get('/api/households/:id/dibao-check', {
    schema: routeSchema({ summary: '民政名单核实 of a file: what the current list of its region says of its people, and its findings', tags, response: { 200: dibaoCheckSchema } }),
  }, async (req) => householdCheck(db, actorOf(req), idParam(req)));
}
