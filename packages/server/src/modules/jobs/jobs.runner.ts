// Background jobs that survive a restart: each job keeps a cursor in its row, work happens in
// small batches (each one transaction), and a job found queued or running at start resumes
// where its cursor stands. One job runs at a time; requests interleave between batches.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/index.js';
import { markJobFinished, markJobRunning, nextJob } from './jobs.repository.js';

export interface JobRow {
  id: number;
  params: string;
  cursor: number;
  done: number;
  total: number;
  changed: number;
  created_by: number | null;
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

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'error'>,
    /** only jobs with exactly these params (the CLI runs its own import, never the server's) */
    private readonly only?: { params: string },
  ) {}

  /** Starts working through queued jobs unless already at it. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
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
    await this.idle();
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      // only the kinds this runner can do: a command-line runner leaves the server's jobs alone
      const job = await nextJob(this.db, Object.keys(this.handlers), this.only?.params);
      if (!job) return;
      await this.run(job as unknown as JobRow & { kind: string; status: string });
    }
  }

  private async run(job: JobRow & { kind: string; status: string }): Promise<void> {
    const handler = this.handlers[job.kind];
    const id = Number(job.id);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      if (job.status === 'queued') {
        const total = await handler.count(this.db, job);
        await markJobRunning(this.db, id, total);
        job.total = total;
        this.log.info({ jobId: id, kind: job.kind, total }, 'job started');
      } else this.log.info({ jobId: id, kind: job.kind, cursor: job.cursor }, 'job resumed');
      for (;;) {
        if (this.stopped) return; // resumes from its cursor at the next start
        const step = await handler.batch(this.db, job);
        if (!step) break;
        job.cursor = step.cursor;
        job.done = step.done;
        job.changed = step.changed;
        await new Promise((r) => setImmediate(r)); // let requests in between batches
      }
      await markJobFinished(this.db, id, 'done');
      this.log.info({ jobId: id, done: job.done, changed: job.changed }, 'job done');
    } catch (err) {
      this.log.error({ err, jobId: id }, 'job failed');
      await markJobFinished(this.db, id, 'failed', '任务执行失败，请联系系统管理员查看日志');
    }
  }
}
