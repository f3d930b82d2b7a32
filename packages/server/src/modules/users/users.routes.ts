import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route-docs.js';
import { actorOf } from '../../lib/request-context.js';
import { createUser, listUsers, newUserSchema, updateUser, userPatchSchema } from './users.service.js';
import { idParam } from '../../lib/request-context.js';
import { approvalDecisionSchema, decideApproval, listApprovals } from './user-approvals.service.js';

const tags = ['users 用户'];
const userView = z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.string(), orgCode: z.string(), pendingApproval: z.boolean() });

export async function userRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.post('/api/users', {
    schema: routeSchema({ summary: 'Create a user (admins only). orgCode "H" for the city, "H01".."H08" for a region', tags, body: newUserSchema, response: { 201: userView } }),
  }, async (req, reply) => reply.code(201).send(await createUser(db, actorOf(req), req.body)));

  app.get('/api/users', {
    schema: routeSchema({ summary: 'List users with role and organization (admins only)', tags }),
  }, async (req) => ({ items: await listUsers(db, actorOf(req)) }));

  app.patch('/api/users/:id', {
    schema: routeSchema({ summary: 'Rename, (de)activate, reset the password or unlock (admins only)', tags, body: userPatchSchema }),
  }, async (req) => updateUser(db, actorOf(req), idParam(req), req.body));

  app.get('/api/user-approvals', {
    schema: routeSchema({ summary: 'What the system administrator asked for on accounts that see personal data in full, waiting for a city-union cadre (city union only)', tags }),
  }, async (req) => ({ items: await listApprovals(db, actorOf(req)) }));

  app.post('/api/user-approvals/:id/decision', {
    schema: routeSchema({ summary: 'Approve or refuse (city union only); an approved new account or password reset answers its password once', tags, body: approvalDecisionSchema }),
  }, async (req) => decideApproval(db, actorOf(req), idParam(req), req.body));
}
