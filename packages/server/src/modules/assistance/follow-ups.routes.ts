import type { FastifyInstance } from 'fastify';
import { followUpCreatedSchema, followUpInputSchema, followUpListSchema, followUpSummarySchema, householdFollowUpsSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, householdIdParam } from '../../lib/request.context.js';
import { followUpSummary, householdFollowUps, listFollowUps, recordFollowUp } from './follow-ups.service.js';

const tags = ['assistance 脱困回访'];

export async function followUpRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/households/:id/follow-ups', {
    schema: routeSchema({ summary: 'The household\'s 脱困回访: the planned visits of its current exit, the next one, and every follow-up', tags, response: { 200: householdFollowUpsSchema } }),
  }, async (req) => householdFollowUps(db, actorOf(req), householdIdParam(req)));
  app.post('/api/households/:id/follow-ups', {
    schema: routeSchema({ summary: 'Record a follow-up of an exited household; fallenBack reopens the file (through review) when the recorder may file it', tags, body: followUpInputSchema, response: { 201: followUpCreatedSchema } }),
  }, async (req, reply) => reply.code(201).send(await recordFollowUp(db, actorOf(req), householdIdParam(req), req.body)));
  app.get('/api/follow-ups', {
    schema: routeSchema({ summary: 'Exited households in scope with their next follow-up: due=true (within 30 days or past), overdue=true, fallenBack=true (waiting to be reopened), mine=true, regionCode, year (of exit), page, pageSize', tags, response: { 200: followUpListSchema } }),
  }, async (req) => listFollowUps(db, actorOf(req), req.query));
  app.get('/api/follow-ups/summary', {
    schema: routeSchema({ summary: 'A year\'s exits per region: planned visits come and made, overdue households, stable, returns (返困)', tags, response: { 200: followUpSummarySchema } }),
  }, async (req) => followUpSummary(db, actorOf(req), req.query));
}
