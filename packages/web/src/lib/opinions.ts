// 四、工会审核意见: which opinion goes into each box of the sheet. A box shows the latest opinion
// of its level; an opinion from an earlier round of review (the file was submitted again, or
// reopened, after it) is "previous": shown greyed on screen, left off the paper.
import type { HistoryEntry, ReviewDecision, ReviewLevel, ReviewOpinion } from '../api/households';

export const DECISION_LABELS = { agree: '同意', return: '退回' } as const;
export const LEVEL_LABELS: Record<ReviewLevel, string> = { unit: '职工所在单位工会意见', city: '市总工会意见' };

export interface OpinionBox {
  opinion: ReviewOpinion;
  /** given in the current round of review */
  current: boolean;
}

const WAITING_FOR_UNIT = '待单位审核';

/**
 * The version at which the current round of review began: the latest 提交审核, 重新纳入, or an
 * edit of a filed file that sent it back to review. null when the history does not say (then
 * every latest opinion counts as current). The versions of a file merged into this one (重复建档)
 * are not this file's rounds.
 */
export function roundStartVersion(history: readonly (Pick<HistoryEntry, 'version' | 'action' | 'changes'> & Partial<Pick<HistoryEntry, 'fromWorkerNo'>>)[] | undefined): number | null {
  if (!history) return null;
  let start: number | null = null;
  for (const e of history) {
    // a duplicate file merged into this one: its versions are its own, its opinions stay with it
    if (e.fromWorkerNo) continue;
    const starts =
      e.action === 'submit' ||
      e.action === 'reopen' ||
      (e.action === 'update' && e.changes.some((c) => c.path === 'status' && c.new === WAITING_FOR_UNIT));
    if (starts && (start === null || e.version > start)) start = e.version;
  }
  return start;
}

/** The latest opinion of each level, and whether it belongs to the current round. */
export function latestOpinions(opinions: readonly ReviewOpinion[] | undefined, roundStart: number | null): Record<ReviewLevel, OpinionBox | null> {
  const out: Record<ReviewLevel, OpinionBox | null> = { unit: null, city: null };
  // the server lists them oldest first; fall back on the time when a list comes unordered
  const sorted = [...(opinions ?? [])].map((o, i) => ({ o, i })).sort((a, b) => a.o.fileVersion - b.o.fileVersion || a.o.at.localeCompare(b.o.at) || a.i - b.i);
  for (const { o } of sorted) out[o.level] = { opinion: o, current: roundStart === null || o.fileVersion >= roundStart };
  return out;
}

/** Sentences a reviewer often writes: one click fills the box, which can still be edited. */
export const QUICK_OPINIONS: Record<ReviewLevel, Record<ReviewDecision, string[]>> = {
  unit: {
    agree: ['经入户核实，情况属实，同意上报。'],
    return: ['家庭收入情况需进一步核实，请补充后重新提交。', '家庭成员信息不完整，请补充后重新提交。'],
  },
  city: {
    agree: ['同意纳入精准帮扶城镇困难职工数据库。'],
    return: ['不符合困难职工建档条件，请核实。', '材料与实际情况不符，请重新核实后提交。'],
  },
};
