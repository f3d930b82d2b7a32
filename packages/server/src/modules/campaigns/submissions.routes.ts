import type { FastifyInstance } from 'fastify';
import { reportedSchema, submissionSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { sendWrittenXlsx } from '../../lib/temp-file.js';
import { decide, exportSubmission, reportedOf } from './submissions.service.js';

const tags = ['campaigns 专项行动'];

export async function submissionRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.post('/api/submissions/:id/decision', { schema: routeSchema({ summary: 'The city union accepts a submission or returns it with an opinion ({decision: accept|return, opinion})', tags, response: { 200: submissionSchema } }) },
    async (req) => decide(db, actorOf(req), String(idParam(req)), req.body));

  app.get('/api/submissions/:id/export.xlsx', { schema: routeSchema({ summary: 'The files a submission froze, as they were, in the import template\'s layout (masked per role). Audited.', tags }) },
    async (req, reply) => {
      const actor = actorOf(req);
      return sendWrittenXlsx(reply, (file) => exportSubmission(db, actor, String(idParam(req)), file), `submission-${idParam(req)}.xlsx`);
    });

  app.get('/api/households/:id/reported', { schema: routeSchema({ summary: 'The submissions that froze this file, and whether it changed since', tags, response: { 200: reportedSchema } }) },
    async (req) => reportedOf(db, actorOf(req), String(idParam(req))));
}
