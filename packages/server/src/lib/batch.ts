// "Many at once, each on its own": every id gets its own transaction, and a refusal (an
// AppError) is that item's outcome rather than the batch's; anything else fails the batch.
import type { BatchItem } from '@bangfu/core';
import { inTransaction, type Db, type Trx } from '../db/transaction.js';
import { AppError } from './errors.js';

export async function eachInOwnTransaction(db: Db, ids: number[], fn: (trx: Trx, id: number) => Promise<unknown>): Promise<BatchItem[]> {
  const results: BatchItem[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await inTransaction(db, (trx) => fn(trx, id));
      results.push({ id, ok: true });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: e.userMessage });
    }
  }
  return results;
}
