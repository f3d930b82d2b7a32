import type { FastifyInstance } from 'fastify';
import { baselineListSchema, campaignInputSchema, campaignListResponseSchema, campaignSchema, progressResponseSchema, submissionListResponseSchema, submissionSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { baselines, baselinesFromImport, campaignViews, createCampaign, getCampaign, saveBaselines, updateCampaign } from './campaigns.service.js';
import { progress } from './progress.service.js';
import { progressWorkbook } from './progress.workbook.js';
import { fileStamp, XLSX } from '../../lib/temp-file.js';
import { attachment } from '../../lib/attachment.js';
import { listSubmissions, submit } from './submissions.service.js';

const tags = ['campaigns 专项行动'];
const id = (req: Parameters<typeof idParam>[0]) => String(idParam(req));

export async function campaignRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/campaigns', { schema: routeSchema({ summary: 'Campaigns (专项行动), newest first, with today\'s phase and days to each deadline', tags, response: { 200: campaignListResponseSchema } }) },
    async (req) => { actorOf(req); return { items: await campaignViews(db) }; });

  app.post('/api/campaigns', { schema: routeSchema({ summary: 'Create a campaign: phases, deadlines (data | report), the organizations that must submit (city union)', tags, body: campaignInputSchema, response: { 201: campaignSchema } }) },
    async (req, reply) => reply.code(201).send(await createCampaign(db, actorOf(req), req.body)));

  app.get('/api/campaigns/:id', { schema: routeSchema({ summary: 'One campaign', tags, response: { 200: campaignSchema } }) },
    async (req) => { actorOf(req); return getCampaign(db, idParam(req)); });

  app.put('/api/campaigns/:id', { schema: routeSchema({ summary: 'Edit a campaign (send back its version; deadlines keep their id)', tags, body: campaignInputSchema, response: { 200: campaignSchema } }) },
    async (req) => updateCampaign(db, actorOf(req), id(req), req.body));

  app.get('/api/campaigns/:id/progress', { schema: routeSchema({ summary: 'Progress per region (level=region) or per unit of a region (level=unit&parentCode=H01), for the campaign year; every number is the household list\'s total with core\'s progressFilter', tags, response: { 200: progressResponseSchema } }) },
    async (req) => progress(db, actorOf(req), id(req), req.query));

  app.get('/api/campaigns/:id/progress.xlsx', { schema: routeSchema({ summary: 'The progress table (same query as /progress) as a workbook', tags }) },
    async (req, reply) => {
      const actor = actorOf(req);
      const p = await progress(db, actor, id(req), req.query);
      const c = await getCampaign(db, p.campaignId);
      return reply.header('Content-Type', XLSX).header('Content-Disposition', attachment(`${c.name}-进度-${fileStamp()}.xlsx`, `campaign-${c.id}-progress.xlsx`))
        .send(await progressWorkbook(c, p));
    });

  app.get('/api/campaigns/:id/baselines', { schema: routeSchema({ summary: 'Households in each required organization\'s old database (原数据库户数)', tags, response: { 200: baselineListSchema } }) },
    async (req) => { actorOf(req); return baselines(db, id(req)); });

  app.put('/api/campaigns/:id/baselines', { schema: routeSchema({ summary: 'Enter the old database\'s households per required organization (city union); null clears one', tags, response: { 200: baselineListSchema } }) },
    async (req) => saveBaselines(db, actorOf(req), id(req), req.body));

  app.post('/api/campaigns/:id/baselines/from-import', { schema: routeSchema({ summary: 'Count the baselines from a committed import marked as the old 困难职工数据库 ({importId}): each required region\'s and unit\'s files it brought (city union)', tags, response: { 200: baselineListSchema } }) },
    async (req) => baselinesFromImport(db, actorOf(req), id(req), req.body));

  app.get('/api/campaigns/:id/submissions', { schema: routeSchema({ summary: 'The campaign\'s submissions (every round), newest first; a county union sees its own and its units\'', tags, response: { 200: submissionListResponseSchema } }) },
    async (req) => listSubmissions(db, actorOf(req), id(req)));

  app.post('/api/campaigns/:id/submissions', { schema: routeSchema({ summary: '上报: a required region or unit submits for a data deadline ({deadlineId?, note?}); freezes its counts and files', tags, response: { 201: submissionSchema } }) },
    async (req, reply) => reply.code(201).send(await submit(db, actorOf(req), id(req), req.body)));
}
