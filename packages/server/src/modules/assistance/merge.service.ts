// The assistance side of merging a duplicate file into the one kept (重复建档): its records (with
// the kept counts), follow-ups, plan items for measures the kept file does not plan, the city's
// links, and its responsible leader and cadre when the kept file has none; the responsibility
// history moves too. A plan item for a measure the kept file already plans stays on the merged
// file, readable there; a responsible person the kept file already has is in the moved history.
import type { Q } from '../../db/transaction.js';
import * as households from '../households/households.repository.js';
import * as repo from './assistance.repository.js';
import { moveRecordsCounted } from './assistance-tally.repository.js';

export interface MovedAssistance {
  assistance: number;
  followUps: number;
  plan: number;
  links: number;
  responsibility: number;
}

export async function moveAssistanceTx(trx: Q, fromId: number, toId: number): Promise<MovedAssistance> {
  const assistance = await moveRecordsCounted(trx, fromId, toId);
  const followUps = await repo.moveFollowUps(trx, fromId, toId);
  const keptPlan = new Set((await repo.planItems(trx, toId)).map((i) => i.measure_code));
  const plan = await repo.movePlanItems(trx, fromId, toId, (await repo.planItems(trx, fromId)).map((i) => i.measure_code).filter((m) => !keptPlan.has(m)));

  const kept = await households.findRowAnyScope(trx, toId);
  const gone = await households.findRowAnyScope(trx, fromId);
  const keptLinks = await repo.linksOfHousehold(trx, toId);
  const has = (userId: number, kind: string) => keptLinks.some((l) => Number(l.user_id) === Number(userId) && l.kind === kind);
  const goneLinks = await repo.linksOfHousehold(trx, fromId);
  const takeLeader = !kept!.leader_user_id && !!gone!.leader_user_id;
  const takeCadre = !kept!.cadre_user_id && !!gone!.cadre_user_id;
  const moving = goneLinks.filter((l) => !has(l.user_id, l.kind) && (l.kind === 'link' || (l.kind === 'leader' && takeLeader) || (l.kind === 'cadre' && takeCadre)));
  await repo.moveLinks(trx, fromId, toId, moving);
  // the rest (a responsible person the kept file already has) ends with the merged file; the moved history keeps who it was
  await repo.deleteLinksOf(trx, fromId);
  if (takeLeader || takeCadre)
    await households.setHouseholdColumns(trx, toId, { ...(takeLeader ? { leader_user_id: gone!.leader_user_id } : {}), ...(takeCadre ? { cadre_user_id: gone!.cadre_user_id } : {}) });
  const responsibility = await repo.moveResponsibilityChanges(trx, fromId, toId);
  // the last visit of either file is the kept file's last visit
  const last = await repo.latestRecordDate(trx, toId);
  if (last && (!kept!.last_assisted_on || last > kept!.last_assisted_on)) await households.setHouseholdColumns(trx, toId, { last_assisted_on: last });
  return { assistance, followUps, plan, links: moving.length, responsibility };
}
