// SQL of the jobs table. Jobs are created in the transaction that asks for them, so a job never
// runs for a change that rolled back.
import type { JobStatus } from '@bangfu/core';
import type { Updateable } from 'kysely';
import type { JobTable } from '../../db/schema.js';
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

/** The queued or running jobs of these kinds (and params, for a runner limited to its own), oldest first. */
export async function openJobs(q: Q, kinds: string[], params?: string, limit = 20) {
  return q.selectFrom('jobs').selectAll().where('status', 'in', ['queued', 'running'])
    .where('kind', 'in', kinds).$if(params !== undefined, (x) => x.where('params', '=', params!)).orderBy('id').limit(limit).execute();
}

/**
 * Takes the lease of a job from the owner seen (none, an expired one, or a dead process): one
 * conditional update, so that of several processes trying at once exactly one gets it.
 */
export async function takeLease(q: Q, id: number, seenOwner: string | null, owner: string, until: string): Promise<boolean> {
  const r = await q.updateTable('jobs').set({ lease_owner: owner, lease_until: until }).where('id', '=', id)
    .where((eb) => (seenOwner === null ? eb('lease_owner', 'is', null) : eb('lease_owner', '=', seenOwner)))
    .where('status', 'in', ['queued', 'running']).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Renews the lease while the job runs; false when another process has taken it over. */
export async function renewLease(q: Q, id: number, owner: string, until: string): Promise<boolean> {
  const r = await q.updateTable('jobs').set({ lease_until: until }).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Thrown inside a job's step when its lease passed to another process: the step's transaction rolls back. */
export class LeaseLost extends Error {
  constructor(id: number) {
    super(`job ${id}: lease taken over by another process`);
  }
}

/** A leased job: its id and the lease its runner holds. */
export interface LeasedJob {
  id: number;
  lease_owner: string | null;
}

export async function markJobRunning(q: Q, job: LeasedJob, total: number): Promise<void> {
  await guarded(q, job, { status: 'running', total, started_at: nowIso() });
}

export async function markJobFinished(q: Q, job: LeasedJob, status: 'done' | 'failed', error: string | null = null): Promise<void> {
  await guarded(q, job, { status, finished_at: nowIso(), lease_owner: null, lease_until: null, ...(error === null ? {} : { error }) });
}

/**
 * A batch's progress, in the batch's own transaction, only while this runner holds the lease: a
 * process that lost it (it stalled past its lease and another took over) rolls its step back.
 */
export async function saveJobStep(q: Q, job: LeasedJob, step: { cursor: number; done?: number; changed?: number }): Promise<void> {
  await guarded(q, job, step);
}

async function guarded(q: Q, job: LeasedJob, set: Updateable<JobTable>): Promise<void> {
  const r = await q.updateTable('jobs').set(set).where('id', '=', job.id)
    .where((eb) => (job.lease_owner === null ? eb('lease_owner', 'is', null) : eb('lease_owner', '=', job.lease_owner))).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new LeaseLost(job.id);
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
