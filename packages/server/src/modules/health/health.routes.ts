import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ping, type Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';

export async function healthRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/health', {
    config: { public: true },
    schema: routeSchema({ summary: 'Liveness and database reachability', tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) }, public: true }),
  }, async () => {
    await ping(db);
    return { status: 'ok' as const };
  });
}
