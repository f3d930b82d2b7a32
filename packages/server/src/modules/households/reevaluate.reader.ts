// A re-evaluation's batches read and computed in a thread of their own, while the job's own thread
// writes the batch before: on SQLite (better-sqlite3 answers synchronously) reading, identifying
// and writing otherwise take turns on one core. The thread opens its own connection and reads in
// read-only snapshots (WAL lets it read while the other connection writes); the write checks each
// file's version as before, so a file changed in between is left to its edit's own result.
import { Worker } from 'node:worker_threads';
import type { DbTarget } from '../../config.js';
import { openDb, type Db } from '../../db/index.js';
import { computeBatch, readBatchesWith, type Computed, type Params } from './reevaluate.job.js';

/** What the thread is started with (as workerData): the key says what the thread is for. */
export interface ReaderThreadData {
  bangfuBatchReader: DbTarget;
}

interface Ask {
  id: number;
  cursor: number;
  pairs: Params['pairs'];
}

type Answer = { id: number; batch: Computed[] } | { id: number; error: string };

export function isReaderThread(data: unknown): data is ReaderThreadData {
  return typeof data === 'object' && data !== null && 'bangfuBatchReader' in data;
}

/**
 * From now on the batches of this process's re-evaluations are read in a thread started from
 * `entry` (the `bangfu` script, which runs runReaderThread when started as this thread). A thread
 * that fails or exits is started again at the next batch; the batch it failed is read here.
 * Returns what stops the thread.
 */
export function readBatchesInThread(entry: string, target: DbTarget, log: (msg: string, err?: unknown) => void): () => Promise<void> {
  // a database in memory is this connection's alone: another would read an empty one
  if (target.kind === 'sqlite' && target.file === ':memory:') return async () => {};
  let thread: ReaderThread | null = null;
  let failures = 0;
  readBatchesWith(async (db, cursor, pairs) => {
    const t = (thread ??= startReaderThread(entry, target, () => (thread = null)));
    try {
      return await t.read(cursor, pairs);
    } catch (err) {
      // a thread that keeps failing (it cannot open the database, say) is given up: not one start a batch
      if (++failures >= MAX_FAILURES) readBatchesWith(computeBatch);
      log(`re-evaluation reader thread failed (${failures}×); the batch is read in the job's own thread${failures >= MAX_FAILURES ? ', and so are the next' : ''}`, err);
      return computeBatch(db, cursor, pairs);
    }
  });
  return async () => {
    readBatchesWith(computeBatch);
    await thread?.stop();
  };
}

/** How many times a thread may fail before the batches are read in the job's own thread again. */
const MAX_FAILURES = 3;

export interface ReaderThread {
  read(cursor: number, pairs: Params['pairs']): Promise<Computed[]>;
  stop(): Promise<void>;
}

/** A thread that reads and computes the batches asked of it, one at a time, from its own connection. */
export function startReaderThread(entry: string, target: DbTarget, onGone: () => void = () => {}): ReaderThread {
  const waiting = new Map<number, { resolve: (b: Computed[]) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  // no inherited loader flags (tsx's): the `bangfu` script sets up what it runs itself
  const worker = new Worker(entry, { workerData: { bangfuBatchReader: target } satisfies ReaderThreadData, execArgv: [] });
  worker.unref(); // an idle reader keeps no process alive
  worker.on('message', (a: Answer) => {
    const w = waiting.get(a.id);
    waiting.delete(a.id);
    if ('error' in a) w?.reject(new Error(a.error));
    else w?.resolve(a.batch);
  });
  const fail = (err: Error) => {
    onGone();
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`reader thread exited (${code})`)));
  return {
    read: (cursor, pairs) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, cursor, pairs } satisfies Ask);
      }),
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** The thread's side: answers each asked batch from its own connection, one at a time. */
export async function runReaderThread(data: ReaderThreadData, port: import('node:worker_threads').MessagePort): Promise<void> {
  const db: Db = openDb(data.bangfuBatchReader);
  let queue = Promise.resolve();
  port.on('message', (ask: Ask) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ id: ask.id, batch: await computeBatch(db, ask.cursor, ask.pairs) } satisfies Answer);
      } catch (e) {
        port.postMessage({ id: ask.id, error: e instanceof Error ? e.message : String(e) } satisfies Answer);
      }
    });
  });
}
