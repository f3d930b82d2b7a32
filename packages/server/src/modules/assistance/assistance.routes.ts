import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assistanceRecordListSchema, assistanceRecordSchema, assistanceSummarySchema, batchSummarySchema, measureListResponseSchema, measureViewSchema,
  myHouseholdsResponseSchema, myAssistanceRecordListSchema, personCandidatesResponseSchema, planViewSchema, quotaResponseSchema, recommendationSchema, responsibilityViewSchema, workingGroupsResponseSchema, groupHouseholdsSchema,
} from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, householdIdParam } from '../../lib/request.context.js';
import { batchSummary, getPlan, listMeasures, measureSchema, planSchema, recommendationsFor, saveMeasure, savePlan } from './plans.service.js';
import { addRecord, listRecords, myAssistanceRecords, myHouseholds, recordSchema } from './records.service.js';
import { summary } from './summary.service.js';
import { assistanceSummaryWorkbook } from './summary.workbook.js';
import { fileStamp, XLSX } from '../../lib/temp-file.js';
import { attachment } from '../../lib/attachment.js';
import { addLink, getResponsibility, groupHouseholds, groupsSchema, listGroups, quota, removeLink, responsibilityCandidates, responsibilitySchema, saveGroups, setResponsibility } from './responsibility.service.js';

const tags = ['assistance 因户施策·常态帮扶'];

