import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, householdIdParam } from '../../lib/request.context.js';
import { idParams } from '../households/households.routes.js';
import { householdFilterSchema } from '@bangfu/core';
import { attachment } from '../../lib/attachment.js';
import { defaultFontCandidates, fontProvider, type FontCandidate } from './pdf.font.js';
import { printBatch, printHousehold, type Printed } from './print.service.js';

const tags = ['print 打印调查表'];
const pdf = z.string().describe('application/pdf: the survey form(s), A4');

export interface PrintRouteOptions {
  db: Db;
  /** where to look for the Chinese font (tests inject their own list) */
  fontCandidates?: () => FontCandidate[];
}

function sendPdf(reply: FastifyReply, p: Printed) {
  return reply
    .type('application/pdf')
    .header('content-disposition', attachment(p.filename))
    .header('x-bangfu-forms', String(p.count))
    .send(p.doc);
}

export async function printRoutes(app: FastifyInstance, { db, fontCandidates }: PrintRouteOptions) {
  const fonts = fontProvider(fontCandidates ?? (() => defaultFontCandidates()), { info: (msg) => app.log.info(msg), warn: (msg) => app.log.warn(msg) });

  // a static path: find-my-way prefers it to /api/households/:id, so it never reads as an id
  app.get('/api/households/print.pdf', {
    schema: routeSchema({
      summary: `The survey forms of every file the list filters select, in one PDF (at most 2000; audited)`, tags,
      querystring: householdFilterSchema, response: { 200: pdf },
    }),
  }, async (req, reply) => sendPdf(reply, await printBatch(db, actorOf(req), req.query, fonts, { log: (msg) => req.log.error(msg) })));

  app.get('/api/households/:id/print.pdf', {
    schema: routeSchema({ summary: 'The survey form (调查表) of one file as a PDF, masked as the caller sees the file (audited)', tags,
      params: idParams, response: { 200: pdf } }),
  }, async (req, reply) => sendPdf(reply, await printHousehold(db, actorOf(req), householdIdParam(req), fonts)));
}
