// Where a demo household stands on the review path, and the help it has had: drawn from the
// demo's second random stream, so that the per-file demo and the bulk loader give every household
// the same status and the same assistance records for the same seed.
import { addDays, todayInChina } from '@bangfu/core';
import type { Rng } from './synthetic.js';

/** draft, waiting for the unit union, waiting for the city union, or 已建档 (most of them). */
export type DemoStage = 'draft' | 'submitted' | 'unitApproved' | 'filed';

export const UNIT_OPINION = '经入户核实，情况属实，同意上报。';
export const CITY_OPINION = '同意纳入精准帮扶城镇困难职工数据库。';

export function demoStage(rng: Rng): DemoStage {
  const stage = rng.next();
  return stage < 0.05 ? 'draft' : stage < 0.1 ? 'submitted' : stage < 0.15 ? 'unitApproved' : 'filed';
}

const VISIT_KINDS = ['走访', '走访', '慰问金', '岗位推荐', '技能培训', '物资'] as const;
const VISIT_WORDS: Record<(typeof VISIT_KINDS)[number], string> = {
  走访: '入户走访，了解家庭近况和帮扶需求', 慰问金: '送去慰问金', 岗位推荐: '推荐到本地企业就业', 技能培训: '参加工会组织的技能培训', 物资: '送去米、油等生活物资',
};

/** An assistance record as the record form sends it (amount in yuan). */
export interface DemoVisit {
  date: string;
  type: (typeof VISIT_KINDS)[number];
  amount: number | undefined;
  description: string;
  solvedProblem: boolean;
}

/** None to three assistance records of a filed household, in the last 200 days. */
export function demoVisits(rng: Rng, today = todayInChina()): DemoVisit[] {
  const visits = rng.int(0, 3);
  const out: DemoVisit[] = [];
  for (let i = 0; i < visits; i++) {
    const kind = rng.pick(VISIT_KINDS);
    out.push({
      date: addDays(today, -rng.int(3, 200)), type: kind,
      amount: kind === '慰问金' ? rng.pick([300, 500, 800]) : kind === '物资' ? rng.pick([150, 200.5]) : undefined,
      description: VISIT_WORDS[kind],
      solvedProblem: kind === '岗位推荐' || (kind === '慰问金' && rng.chance(0.5)),
    });
  }
  return out;
}
