import { JINGMEN_CITY, JINGMEN_REGIONS } from '@bangfu/core';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import { nowIso } from '../../lib/clock.js';

export interface Org {
  code: string;
  name: string;
  parentCode: string | null;
  kind: 'city' | 'region' | 'unit';
  active: boolean;
}

export async function listOrgs(db: Db): Promise<Org[]> {
  const rows = await db.selectFrom('orgs').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, kind: r.kind as Org['kind'], active: !!r.active }));
}

export async function findOrg(db: Kysely<Database> | Transaction<Database>, code: string): Promise<Org | undefined> {
  const r = await db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();
  return r && { code: r.code, name: r.name, parentCode: r.parent_code, kind: r.kind as Org['kind'], active: !!r.active };
}

/** Seeds the Jingmen city union and its eight regions once; later edits are the admins'. */
export async function seedOrgs(db: Db): Promise<void> {
  const exists = await db.selectFrom('orgs').select('code').where('code', '=', JINGMEN_CITY.code).executeTakeFirst();
  if (exists) return;
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orgs').values({ code: JINGMEN_CITY.code, name: JINGMEN_CITY.name, parent_code: null, kind: 'city', active: 1, sort: 0, created_at: at }).execute();
    for (const [i, r] of JINGMEN_REGIONS.entries()) {
      await trx.insertInto('orgs').values({ code: r.code, name: `${r.name}`, parent_code: JINGMEN_CITY.code, kind: 'region', active: 1, sort: i + 1, created_at: at }).execute();
      await trx.insertInto('worker_no_counters').values({ region_code: r.code, last_serial: 0 }).execute();
    }
  });
}