export async function assistanceRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/measures', { schema: routeSchema({ summary: 'The measure catalog', tags, response: { 200: measureListResponseSchema } }) }, async (req) => {
    actorOf(req);
    return { items: await listMeasures(db) };
  });
  app.post('/api/measures', { schema: routeSchema({ summary: 'Add a measure (city users)', tags, body: measureSchema, response: { 201: measureViewSchema } }) },
    async (req, reply) => reply.code(201).send(await saveMeasure(db, actorOf(req), null, req.body)));
  app.put('/api/measures/:code', { schema: routeSchema({ summary: 'Edit a measure (city users)', tags, body: measureSchema, response: { 200: measureViewSchema } }) },
    async (req) => saveMeasure(db, actorOf(req), (req.params as { code: string }).code, req.body));

  app.get('/api/households/:id/recommendations', {
    schema: routeSchema({ summary: 'Measures recommended from the causes, each with its reason', tags,
      response: { 200: z.array(recommendationSchema) } }),
  }, async (req) => recommendationsFor(db, actorOf(req), householdIdParam(req)));
  app.get('/api/households/:id/plan', { schema: routeSchema({ summary: 'The plan: urgency (score, parts, batch), recommendations, measures', tags, response: { 200: planViewSchema } }) },
    async (req) => getPlan(db, actorOf(req), householdIdParam(req)));
  app.put('/api/households/:id/plan', { schema: routeSchema({ summary: 'Replace the plan of a filed household', tags, body: planSchema, response: { 200: planViewSchema } }) },
    async (req) => savePlan(db, actorOf(req), householdIdParam(req), req.body));
  app.get('/api/batches', { schema: routeSchema({ summary: 'Filed households per batch (分期分批) and region', tags, response: { 200: batchSummarySchema } }) }, async (req) => batchSummary(db, actorOf(req)));

  app.get('/api/households/:id/responsibility', { schema: routeSchema({ summary: 'Responsible leader and cadre, with the history of changes', tags, response: { 200: responsibilityViewSchema } }) },
    async (req) => getResponsibility(db, actorOf(req), householdIdParam(req)));
  app.get('/api/households/:id/responsibility/candidates', {
    schema: routeSchema({
      summary: 'Who may be named 责任领导 (kind=leader) or 具体责任人 (kind=cadre) of the file, searched by name (q)', tags,
      querystring: z.object({ kind: z.enum(['leader', 'cadre']), q: z.string().max(40).optional() }),
      response: { 200: personCandidatesResponseSchema },
    }),
  }, async (req) => {
    const query = req.query as { kind?: unknown; q?: unknown };
    return responsibilityCandidates(db, actorOf(req), householdIdParam(req), query.kind, query.q);
  });
  app.put('/api/households/:id/responsibility', { schema: routeSchema({ summary: 'Name the responsible leader and cadre (a change needs a reason)', tags, body: responsibilitySchema, response: { 200: responsibilityViewSchema } }) },
    async (req) => setResponsibility(db, actorOf(req), householdIdParam(req), req.body));
  app.post('/api/households/:id/links', { schema: routeSchema({ summary: 'Link a city leader or staff member (定点联系)', tags, body: z.object({ username: z.string() }), response: { 200: quotaResponseSchema } }) },
    async (req) => addLink(db, actorOf(req), householdIdParam(req), (req.body as { username?: unknown })?.username));
  app.delete('/api/households/:id/links/:username', { schema: routeSchema({ summary: 'Remove a 定点联系 link', tags, response: { 200: quotaResponseSchema } }) },
    async (req) => removeLink(db, actorOf(req), householdIdParam(req), (req.params as { username: string }).username));
  app.get('/api/links/quota', { schema: routeSchema({ summary: 'Each city leader links 2 households, each staff member 1: who has fewer or more', tags, response: { 200: quotaResponseSchema } }) },
    async (req) => quota(db, actorOf(req)));
  app.get('/api/working-groups', { schema: routeSchema({ summary: 'The seven working groups and their county\'s progress', tags, response: { 200: workingGroupsResponseSchema } }) }, async (req) => listGroups(db, actorOf(req)));
  app.get('/api/working-groups/:regionCode/households', { schema: routeSchema({ summary: 'The households linked to a group\'s leader and members (city roles, or the group\'s own people)', tags, response: { 200: groupHouseholdsSchema } }) },
    async (req) => groupHouseholds(db, actorOf(req), (req.params as { regionCode: string }).regionCode));
  app.put('/api/working-groups', { schema: routeSchema({ summary: 'Set the groups\' names and leaders (city users)', tags, body: groupsSchema, response: { 200: workingGroupsResponseSchema } }) },
    async (req) => saveGroups(db, actorOf(req), req.body));

  app.post('/api/households/:id/assistance', {
    schema: routeSchema({ summary: 'Record assistance: date, type, amount (yuan), description, whether it solved a practical problem', tags, body: recordSchema, response: { 201: assistanceRecordSchema } }),
  }, async (req, reply) => reply.code(201).send(await addRecord(db, actorOf(req), householdIdParam(req), req.body)));
  app.get('/api/households/:id/assistance', { schema: routeSchema({ summary: 'The household\'s assistance records, newest first', tags, response: { 200: assistanceRecordListSchema } }) },
    async (req) => ({ items: await listRecords(db, actorOf(req), householdIdParam(req)) }));
  app.get('/api/assistance/summary', { schema: routeSchema({ summary: 'Per-household, per-cadre and per-region counts for a year, and the overdue list', tags, response: { 200: assistanceSummarySchema } }) },
    async (req) => summary(db, actorOf(req), req.query));
  app.get('/api/assistance/summary.xlsx', { schema: routeSchema({ summary: '帮扶统计 as a workbook (same query): per region with 合计, and per cadre', tags }) },
    async (req, reply) => {
      const s = await summary(db, actorOf(req), req.query);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachment(`帮扶统计-${s.year}年-${fileStamp()}.xlsx`, `assistance-${s.year}.xlsx`))
        .send(await assistanceSummaryWorkbook(s));
    });
  app.get('/api/my/households', { schema: routeSchema({ summary: '我的帮扶对象: households I am responsible for or linked to, overdue first', tags, response: { 200: myHouseholdsResponseSchema } }) },
    async (req) => myHouseholds(db, actorOf(req)));
  app.get('/api/my/assistance-records', { schema: routeSchema({ summary: '我写的帮扶记录: the records I wrote, newest first, also of households transferred out of my reach (page, pageSize)', tags, response: { 200: myAssistanceRecordListSchema } }) },
    async (req) => myAssistanceRecords(db, actorOf(req), req.query));

}
