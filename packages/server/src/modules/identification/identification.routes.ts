import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { householdSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route-docs.js';
import { actorOf, idParam } from '../../lib/request-context.js';
import { notFound } from '../../lib/errors.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { findJob, jobView } from '../jobs/jobs.repository.js';
import { getPolicy, policyChangeSchema, policyHistory, previewPolicy, savePolicy } from '../policy/policy.service.js';
import { decideProposals, decideSchema, listProposals, proposalQuerySchema } from '../proposals/proposals.service.js';
import { identifyUnstored } from './identify.service.js';
import { householdScope } from '../access/scope.js';

const result = z.object({
  eligible: z.boolean().nullable(), conditions: z.array(z.enum(['C1', 'C2', 'C3'])), category: z.string().nullable(),
  specialReasons: z.array(z.string()), expenseReasons: z.array(z.string()), perCapitaIncome: z.number(), annualLine: z.number().nullable(),
  ratio: z.number().nullable(), flags: z.array(z.string()), policy: z.object({}).catchall(z.unknown()), explanation: z.string(),
});

export async function identificationRoutes(app: FastifyInstance, { db, runner }: { db: Db; runner: JobRunner }) {
  app.post('/api/identify', {
    schema: routeSchema({
      summary: 'Identify a household without storing it; monthlyLine (yuan) replaces the policy line', tags: ['identification 精准识别'],
      body: z.object({ household: householdSchema, monthlyLine: z.number().optional() }), response: { 200: result },
    }),
  }, async (req) => {
    actorOf(req);
    return identifyUnstored(db, req.body);
  });

  const tags = ['policy 低保标准'];
  app.get('/api/policy', { schema: routeSchema({ summary: 'Lines per region and year, the two ratios, the version', tags }) }, async () => getPolicy(db));
  app.post('/api/policy/preview', {
    schema: routeSchema({ summary: 'What-if: which files would change eligibility or category; nothing is saved', tags, body: policyChangeSchema }),
  }, async (req) => previewPolicy(db, actorOf(req), req.body));
  app.put('/api/policy', {
    schema: routeSchema({ summary: 'Save a change (city users); queues the re-evaluation job', tags, body: policyChangeSchema }),
  }, async (req) => savePolicy(db, actorOf(req), runner, req.body));
  app.get('/api/policy/history', { schema: routeSchema({ summary: 'Every saved change: who, when, old → new', tags }) }, async () => ({ items: await policyHistory(db) }));

  app.get('/api/jobs/:id', { schema: routeSchema({ summary: 'Progress of a background job', tags: ['jobs 后台任务'] }) }, async (req) => {
    const actor = actorOf(req);
    const job = await findJob(db, idParam(req));
    // an import's job is its uploader's (and the city union's, who sees every import); a
    // re-evaluation's progress carries no personal data and is everyone's
    if (!job || (job.kind.startsWith('import.') && job.created_by !== actor.id && actor.role !== 'city')) throw notFound('任务');
    return jobView(job);
  });
  app.get('/api/jobs/:id/changes', { schema: routeSchema({ summary: 'Files whose eligibility or category a re-evaluation changed (caller\'s scope)', tags: ['jobs 后台任务'] }) }, async (req) => {
    const actor = actorOf(req);
    const rows = await db
      .selectFrom('identification_changes')
      .innerJoin('households', 'households.id', 'identification_changes.household_id')
      .select(['households.id', 'households.worker_no', 'households.name', 'households.region_code', 'identification_changes.old_eligible',
        'identification_changes.new_eligible', 'identification_changes.old_category', 'identification_changes.new_category'])
      .where('identification_changes.job_id', '=', idParam(req))
      .where(householdScope(actor))
      .orderBy('identification_changes.id')
      .limit(1000)
      .execute();
    const bool = (v: number | null) => (v === null ? null : v === 1);
    return {
      items: rows.map((r) => ({ householdId: Number(r.id), workerNo: r.worker_no, name: r.name, regionCode: r.region_code,
        oldEligible: bool(r.old_eligible), newEligible: bool(r.new_eligible), oldCategory: r.old_category, newCategory: r.new_category })),
    };
  });

  const ptags = ['proposals 剔除建议'];
  app.get('/api/removal-proposals', { schema: routeSchema({ summary: 'Removal proposals in the caller\'s scope', tags: ptags, querystring: proposalQuerySchema }) },
    async (req) => listProposals(db, actorOf(req), req.query));
  app.post('/api/removal-proposals/decide', { schema: routeSchema({ summary: 'Confirm or reject one or many proposals', tags: ptags, body: decideSchema }) },
    async (req) => decideProposals(db, actorOf(req), req.body));
}
