import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { householdSchema, identifyResultSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { identifyUnstored } from './identification.service.js';

export async function identificationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.post('/api/identify', {
    schema: routeSchema({
      summary: 'Identify a household without storing it; monthlyLine (yuan) replaces the policy line', tags: ['identification 精准识别'],
      body: z.object({ household: householdSchema, monthlyLine: z.number().optional() }), response: { 200: identifyResultSchema },
    }),
  }, async (req) => {
    actorOf(req);
    return identifyUnstored(db, req.body);
  });
}
