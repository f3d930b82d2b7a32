import type { FastifyInstance } from 'fastify';
import { adjustmentSchema, ASSESSMENT_LEVEL_LABELS, assessmentSchema, rubricSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { attachment } from '../../lib/attachment.js';
import { XLSX } from '../../lib/temp-file.js';
import { addAdjustment, assessment, exportAssessment, finalizeAssessment, getRubric, saveRubric } from './assessment.service.js';

const tags = ['assessment 考核'];

export async function assessmentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/assessment/rubric', { schema: routeSchema({ summary: 'A year\'s rubric (?year=): indicators, weights, the values scoring 0 and 100 (the seeded one until the city union saves its own)', tags, response: { 200: rubricSchema } }) },
    async (req) => getRubric(db, actorOf(req), req.query));

  app.put('/api/assessment/rubric', { schema: routeSchema({ summary: 'Save a year\'s rubric (?year=; {items:[{code,weight,zero,full}], version}); weights sum to 100; 409 RUBRIC_CHANGED on a stale version (city union)', tags, response: { 200: rubricSchema } }) },
    async (req) => saveRubric(db, actorOf(req), req.query, req.body));

  app.get('/api/assessment', { schema: routeSchema({ summary: 'Scores of a year (?year=&level=region|unit): each indicator\'s value, evidence and score, the adjustment, the total and the rank; a county or unit union sees its own rows', tags, response: { 200: assessmentSchema } }) },
    async (req) => assessment(db, actorOf(req), req.query));

  app.post('/api/assessment/adjustments', { schema: routeSchema({ summary: 'Add or take points of an organization\'s total ({year, orgCode, points, reason}); audited (city union)', tags, response: { 201: adjustmentSchema } }) },
    async (req, reply) => reply.code(201).send(await addAdjustment(db, actorOf(req), req.body)));

  app.post('/api/assessment/finalize', { schema: routeSchema({ summary: 'Finalize (定稿) a year\'s result of a level ({year, level}): kept as it stands, read as kept from then on; its rubric and adjustments close; once only (city union)', tags, response: { 200: assessmentSchema } }) },
    async (req) => finalizeAssessment(db, actorOf(req), req.body));

  app.get('/api/assessment.xlsx', { schema: routeSchema({ summary: 'The scores (same query as /api/assessment), the rubric and the adjustments as a workbook; audited', tags }) },
    async (req, reply) => {
      const { a, content } = await exportAssessment(db, actorOf(req), req.query);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachment(`${a.year}年度考核结果-${ASSESSMENT_LEVEL_LABELS[a.level]}.xlsx`, `assessment-${a.year}-${a.level}.xlsx`)).send(content);
    });
}
