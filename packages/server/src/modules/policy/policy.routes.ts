import type { FastifyInstance } from 'fastify';
import { missingLinesResponseSchema, policyHistoryResponseSchema, policyPreviewSchema, policySaveResultSchema, policySchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { getPolicy, missingLines, policyChangeSchema, policyHistory, previewPolicy, savePolicy } from './policy.service.js';

const tags = ['policy 低保标准'];

export async function policyRoutes(app: FastifyInstance, { db, runner }: { db: Db; runner: JobRunner }) {
  app.get('/api/policy', { schema: routeSchema({ summary: 'Lines per region and year, the two ratios, the version', tags, response: { 200: policySchema } }) }, async () => getPolicy(db));
  app.post('/api/policy/preview', {
    schema: routeSchema({ summary: 'What-if: which files would change eligibility or category; nothing is saved', tags, body: policyChangeSchema, response: { 200: policyPreviewSchema } }),
  }, async (req) => previewPolicy(db, actorOf(req), req.body));
  app.put('/api/policy', {
    schema: routeSchema({ summary: 'Save a change (city users); queues the re-evaluation job', tags, body: policyChangeSchema, response: { 200: policySaveResultSchema } }),
  }, async (req) => savePolicy(db, actorOf(req), runner, req.body));
  app.get('/api/policy/missing-lines', {
    schema: routeSchema({ summary: 'Region × year pairs with live files (or the current year) that have no line: their files are 无法判定', tags, response: { 200: missingLinesResponseSchema } }),
  }, async (req) => missingLines(db, actorOf(req)));
  app.get('/api/policy/history', { schema: routeSchema({ summary: 'Every saved change: who, when, old → new', tags, response: { 200: policyHistoryResponseSchema } }) }, async () => ({ items: await policyHistory(db) }));
}
