import type { FastifyInstance } from 'fastify';
import { dashboardSchema, todoListSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { dashboard } from './dashboard.service.js';
import { todos } from './todos.service.js';

const tags = ['campaigns 专项行动'];

export async function dashboardRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/dashboard', { schema: routeSchema({ summary: '工作台: the current campaign, KPI tiles and charts for the caller\'s scope', tags, response: { 200: dashboardSchema } }) },
    async (req) => dashboard(db, actorOf(req)));

  app.get('/api/todos', { schema: routeSchema({ summary: '待办: what waits for the caller, each with a count and a link', tags, response: { 200: todoListSchema } }) },
    async (req) => todos(db, actorOf(req)));
}
