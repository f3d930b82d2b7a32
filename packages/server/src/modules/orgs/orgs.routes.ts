import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route-docs.js';
import { listOrgs } from './orgs.repository.js';

const org = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable(), kind: z.enum(['city', 'region', 'unit']), active: z.boolean() });

export async function orgRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/orgs', {
    schema: routeSchema({ summary: 'The organization tree (city → regions → grassroots unions)', tags: ['orgs 组织'], response: { 200: z.object({ items: z.array(org) }) } }),
  }, async () => ({ items: await listOrgs(db) }));
}
