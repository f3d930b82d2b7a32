// The demo's 考核 and 表彰: the 2016 assessment with one adjustment, its first two county unions
// commended from the ranking and approved, and this year's best-recording cadre of 京山 nominated by
// the county union and waiting for the city union — so both pages open on content.
import type { Db } from '../db/index.js';
import type { Actor } from '../modules/access/actor.js';
import { addAdjustment, computeAssessment } from '../modules/assessment/assessment.service.js';
import { commendationCandidates, decideCommendation, proposeCommendation } from '../modules/assessment/commendations.service.js';
import { actorOf, reviewerOf } from './accounts.js';

export async function seedDemoAssessment(db: Db, city: Actor, year: number): Promise<void> {
  await addAdjustment(db, city, { year: 2016, orgCode: 'H05', points: 2, reason: '开展“送温暖”专项走访，帮扶资金配套到位' });
  const ranked = (await computeAssessment(db, 2016, 'region')).items.filter((i) => i.rank !== null).slice(0, 2);
  for (const r of ranked) {
    const c = await proposeCommendation(db, city, {
      year: 2016, kind: 'org', orgCode: r.orgCode, title: '精准帮扶工作先进单位', reason: `2016年度考核第${r.rank}名，总分${r.total}分`, source: 'ranking',
    });
    await decideCommendation(db, city, String(c.id), { decision: 'approve' });
  }
  const county = await actorOf(db, reviewerOf('H01'));
  const [best] = (await commendationCandidates(db, county, { year })).items;
  if (best && best.record.records > 0)
    await proposeCommendation(db, county, {
      year, kind: 'person', username: best.username, title: '精准帮扶工作先进个人',
      reason: `常态走访困难职工家庭，本年度帮扶${best.record.households}户、记录${best.record.records}次，解决实际问题${best.record.solved}个`,
    });
}
