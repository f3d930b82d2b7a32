import type { FastifyInstance } from 'fastify';
import {
  householdTransfersSchema, transferCreatedSchema, transferDecisionSchema, transferListSchema, transferLookupResultSchema, transferRequestSchema, transferViewSchema,
} from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { notFound } from '../../lib/errors.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, householdIdParam, idParam } from '../../lib/request.context.js';
import { cancelTransfer, decideTransfer, householdTransfers, listTransfers, lookupForTransfer, requestTransfer } from './transfers.service.js';

const tags = ['transfers 档案转移'];

const transferId = (req: Parameters<typeof idParam>[0]) => {
  const id = idParam(req);
  if (id < 0) throw notFound('转移申请');
  return id;
};

export async function transferRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.post('/api/households/:id/transfer', {
    schema: routeSchema({ summary: 'Ask to move the household to another region or unit (the other side agrees); a requester of both sides moves it at once', tags, body: transferRequestSchema, response: { 201: transferCreatedSchema } }),
  }, async (req, reply) => reply.code(201).send(await requestTransfer(db, actorOf(req), householdIdParam(req), req.body)));
  app.get('/api/households/:id/transfers', {
    schema: routeSchema({ summary: 'The household\'s transfers and the worker numbers it had before', tags, response: { 200: householdTransfersSchema } }),
  }, async (req) => householdTransfers(db, actorOf(req), householdIdParam(req)));
  app.get('/api/transfers', {
    schema: routeSchema({ summary: 'Transfers touching the caller\'s organization: box=incoming (to agree), outgoing (asked), all; status; page; pageSize', tags, response: { 200: transferListSchema } }),
  }, async (req) => listTransfers(db, actorOf(req), req.query));
  app.get('/api/transfers/lookup', {
    schema: routeSchema({ summary: 'A receiving side finds a file that moved in: workerNo (now or former) and the worker\'s idNumber must both match', tags, response: { 200: transferLookupResultSchema } }),
  }, async (req) => lookupForTransfer(db, actorOf(req), req.query));
  app.post('/api/transfers/:id/decision', {
    schema: routeSchema({ summary: 'The side that did not ask agrees (the file moves) or refuses (an opinion is required)', tags, body: transferDecisionSchema, response: { 200: transferViewSchema } }),
  }, async (req) => decideTransfer(db, actorOf(req), transferId(req), req.body));
  app.post('/api/transfers/:id/cancel', {
    schema: routeSchema({ summary: 'The asking side withdraws a pending request', tags, response: { 200: transferViewSchema } }),
  }, async (req) => cancelTransfer(db, actorOf(req), transferId(req)));
}
