// SQL of the settings table: one JSON value per key.
import type { Q } from '../../db/transaction.js';

export async function readSetting(q: Q, key: string): Promise<string | undefined> {
  return (await q.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeSetting(q: Q, key: string, value: string, by: number, at: string): Promise<void> {
  const exists = await q.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
  if (exists) await q.updateTable('settings').set({ value, updated_by: by, updated_at: at }).where('key', '=', key).execute();
  else await q.insertInto('settings').values({ key, value, updated_by: by, updated_at: at }).execute();
}
