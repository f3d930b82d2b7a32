import { describe, expect, it } from 'vitest';
import { byRank, indicatorColumnsOf, pointsText, rankingReason, scoreText } from './assessmentText';
import { currentYearInChina } from '../../lib/assistance';
import type { AssessmentItem } from '../../api/assessment';

const item = (orgCode: string, rank: number | null, total: number | null = rank === null ? null : 100 - rank): AssessmentItem => ({
  orgCode, orgName: orgCode, indicators: [
    { code: 'filedRate', name: '建档率', value: 0.9, score: 90, weight: 60, evidence: [] },
    { code: 'overdue', name: '走访超期率', value: 0.1, score: 80, weight: 40, evidence: [] },
  ], base: total, adjustment: 0, adjustments: [], total, rank,
});

describe('assessment text', () => {
  it('orders by rank, ties by code, the unranked last', () => {
    const sorted = byRank([item('H03', null), item('H02', 2), item('H05', 1), item('H01', 2), item('H00', null)]);
    expect(sorted.map((i) => i.orgCode)).toEqual(['H05', 'H01', 'H02', 'H00', 'H03']);
  });

  it('shows scores with one decimal and points with their sign', () => {
    expect(scoreText(92.5)).toBe('92.5');
    expect(scoreText(92)).toBe('92.0');
    expect(scoreText(null)).toBe('—');
    expect(pointsText(2)).toBe('+2.0');
    expect(pointsText(-1.5)).toBe('-1.5');
    expect(pointsText(0)).toBe('—');
  });

  it('takes the indicator columns from the rows', () => {
    expect(indicatorColumnsOf([item('H01', 1)])).toEqual([{ code: 'filedRate', name: '建档率', weight: 60 }, { code: 'overdue', name: '走访超期率', weight: 40 }]);
    expect(indicatorColumnsOf([])).toEqual([]);
  });

  it('writes the reason of a nomination from the ranking', () => {
    expect(rankingReason(2016, 'region', 1, 92.5)).toBe('2016年度考核第1名，总分92.5分');
    expect(rankingReason(2017, 'unit', 3, 80)).toBe('2017年度大中型企事业单位考核第3名，总分80.0分');
  });

  it('opens on this year in China', () => {
    expect(currentYearInChina()).toBeGreaterThanOrEqual(2024);
  });
});
