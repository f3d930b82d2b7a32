// The demo's 脱困回访: in each county two 2016 files exited over the past fifteen months, visited
// as the schedule asks or not (so 到期, 超期 and 已完成 all show), and the household 赵干部 is
// linked to found fallen back: he may not reopen it, so it waits in the county's 待办.
import { addDays, addMonths, JINGMEN_REGIONS, todayInChina } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { recordFollowUp } from '../modules/assistance/follow-ups.service.js';
import { exitHousehold } from '../modules/households/lifecycle.service.js';
import { actorOf, filerOf } from './accounts.js';

const EXIT_REASONS = ['再就业，工资收入稳定', '子女毕业参加工作，家庭收入增加', '大病治疗结束，医疗支出减少', '经技能培训后稳定就业'];

/** Months before today each county's two exits are dated: overdue, due soon, complete, not yet due. */
const EXIT_AGO = [[7, 2], [4, 15], [13, 1], [3, 5], [8, 10], [2, 14], [6, 12], [5, 9]];

export async function seedDemoFollowUps(db: Db): Promise<number> {
  const today = todayInChina();
  let exits = 0;
  const linked = await db.selectFrom('household_links').innerJoin('users', 'users.id', 'household_links.user_id').innerJoin('households', 'households.id', 'household_links.household_id')
    .select(['household_links.household_id as id', 'households.region_code']).where('users.username', '=', 'zhaogb').where('households.status', '=', 'filed').executeTakeFirst();
  for (const [i, region] of JINGMEN_REGIONS.entries()) {
    const filer = await actorOf(db, filerOf(region.code));
    const ids = (await db.selectFrom('households').select('id').where('region_code', '=', region.code).where('status', '=', 'filed')
      .where('fill_year', '=', 2016).where('id', '<>', linked ? Number(linked.id) : 0).orderBy('id', 'desc').limit(2).execute()).map((r) => Number(r.id));
    for (const [k, id] of ids.entries()) {
      const exitDate = addMonths(today, -EXIT_AGO[i % EXIT_AGO.length][k]);
      await exitHousehold(db, filer, id, { reason: EXIT_REASONS[(i + k) % EXIT_REASONS.length], date: exitDate });
      exits++;
      // the visits the schedule asked for, made a few days after their day, one county in three behind
      for (const m of [3, 6, 12]) {
        const on = addDays(addMonths(exitDate, m), 4);
        if (on > today || (i + k) % 3 === 2) break;
        await recordFollowUp(db, filer, id, { date: on, outcome: 'stable', note: '入户回访：家庭收入稳定，生活有保障' });
      }
    }
  }
  if (linked) {
    const id = Number(linked.id);
    await exitHousehold(db, await actorOf(db, filerOf(linked.region_code)), id, { reason: '再就业，工资收入稳定', date: addMonths(today, -5) });
    await recordFollowUp(db, await actorOf(db, 'zhaogb'), id, { date: today, outcome: 'fallenBack', note: '企业减员再次失业，家庭无稳定收入' });
    exits++;
  }
  return exits;
}
