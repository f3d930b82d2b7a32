import type { FastifyInstance } from 'fastify';
import { jobChangesResponseSchema, jobViewSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { notFound } from '../../lib/errors.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf, idParam } from '../../lib/request.context.js';
import { changesOfJob } from '../households/households.queries.js';
import { findJob, jobView } from './jobs.repository.js';

const tags = ['jobs 后台任务'];

export async function jobRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/api/jobs/:id', { schema: routeSchema({ summary: 'Progress of a background job', tags, response: { 200: jobViewSchema } }) }, async (req) => {
    const actor = actorOf(req);
    const job = await findJob(db, idParam(req));
    // an import's job is its uploader's (and the city union's, who sees every import); a
    // re-evaluation's progress carries no personal data and is everyone's
    if (!job || (job.kind.startsWith('import.') && job.created_by !== actor.id && actor.role !== 'city')) throw notFound('任务');
    return jobView(job);
  });

  app.get('/api/jobs/:id/changes', { schema: routeSchema({ summary: 'Files whose eligibility or category a re-evaluation changed (caller\'s scope)', tags, response: { 200: jobChangesResponseSchema } }) }, async (req) => {
    const rows = await changesOfJob(db, actorOf(req), idParam(req), 1000);
    const bool = (v: number | null) => (v === null ? null : v === 1);
    return {
      items: rows.map((r) => ({ householdId: Number(r.id), workerNo: r.worker_no, name: r.name, regionCode: r.region_code,
        oldEligible: bool(r.old_eligible), newEligible: bool(r.new_eligible), oldCategory: r.old_category, newCategory: r.new_category })),
    };
  });
}
