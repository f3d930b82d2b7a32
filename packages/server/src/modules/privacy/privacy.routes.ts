import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { attachment } from '../../lib/attachment.js';
import { personalDataCopy } from './personal-data.service.js';

const tags = ['privacy 个人信息'];

export async function privacyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/households/:id/personal-data.json', {
    schema: routeSchema({ summary: 'A copy of everything held about a household, for the worker who asks (PIPL art. 45): the file, opinions, history, plan, assistance records and who processed it; the unions that work the file only; audited', tags }),
  }, async (req, reply) => {
    const id = idParam(req);
    const copy = await personalDataCopy(db, actorOf(req), id);
    return reply.type('application/json; charset=utf-8')
      .header('content-disposition', attachment(`个人信息副本-${copy.file.workerNo ?? id}.json`, `personal-data-${id}.json`))
      .send(JSON.stringify(copy, null, 2));
  });
}
