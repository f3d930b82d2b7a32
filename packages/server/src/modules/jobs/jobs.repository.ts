// SQL of the jobs table. Jobs are created in the transaction that asks for them, so a job never
// runs for a change that rolled back.
import type { JobStatus } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';

export async function createJob(q: Q, j: { kind: string; params: unknown; createdBy: number | null }): Promise<number> {
  const row = await q
    .insertInto('jobs')
    .values({ kind: j.kind, status: 'queued', params: JSON.stringify(j.params), cursor: 0, done: 0, total: 0, changed: 0, error: null, created_by: j.createdBy, created_at: nowIso(), started_at: null, finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findJob(q: Q, id: number) {
  return q.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The oldest queued or running job of these kinds (and params, for a runner limited to its own). */
export async function nextJob(q: Q, kinds: string[], params?: string) {
  return q.selectFrom('jobs').selectAll().where('status', 'in', ['queued', 'running'])
    .where('kind', 'in', kinds).$if(params !== undefined, (x) => x.where('params', '=', params!)).orderBy('id').executeTakeFirst();
}

export async function markJobRunning(q: Q, id: number, total: number): Promise<void> {
  await q.updateTable('jobs').set({ status: 'running', total, started_at: nowIso() }).where('id', '=', id).execute();
}

export async function markJobFinished(q: Q, id: number, status: 'done' | 'failed', error: string | null = null): Promise<void> {
  await q.updateTable('jobs').set({ status, finished_at: nowIso(), ...(error === null ? {} : { error }) }).where('id', '=', id).execute();
}

/** A batch's progress, in the batch's own transaction. */
export async function saveJobStep(q: Q, id: number, step: { cursor: number; done?: number; changed?: number }): Promise<void> {
  await q.updateTable('jobs').set(step).where('id', '=', id).execute();
}

export function jobView(j: NonNullable<Awaited<ReturnType<typeof findJob>>>) {
  return {
    id: Number(j.id),
    kind: j.kind,
    status: j.status as JobStatus,
    done: j.done,
    total: j.total,
    changed: j.changed,
    error: j.error,
    createdAt: j.created_at,
    startedAt: j.started_at,
    finishedAt: j.finished_at,
  };
}

/**
 * Closes queued jobs of a kind created after `afterId` as done with nothing to do. The demo's bulk
 * loader saves example lines on an empty database and then writes files already identified under
 * them: the re-evaluation those saves queued would find no file to change.
 */
export async function closeQueuedJobs(q: Q, kind: string, afterId: number): Promise<void> {
  const at = nowIso();
  await q.updateTable('jobs').set({ status: 'done', started_at: at, finished_at: at }).where('kind', '=', kind).where('status', '=', 'queued').where('id', '>', afterId).execute();
}
