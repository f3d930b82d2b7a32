import type { FastifyInstance } from 'fastify';
import { approvalDecisionResponseSchema, approvalListResponseSchema, newUserResponseSchema, userItemSchema, userListResponseSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { createUser, listUsers, newUserSchema, updateUser, userPatchSchema } from './users.service.js';
import { idParam } from '../../lib/request.context.js';
import { approvalDecisionSchema, decideApproval, listApprovals } from './user-approvals.service.js';

const tags = ['users 用户'];

export async function userRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.post('/api/users', {
    schema: routeSchema({ summary: 'Create a user (admins only). orgCode "H" for the city, "H01".."H08" for a region', tags, body: newUserSchema, response: { 201: newUserResponseSchema } }),
  }, async (req, reply) => reply.code(201).send(await createUser(db, actorOf(req), req.body)));

  app.get('/api/users', {
    schema: routeSchema({ summary: 'List users with role and organization (admins only)', tags, response: { 200: userListResponseSchema } }),
  }, async (req) => ({ items: await listUsers(db, actorOf(req)) }));

  app.patch('/api/users/:id', {
    schema: routeSchema({ summary: 'Rename, (de)activate, reset the password or unlock (admins only)', tags, body: userPatchSchema, response: { 200: userItemSchema } }),
  }, async (req) => updateUser(db, actorOf(req), idParam(req), req.body));

  app.get('/api/user-approvals', {
    schema: routeSchema({ summary: 'What the system administrator asked for on accounts that see personal data in full, waiting for a city-union cadre (city union only)', tags, response: { 200: approvalListResponseSchema } }),
  }, async (req) => ({ items: await listApprovals(db, actorOf(req)) }));

  app.post('/api/user-approvals/:id/decision', {
    schema: routeSchema({ summary: 'Approve or refuse (city union only); an approved new account or password reset answers its password once', tags, body: approvalDecisionSchema, response: { 200: approvalDecisionResponseSchema } }),
  }, async (req) => decideApproval(db, actorOf(req), idParam(req), req.body));
}
