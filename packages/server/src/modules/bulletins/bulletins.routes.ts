import type { FastifyInstance } from 'fastify';
import { bulletinListSchema, bulletinSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { attachment } from '../../lib/attachment.js';
import { defaultFontCandidates, fontProvider, type FontCandidate } from '../print/pdf.font.js';
import { bulletinDocx, bulletinPdf } from './bulletin.documents.js';
import { bulletinForDocument, createBulletin, getBulletin, listBulletins, publishBulletin, updateBulletin } from './bulletins.service.js';

const tags = ['bulletins 通报'];
/** 荆工帮通(2026)3号.pdf; a draft: 通报草稿-12.pdf */
const fileName = (b: { number: string | null; id: number }, ext: string) =>
  `${b.number ? b.number.replace(/[〔〕]/g, (c) => (c === '〔' ? '(' : ')')) : `通报草稿-${b.id}`}.${ext}`;

export async function bulletinRoutes(app: FastifyInstance, { db, fontCandidates }: { db: Db; fontCandidates?: () => FontCandidate[] }) {
  const fonts = fontProvider(fontCandidates ?? (() => defaultFontCandidates()), { info: (msg) => app.log.info(msg), warn: (msg) => app.log.warn(msg) });

  app.get('/api/bulletins', { schema: routeSchema({ summary: 'Bulletins (通报), newest first: the published ones, and the drafts for the city union', tags, response: { 200: bulletinListSchema } }) },
    async (req) => listBulletins(db, actorOf(req)));

  app.post('/api/bulletins', { schema: routeSchema({ summary: 'Draft a bulletin of a campaign as of a day ({campaignId, asOf, title?}): its number, its numbers fixed, its text drafted (city union)', tags, response: { 201: bulletinSchema } }) },
    async (req, reply) => reply.code(201).send(await createBulletin(db, actorOf(req), req.body)));

  app.get('/api/bulletins/:id', { schema: routeSchema({ summary: 'One bulletin; a published one read by anyone but the city union records that reading', tags, response: { 200: bulletinSchema } }) },
    async (req) => getBulletin(db, actorOf(req), String(idParam(req))));

  app.put('/api/bulletins/:id', { schema: routeSchema({ summary: 'Edit a draft\'s text ({title, recipients, paragraphs, version}); 409 BULLETIN_PUBLISHED once published', tags, response: { 200: bulletinSchema } }) },
    async (req) => updateBulletin(db, actorOf(req), String(idParam(req)), req.body));

  app.post('/api/bulletins/:id/publish', { schema: routeSchema({ summary: 'Publish a draft: read-only from then, visible to every organization', tags, response: { 200: bulletinSchema } }) },
    async (req) => publishBulletin(db, actorOf(req), String(idParam(req))));

  app.get('/api/bulletins/:id.pdf', { schema: routeSchema({ summary: 'The bulletin as PDF, laid out per GB/T 9704. Audited.', tags }) }, async (req, reply) => {
    const b = await bulletinForDocument(db, actorOf(req), String(idParam(req)), 'pdf');
    return reply.type('application/pdf').header('content-disposition', attachment(fileName(b, 'pdf'), `bulletin-${b.id}.pdf`)).send(bulletinPdf(b, fonts()));
  });

  app.get('/api/bulletins/:id.docx', { schema: routeSchema({ summary: 'The bulletin as Word, laid out per GB/T 9704. Audited.', tags }) }, async (req, reply) => {
    const b = await bulletinForDocument(db, actorOf(req), String(idParam(req)), 'docx');
    return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', attachment(fileName(b, 'docx'), `bulletin-${b.id}.docx`)).send(await bulletinDocx(b));
  });
}
