// Background jobs that survive a restart: each job keeps a cursor in its row, work happens in
// small batches (each one transaction), and a job found queued or running at start resumes
// where its cursor stands. One job runs at a time; requests interleave between batches.
//
// Several processes (WEB_CONCURRENCY, or instances on several machines) share the jobs table: a
// runner leases a job before it runs it and renews the lease while it runs; a job whose lease ran
// out (its process stalled or died), or whose owner on this machine is no longer alive, is taken
// over from its cursor. Each step saves its cursor only while its runner holds the lease.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/index.js';
import { LeaseLost, markJobFinished, markJobRunning, openJobs, renewLease, takeLease } from './jobs.repository.js';

/** How long a lease holds without renewal, how often it is renewed, how often runners look for orphaned jobs. */
export const LEASE_MS = 30_000;
const RENEW_MS = 10_000;
const POLL_MS = 15_000;

const HOST = os.hostname();
/** This process's name in a lease: host, pid, and a random part (a pid is reused after a restart). */
export const OWNER = `${HOST}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Whether a lease's owner can still be running the job: on another machine only its lease says so. */
function ownerMayBeAlive(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== HOST) return true;
  if (owner === OWNER) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const leaseUntil = () => new Date(Date.now() + LEASE_MS).toISOString();

/**
 * A batch that PostgreSQL chose as the victim of a deadlock (it locks its files in id order, an
 * import's commit in worker-number order) or of a serialization conflict rolled back whole: it is
 * run again, a few times, before the job counts as failed.
 */
async function retryingConflicts<T>(step: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (i >= tries || (code !== '40P01' && code !== '40001')) throw e;
      await new Promise((r) => setTimeout(r, 50 * i));
    }
  }
}

export interface JobRow {
  id: number;
  params: string;
  cursor: number;
  done: number;
  total: number;
  changed: number;
  created_by: number | null;
  /** the lease this runner holds on the job */
  lease_owner: string | null;
}

export interface JobHandler {
  /** how many items the job will visit; called once when it starts */
  count(db: Db, job: JobRow): Promise<number>;
  /** processes the next batch after job.cursor; returns the new cursor, or null when finished */
  batch(db: Db, job: JobRow): Promise<{ cursor: number; done: number; changed: number } | null>;
}

export class JobRunner {
  private running: Promise<void> | null = null;
  private stopped = false;
  private again = false;
  private readonly poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'error'>,
    /** only jobs with exactly these params (the CLI runs its own import, never the server's) */
    private readonly only?: { params: string },
    private readonly owner: string = OWNER,
    /** set in a server process that leaves the jobs to a process of their own: kick() tells it */
    private readonly delegate?: () => void,
  ) {
    // a job another process left behind (it died) is found without anyone asking
    // (a process that leaves its jobs to another polls for none)
    this.poll = delegate ? undefined : setInterval(() => this.kick(), POLL_MS).unref();
  }

  /** Starts working through queued jobs unless already at it. */
  kick(): void {
    if (this.stopped) return;
    if (this.delegate) return this.delegate();
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().catch((err) => this.log.error({ err }, 'job runner failed')).finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when no job is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.idle();
  }

  /** The next job this runner may take, leased to it; null when there is none. */
  private async claim(): Promise<(JobRow & { kind: string; status: string }) | null> {
    // only the kinds this runner can do: a command-line runner leaves the server's jobs alone
    const open = await openJobs(this.db, Object.keys(this.handlers), this.only?.params);
    const now = new Date().toISOString();
    for (const j of open) {
      const owner = j.lease_owner;
      const free = owner === null || owner === this.owner || (j.lease_until ?? '') < now || !ownerMayBeAlive(owner);
      if (!free) continue;
      if (await takeLease(this.db, Number(j.id), owner, this.owner, leaseUntil())) {
        if (owner !== null && owner !== this.owner) this.log.info({ jobId: Number(j.id), from: owner }, 'job taken over');
        return { ...(j as unknown as JobRow & { kind: string; status: string }), lease_owner: this.owner };
      }
    }
    return null;
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const job = await this.claim();
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: JobRow & { kind: string; status: string }): Promise<void> {
    const handler = this.handlers[job.kind];
    const id = Number(job.id);
    const leased = { id, lease_owner: this.owner };
    let lost = false;
    const renew = setInterval(() => {
      renewLease(this.db, id, this.owner, leaseUntil()).then((ok) => (lost ||= !ok)).catch((err) => this.log.error({ err, jobId: id }, 'renewing a job lease failed'));
    }, RENEW_MS);
    renew.unref();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      if (job.status === 'queued') {
        const total = await handler.count(this.db, job);
        await markJobRunning(this.db, leased, total);
        job.total = total;
        this.log.info({ jobId: id, kind: job.kind, total }, 'job started');
      } else this.log.info({ jobId: id, kind: job.kind, cursor: job.cursor }, 'job resumed');
      for (;;) {
        if (this.stopped || lost) return; // resumes from its cursor at the next start, or goes on elsewhere
        const step = await retryingConflicts(() => handler.batch(this.db, job));
        if (!step) break;
        job.cursor = step.cursor;
        job.done = step.done;
        job.changed = step.changed;
        await new Promise((r) => setImmediate(r)); // let requests in between batches
      }
      await markJobFinished(this.db, leased, 'done');
      this.log.info({ jobId: id, done: job.done, changed: job.changed }, 'job done');
    } catch (err) {
      if (err instanceof LeaseLost) {
        this.log.info({ jobId: id }, 'job taken over by another process');
        return;
      }
      this.log.error({ err, jobId: id }, 'job failed');
      await markJobFinished(this.db, leased, 'failed', '任务执行失败，请联系系统管理员查看日志').catch(() => undefined);
    } finally {
      clearInterval(renew);
    }
  }
}
