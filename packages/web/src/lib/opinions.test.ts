import { describe, expect, it } from 'vitest';
import type { HistoryEntry, ReviewOpinion } from '../api/households';
import { latestOpinions, roundStartVersion } from './opinions';

const op = (level: 'unit' | 'city', decision: 'agree' | 'return', fileVersion: number, opinion = `${level}-${decision}-${fileVersion}`): ReviewOpinion => ({
  level,
  decision,
  opinion,
  authorName: '审核员',
  orgCode: level === 'unit' ? 'H01' : 'H',
  orgName: level === 'unit' ? '京山' : '荆门市总工会',
  at: `2026-11-29T09:${String(fileVersion).padStart(2, '0')}:00.000Z`,
  fileVersion,
});
const entry = (version: number, action: HistoryEntry['action'], statusTo?: string): Pick<HistoryEntry, 'version' | 'action' | 'changes'> => ({
  version,
  action,
  changes: statusTo ? [{ path: 'status', label: '状态', old: '已建档', new: statusTo }] : [],
});

describe('四、工会审核意见', () => {
  it('shows the latest opinion of each level, blank when none', () => {
    expect(latestOpinions([], null)).toEqual({ unit: null, city: null });
    const boxes = latestOpinions([op('unit', 'agree', 2), op('city', 'agree', 3)], 2);
    expect(boxes.unit).toMatchObject({ current: true, opinion: { decision: 'agree', fileVersion: 2 } });
    expect(boxes.city).toMatchObject({ current: true, opinion: { decision: 'agree', fileVersion: 3 } });
  });

  it('finds where the current round of review began', () => {
    expect(roundStartVersion(undefined)).toBeNull();
    expect(roundStartVersion([entry(1, 'create')])).toBeNull();
    expect(roundStartVersion([entry(4, 'cityAgree'), entry(3, 'unitAgree'), entry(2, 'submit'), entry(1, 'create')])).toBe(2);
    // reopened after removal, or a filed file edited back to review
    expect(roundStartVersion([entry(6, 'reopen'), entry(5, 'remove'), entry(2, 'submit')])).toBe(6);
    expect(roundStartVersion([entry(5, 'update', '待单位审核'), entry(2, 'submit')])).toBe(5);
    expect(roundStartVersion([entry(5, 'update'), entry(2, 'submit')])).toBe(2);
    // a merged file's versions (numbered on their own) start no round of this file
    expect(roundStartVersion([entry(5, 'merge'), { ...entry(9, 'submit'), fromWorkerNo: 'H0100013' }, entry(2, 'submit')])).toBe(2);
  });

  it('marks a returned round as previous once the file is submitted again', () => {
    // v2 submit, v3 unit agree (opinion on v2), v4 city return (on v3) → draft; v5 edit; v6 submit again
    const opinions = [op('unit', 'agree', 2), op('city', 'return', 3)];
    const returned = latestOpinions(opinions, roundStartVersion([entry(4, 'cityReturn'), entry(3, 'unitAgree'), entry(2, 'submit')]));
    expect([returned.unit?.current, returned.city?.current]).toEqual([true, true]);
    const resubmitted = latestOpinions(opinions, roundStartVersion([entry(6, 'submit'), entry(5, 'update'), entry(4, 'cityReturn'), entry(2, 'submit')]));
    expect([resubmitted.unit?.current, resubmitted.city?.current]).toEqual([false, false]);
    // both agree in the new round
    const again = latestOpinions([...opinions, op('unit', 'agree', 6, '同意'), op('city', 'agree', 7, '同意建档')], 6);
    expect(again.unit).toMatchObject({ current: true, opinion: { opinion: '同意' } });
    expect(again.city).toMatchObject({ current: true, opinion: { opinion: '同意建档' } });
  });

  it('orders by file version when the list comes unordered', () => {
    const boxes = latestOpinions([op('unit', 'agree', 6), op('unit', 'return', 2)], null);
    expect(boxes.unit?.opinion.fileVersion).toBe(6);
  });
});
