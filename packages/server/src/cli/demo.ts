import type { Db } from '../db/index.js';
import { loadActor } from '../modules/auth/auth.service.js';
import { createHousehold } from '../modules/households/households.service.js';
import { AppError } from '../lib/errors.js';
import { syntheticHouseholds } from '../demo/synthetic.js';

/** Files demo households through the normal service, as the admin, so they are audited like any other. */
export async function seedDemo(db: Db, count: number, seed = 20160322): Promise<number> {
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();
  const actor = (await loadActor(db, Number(admin.id), null))!;
  const existing = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let created = 0;
  for (const h of syntheticHouseholds(count, seed + Number(existing.n))) {
    try {
      await createHousehold(db, actor, h);
      created++;
    } catch (e) {
      // a generated worker may collide with one already on file; skip it
      if (!(e instanceof AppError && e.code === 'DUPLICATE_ID_NUMBER')) throw e;
    }
  }
  return created;
}
