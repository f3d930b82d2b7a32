import { describe, expect, it } from 'vitest';
import { currentPhaseIndex, daysLeftColor, daysLeftText, nextDeadline, onTimeText, rateText } from './campaignText';

describe('campaign texts', () => {
  it('days to a deadline', () => {
    expect([daysLeftText(12), daysLeftText(1), daysLeftText(0), daysLeftText(-3)]).toEqual(['还剩 12 天', '还剩 1 天', '今天截止', '已逾期 3 天']);
    expect([daysLeftColor(8), daysLeftColor(7), daysLeftColor(0), daysLeftColor(-1)]).toEqual(['processing', 'warning', 'warning', 'error']);
  });

  it('rates as percentages with one decimal, — without a base', () => {
    expect([rateText(0.8534), rateText(1), rateText(0), rateText(1.25), rateText(null)]).toEqual(['85.3%', '100.0%', '0.0%', '125.0%', '—']);
  });

  it('按时 / 逾期', () => {
    expect([onTimeText(true), onTimeText(false), onTimeText(null)]).toEqual(['按时', '逾期', null]);
  });

  it('the next deadline: the first not past (of a kind), else the last', () => {
    const ds = [
      { id: 1, kind: 'data' as const, daysLeft: -5 },
      { id: 2, kind: 'report' as const, daysLeft: 3 },
      { id: 3, kind: 'data' as const, daysLeft: 10 },
    ];
    expect(nextDeadline(ds)?.id).toBe(2);
    expect(nextDeadline(ds, 'data')?.id).toBe(3);
    expect(nextDeadline(ds.slice(0, 1))?.id).toBe(1);
    expect(nextDeadline([])).toBeNull();
  });

  it('the current phase: the one named, else the count of those ended', () => {
    const phases = [
      { name: '动员部署', endDate: '2026-03-31' },
      { name: '摸底建档', endDate: '2026-09-30' },
      { name: '总结验收', endDate: '2026-12-31' },
    ];
    expect(currentPhaseIndex(phases, '摸底建档', '2026-05-01')).toBe(1);
    expect(currentPhaseIndex(phases, null, '2026-10-08')).toBe(2);
    expect(currentPhaseIndex(phases, null, '2027-01-02')).toBe(3);
  });
});
