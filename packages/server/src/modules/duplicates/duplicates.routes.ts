import type { FastifyInstance } from 'fastify';
import { duplicateDismissSchema, duplicateListSchema, duplicateMergedSchema, duplicateMergeSchema, duplicatePairSchema, duplicateScanStartedSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { notFound } from '../../lib/errors.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { dismissDuplicate, listDuplicates, mergeDuplicate, startScan } from './duplicates.service.js';

const tags = ['duplicates 重复建档排查'];

const pairId = (req: Parameters<typeof idParam>[0]) => {
  const id = idParam(req);
  if (id < 0) throw notFound('重复档案线索');
  return id;
};

export async function duplicateRoutes(app: FastifyInstance, { db, runner }: { db: Db; runner: JobRunner }) {
  app.get('/api/duplicates', {
    schema: routeSchema({ summary: 'Pairs of live files found alike (same person, name and birth date, phone, address and surname), per region (city: all): regionCode, status (open), kind, page, pageSize', tags, response: { 200: duplicateListSchema } }),
  }, async (req) => listDuplicates(db, actorOf(req), req.query));
  app.post('/api/duplicates/scan', {
    schema: routeSchema({ summary: 'Look for duplicates again over every live file (a background job; the one already running if any)', tags, response: { 202: duplicateScanStartedSchema } }),
  }, async (req, reply) => reply.code(202).send(await startScan(db, actorOf(req), runner)));
  app.post('/api/duplicates/:id/dismiss', {
    schema: routeSchema({ summary: 'Not a duplicate: remembered with the reason (later scans leave it closed)', tags, body: duplicateDismissSchema, response: { 200: duplicatePairSchema } }),
  }, async (req) => dismissDuplicate(db, actorOf(req), pairId(req), req.body));
  app.post('/api/duplicates/:id/merge', {
    schema: routeSchema({ summary: 'Merge: keep one file, move the other\'s records to it and remove it (重复建档，已并入 H…), in one transaction', tags, body: duplicateMergeSchema, response: { 200: duplicateMergedSchema } }),
  }, async (req) => mergeDuplicate(db, actorOf(req), pairId(req), req.body));
}
