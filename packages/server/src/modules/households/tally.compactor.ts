// Folds the kept counts' deltas now and then, so that a count sums a few thousand rows rather than
// every change since the last fold. A fold is a few milliseconds; it runs only when deltas came.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/index.js';
import { compactTallies, lastTallyId } from './tally.repository.js';

export function startTallyCompaction(db: Db, log: Pick<FastifyBaseLogger, 'error'>, everyMs = 20_000) {
  let seen = -1;
  let busy: Promise<void> | null = null;
  const fold = async () => {
    const last = await lastTallyId(db);
    if (last === seen) return;
    await compactTallies(db);
    seen = await lastTallyId(db);
  };
  const tick = () => {
    busy ??= fold().catch((e: Error) => log.error({ err: e }, 'folding the kept counts failed')).finally(() => (busy = null));
    return busy;
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    /** folds now (after an import's commit) */
    tick,
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}
