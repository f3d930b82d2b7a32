import type { FastifyInstance } from 'fastify';
import { assistanceSettingsSaveResponseSchema, assistanceSettingsViewSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { getAssistanceSettings, saveAssistanceSettings, settingsSchema } from './settings.service.js';

const tags = ['assistance 因户施策·常态帮扶'];

export async function settingsRoutes(app: FastifyInstance, { db, runner }: { db: Db; runner: JobRunner }) {
  app.get('/api/settings/assistance', { schema: routeSchema({ summary: 'Overdue days, urgency weights, batch thresholds', tags, response: { 200: assistanceSettingsViewSchema } }) }, async (req) => {
    actorOf(req);
    return getAssistanceSettings(db);
  });
  app.put('/api/settings/assistance', { schema: routeSchema({ summary: 'Change them (city users); re-scores urgency in the background', tags, body: settingsSchema, response: { 200: assistanceSettingsSaveResponseSchema } }) },
    async (req) => saveAssistanceSettings(db, actorOf(req), runner, req.body));
}
