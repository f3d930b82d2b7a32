import type { FastifyInstance } from 'fastify';
import { decideResponseSchema, proposalListResponseSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { decideProposals, decideSchema, listProposals, proposalQuerySchema } from './proposals.service.js';

const tags = ['proposals 剔除建议'];

export async function proposalRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/removal-proposals', {
    schema: routeSchema({ summary: 'Removal proposals in the caller\'s scope', tags, querystring: proposalQuerySchema, response: { 200: proposalListResponseSchema } }),
  }, async (req) => listProposals(db, actorOf(req), req.query));
  app.post('/api/removal-proposals/decide', {
    schema: routeSchema({ summary: 'Confirm or reject one or many proposals', tags, body: decideSchema, response: { 200: decideResponseSchema } }),
  }, async (req) => decideProposals(db, actorOf(req), req.body));
}
