import type { Db } from '../db/index.js';
import { loadActor } from '../modules/auth/auth.service.js';
import { createHousehold } from '../modules/households/households.service.js';
import { AppError } from '../lib/errors.js';
import { syntheticHouseholds } from '../demo/synthetic.js';
import { savePolicy } from '../modules/policy/policy.service.js';

/**
 * Example monthly lines (yuan per person) for 2016, labelled 示例: the real figures are not in our
 * hands, so the policy page tells the city union to replace them.
 */
export const EXAMPLE_LINES_2016: Record<string, number> = { H01: 500, H02: 480, H03: 500, H04: 520, H05: 520, H06: 480, H07: 450, H08: 520 };

/** Files demo households through the normal service, as the admin, so they are audited like any other. */
export async function seedDemo(db: Db, count: number, seed = 20160322): Promise<number> {
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();
  const actor = (await loadActor(db, Number(admin.id), null))!;
  const lines = await db.selectFrom('policy_lines').select('region_code').executeTakeFirst();
  if (!lines)
    await savePolicy(db, actor, null, {
      lines: Object.entries(EXAMPLE_LINES_2016).map(([regionCode, monthlyLine]) => ({ regionCode, year: 2016, monthlyLine })),
      reason: '演示数据：示例低保标准，请市总工会替换为正式标准',
    }, { example: true });
  const existing = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let created = 0;
  for (const h of syntheticHouseholds(count, seed + Number(existing.n), undefined, EXAMPLE_LINES_2016)) {
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
