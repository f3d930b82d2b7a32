// The bulk loader's households generated in a thread of their own: generating a file (the synthetic
// household, identification, urgency, the rows of nine tables) costs about as much as writing it,
// and on SQLite the write runs on the loader's own thread (better-sqlite3 answers synchronously), so
// the two would take turns on one core. The thread runs the same generator (bulk.ts) on a copy of
// the load's context and sends its batches in order; it keeps at most AHEAD batches unwritten.
import { Worker, type MessagePort } from 'node:worker_threads';
import { generateBatches, type BatchRows, type GenerateEnd, type GenerateInput } from './bulk.js';

/** What the thread is started with (as workerData): the key says what the thread is for. */
export interface GeneratorThreadData {
  bangfuBulkGenerator: GenerateInput;
}

type FromThread = { batch: BatchRows } | { end: GenerateEnd } | { error: string };

/** Batches the thread may have sent that the writer has not taken yet: bounds the memory. */
const AHEAD = 8;

export function isGeneratorThread(data: unknown): data is GeneratorThreadData {
  return typeof data === 'object' && data !== null && 'bangfuBulkGenerator' in data;
}

/** The batches of `input`, generated in a thread started from `entry` (the `bangfu` script). */
export async function* batchesFromThread(entry: string, input: GenerateInput): AsyncGenerator<BatchRows, GenerateEnd, undefined> {
  // no inherited loader flags (tsx's): the `bangfu` script sets up what it runs itself
  const worker = new Worker(entry, { workerData: { bangfuBulkGenerator: input } satisfies GeneratorThreadData, execArgv: [] });
  const received: FromThread[] = [];
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  const woken = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: FromThread) => {
    received.push(m);
    woken();
  });
  worker.on('error', (e) => {
    failed ??= e;
    woken();
  });
  worker.on('exit', (code) => {
    failed ??= new Error(`bulk load: the generator thread exited (${code})`);
    woken();
  });
  try {
    for (;;) {
      while (received.length === 0 && !failed) await new Promise<void>((r) => (wake = r));
      const m = received.shift();
      if (!m) throw failed!;
      if ('error' in m) throw new Error(`bulk load: the generator thread failed: ${m.error}`);
      if ('end' in m) return m.end;
      worker.postMessage('taken');
      yield m.batch;
    }
  } finally {
    await worker.terminate();
  }
}

/** The thread's side: generates every batch and sends it, waiting whenever AHEAD batches are not taken yet. */
export function runGeneratorThread(data: GeneratorThreadData, port: MessagePort): void {
  let credit = AHEAD;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credit++;
    wake?.();
    wake = null;
  });
  void (async () => {
    try {
      const batches = generateBatches(data.bangfuBulkGenerator);
      for (;;) {
        const r = batches.next();
        if (r.done) {
          port.postMessage({ end: r.value } satisfies FromThread);
          return;
        }
        port.postMessage({ batch: r.value } satisfies FromThread);
        credit--;
        while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
      }
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies FromThread);
    }
  })();
}
