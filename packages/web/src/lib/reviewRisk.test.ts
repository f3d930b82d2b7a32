import { describe, expect, it } from 'vitest';
import { reviewRisk, riskText } from './reviewRisk';

describe('reviewRisk', () => {
  const rows = [
    { id: 1, eligible: true },
    { id: 2, eligible: false },
    { id: 3, eligible: null },
    { id: 4, eligible: false },
  ];

  it('picks the 不符合 and 无法判定 files, in the batch order', () => {
    const r = reviewRisk(rows);
    expect(r.ineligible.map((x) => x.id)).toEqual([2, 4]);
    expect(r.undecided.map((x) => x.id)).toEqual([3]);
    expect(r.all.map((x) => x.id)).toEqual([2, 3, 4]);
  });

  it('names how many of each, and nothing when all are 符合', () => {
    expect(riskText(reviewRisk(rows))).toBe('2 户识别结果为不符合，1 户无法判定（缺少该地区该年度的低保标准）');
    expect(riskText(reviewRisk([{ eligible: false }]))).toBe('1 户识别结果为不符合');
    expect(riskText(reviewRisk([{ eligible: true }]))).toBe('');
  });
});
