import type { FastifyInstance } from 'fastify';
import { commendationCandidateListSchema, commendationListSchema, commendationSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { attachment } from '../../lib/attachment.js';
import { XLSX } from '../../lib/temp-file.js';
import { defaultFontCandidates, fontProvider, type FontCandidate } from '../print/pdf.font.js';
import { commendationListTitle, commendationPdf, commendationWorkbook } from './commendation.documents.js';
import { approvedOfYear, auditCommendationExport, commendationCandidates, decideCommendation, listCommendations, proposeCommendation } from './commendations.service.js';

const tags = ['commendations 表彰'];

export async function commendationRoutes(app: FastifyInstance, { db, fontCandidates }: { db: Db; fontCandidates?: () => FontCandidate[] }) {
  const fonts = fontProvider(fontCandidates ?? (() => defaultFontCandidates()), { info: (msg) => app.log.info(msg), warn: (msg) => app.log.warn(msg) });

  app.get('/api/commendations', { schema: routeSchema({ summary: 'Commendations (?year=&orgCode=&username=&status=): the approved ones for everyone, open nominations for the city\'s people and the nominee\'s own union', tags, response: { 200: commendationListSchema } }) },
    async (req) => listCommendations(db, actorOf(req), req.query));

  app.get('/api/commendations/candidates', { schema: routeSchema({ summary: 'The cadres the caller may nominate as 先进个人 (?year=&q=name): the city union any, a county union its region\'s, with their assistance record of the year (at most 50, the most records first)', tags, response: { 200: commendationCandidateListSchema } }) },
    async (req) => commendationCandidates(db, actorOf(req), req.query));

  app.post('/api/commendations', { schema: routeSchema({ summary: 'Nominate an organization or a cadre of a year ({year, kind: org|person, orgCode|username, title, reason, source}) (city union; a county union within its region)', tags, response: { 201: commendationSchema } }) },
    async (req, reply) => reply.code(201).send(await proposeCommendation(db, actorOf(req), req.body)));

  app.post('/api/commendations/:id/decision', { schema: routeSchema({ summary: 'Approve or decline a nomination ({decision: approve|decline, opinion}) (city union); 409 COMMENDATION_DECIDED once decided', tags, response: { 200: commendationSchema } }) },
    async (req) => decideCommendation(db, actorOf(req), String(idParam(req)), req.body));

  app.get('/api/commendations.pdf', { schema: routeSchema({ summary: 'The year\'s approved commendations as a printable list (?year=); audited', tags }) }, async (req, reply) => {
    const actor = actorOf(req);
    const { year, items } = await approvedOfYear(db, req.query);
    const doc = commendationPdf(year, items, fonts());
    await auditCommendationExport(db, actor, year, 'pdf', items.length);
    return reply.type('application/pdf').header('content-disposition', attachment(`${commendationListTitle(year)}.pdf`, `commendations-${year}.pdf`)).send(doc);
  });

  app.get('/api/commendations.xlsx', { schema: routeSchema({ summary: 'The year\'s approved commendations as a workbook (?year=); audited', tags }) }, async (req, reply) => {
    const actor = actorOf(req);
    const { year, items } = await approvedOfYear(db, req.query);
    const content = await commendationWorkbook(year, items);
    await auditCommendationExport(db, actor, year, 'xlsx', items.length);
    return reply.header('Content-Type', XLSX).header('Content-Disposition', attachment(`${commendationListTitle(year)}.xlsx`, `commendations-${year}.xlsx`)).send(content);
  });
}
