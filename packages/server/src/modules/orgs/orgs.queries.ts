// Reads about organizations that look at other tables.
import type { Q } from '../../db/transaction.js';

/** Whether a grassroots union has live files: their worker numbers bind it to its region. */
export async function unitHasLiveFiles(q: Q, unitCode: string): Promise<boolean> {
  const row = await q.selectFrom('households').select('id').where('unit_id', '=', unitCode).where('status', 'not in', ['removed', 'exited']).executeTakeFirst();
  return !!row;
}
