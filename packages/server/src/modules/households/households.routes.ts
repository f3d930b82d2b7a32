import type { FastifyInstance } from 'fastify';
import {
  historyResponseSchema, householdFileSchema, idCheckBodySchema, idCheckResponseSchema, householdListQuerySchema, householdListResponseSchema, householdSchema, reviewBatchResponseSchema,
} from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, householdIdParam } from '../../lib/request.context.js';
import * as service from './households.service.js';
import * as lifecycle from './lifecycle.service.js';
import { z } from 'zod';

const tags = ['households 困难职工档案'];
export const idParams = z.object({ id: z.string().regex(/^\d+$/) });
const householdUpdateBody = z.intersection(householdSchema, z.object({ version: z.number().int(), reason: z.string().max(500).optional().describe('修改原因, needed for a filed file') }));
const removeBody = z.object({ reason: z.string().min(1).max(500).describe('剔除原因') });

export async function householdRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/households', {
    schema: routeSchema({ summary: 'List files in the caller\'s scope (identity numbers masked)', tags, querystring: householdListQuerySchema, response: { 200: householdListResponseSchema } }),
  }, async (req) => service.listHouseholds(db, actorOf(req), req.query));

  app.post('/api/households/id-check', {
    schema: routeSchema({ summary: 'May this identity number be filed? The other live file is named only inside the caller\'s scope', tags, body: idCheckBodySchema, response: { 200: idCheckResponseSchema } }),
  }, async (req) => service.checkIdNumberForFiling(db, actorOf(req), req.body));
  app.post('/api/households', {
    schema: routeSchema({ summary: 'File a household (建档); the server assigns workerNo and derives perCapitaIncome', tags, body: householdSchema, response: { 201: householdFileSchema } }),
  }, async (req, reply) => reply.code(201).send(await service.createHousehold(db, actorOf(req), req.body)));

  app.get('/api/households/:id', {
    schema: routeSchema({ summary: 'One whole file (audited view)', tags, params: idParams, response: { 200: householdFileSchema } }),
  }, async (req) => service.getHousehold(db, actorOf(req), householdIdParam(req)));

  app.put('/api/households/:id', {
    schema: routeSchema({ summary: 'Replace the file; carries the version it read (409 when stale)', tags, params: idParams, body: householdUpdateBody, response: { 200: householdFileSchema } }),
  }, async (req) => service.updateHousehold(db, actorOf(req), householdIdParam(req), req.body));

  app.get('/api/households/:id/history', {
    schema: routeSchema({ summary: 'Every version: who, when, which fields, old → new', tags, params: idParams, response: { 200: historyResponseSchema } }),
  }, async (req) => ({ items: await service.getHistory(db, actorOf(req), householdIdParam(req)) }));

  app.post('/api/households/:id/submit', {
    schema: routeSchema({ summary: 'Submit a draft for review (草稿 → 待单位审核), by the filer\'s side', tags, params: idParams, response: { 200: householdFileSchema } }),
  }, async (req) => lifecycle.submitHousehold(db, actorOf(req), householdIdParam(req)));

  app.post('/api/households/:id/review', {
    schema: routeSchema({ summary: 'The unit union\'s or the city union\'s opinion: agree or return to the filer', tags, params: idParams, body: lifecycle.reviewSchema, response: { 200: householdFileSchema } }),
  }, async (req) => lifecycle.reviewHousehold(db, actorOf(req), householdIdParam(req), req.body));

  app.post('/api/households/review-batch', {
    schema: routeSchema({ summary: 'Agree or return many files at once (one transaction and audit row each)', tags, body: lifecycle.batchReviewSchema,
      response: { 200: reviewBatchResponseSchema } }),
  }, async (req) => lifecycle.reviewBatch(db, actorOf(req), req.body));

  app.post('/api/households/:id/remove', {
    schema: routeSchema({ summary: 'Remove (剔除) a filed file with a reason; nothing is deleted', tags, params: idParams, body: removeBody, response: { 200: householdFileSchema } }),
  }, async (req) => lifecycle.removeHousehold(db, actorOf(req), householdIdParam(req), req.body));

  app.post('/api/households/:id/exit', {
    schema: routeSchema({ summary: 'Exit from hardship (脱困) with a reason and date', tags, params: idParams, body: lifecycle.exitSchema, response: { 200: householdFileSchema } }),
  }, async (req) => lifecycle.exitHousehold(db, actorOf(req), householdIdParam(req), req.body));

  app.post('/api/households/:id/reopen', {
    schema: routeSchema({ summary: 'Bring a removed or exited household back: it goes through review again', tags, params: idParams, body: removeBody, response: { 200: householdFileSchema } }),
  }, async (req) => lifecycle.reopenHousehold(db, actorOf(req), householdIdParam(req), req.body));
}
