import type { Q } from '../households/households.repository.js';
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

export function jobView(j: NonNullable<Awaited<ReturnType<typeof findJob>>>) {
  return {
    id: Number(j.id),
    kind: j.kind,
    status: j.status as 'queued' | 'running' | 'done' | 'failed',
    done: j.done,
    total: j.total,
    changed: j.changed,
    error: j.error,
    createdAt: j.created_at,
    startedAt: j.started_at,
    finishedAt: j.finished_at,
  };
}
