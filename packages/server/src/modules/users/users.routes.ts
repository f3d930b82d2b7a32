import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route-docs.js';
import { actorOf } from '../../lib/request-context.js';
import { createUser, listUsers, newUserSchema, updateUser, userPatchSchema } from './users.service.js';
import { idParam } from '../../lib/request-context.js';

const tags = ['users 用户'];
const userView = z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.string(), orgCode: z.string() });

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
}
