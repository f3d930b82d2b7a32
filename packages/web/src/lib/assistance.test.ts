import { describe, expect, it } from 'vitest';
import { amountRequired, batchTotals, daysBetween, initialPlanRows, isMoneyType, overdueText, planPayload, quotaText, recordPayload, solvedInYear, yearOptions } from './assistance';

describe('assistance helpers', () => {
  it('knows the money types and which need an amount', () => {
    expect(isMoneyType('慰问金')).toBe(true);
    expect(isMoneyType('走访')).toBe(false);
    expect(isMoneyType(undefined)).toBe(false);
    expect(amountRequired('物资')).toBe(true);
    expect(amountRequired('医疗救助')).toBe(false);
    expect(isMoneyType('医疗救助')).toBe(true);
  });

  it('preselects the recommendations when there is no plan, else keeps the plan', () => {
    const recommendations = [{ measure: 'jobReferral', name: '岗位推荐', category: '就业援助', reason: '因未就业' }];
    expect(initialPlanRows({ items: [], recommendations })).toEqual([
      { measure: 'jobReferral', name: '岗位推荐', category: '就业援助', recommended: true, reason: '因未就业', targetDate: null, status: 'planned', outcome: null },
    ]);
    const items = [{ measure: 'winterWarmth', name: '冬送温暖', category: '四季送', recommended: false, reason: null, targetDate: '2026-12-01', status: 'done' as const, outcome: '已送', updatedAt: '', updatedBy: null }];
    expect(initialPlanRows({ items, recommendations }).map((r) => r.measure)).toEqual(['winterWarmth']);
  });

  it('builds the plan body', () => {
    expect(planPayload([{ measure: 'a', name: '', category: '', recommended: false, reason: null, targetDate: '', status: 'inProgress', outcome: '  好  ' }])).toEqual([
      { measure: 'a', targetDate: null, status: 'inProgress', outcome: '好' },
    ]);
  });

  it('builds the record body: amount only for money types', () => {
    expect(recordPayload({ date: '2026-03-01', type: '走访', amount: '100', description: ' 入户 ', solvedProblem: undefined })).toEqual({
      date: '2026-03-01', type: '走访', amount: null, description: '入户', solvedProblem: false,
    });
    expect(recordPayload({ date: '2026-03-01', type: '慰问金', amount: 500, description: '春节慰问', solvedProblem: true }).amount).toBe('500');
  });

  it('counts solved problems of a year', () => {
    const r = [
      { date: '2026-01-02', solvedProblem: true },
      { date: '2026-05-02', solvedProblem: false },
      { date: '2025-12-31', solvedProblem: true },
    ];
    expect(solvedInYear(r, 2026)).toBe(1);
  });

  it('totals the batches', () => {
    expect(batchTotals([{ batches: [1, 2, 3], total: 6 }, { batches: [0, 1, 0], total: 1 }], 3)).toEqual({ b0: 1, b1: 3, b2: 3, total: 7 });
    expect(batchTotals([], 3)).toEqual({ b0: 0, b1: 0, b2: 0, total: 0 });
  });

  it('counts days and words the overdue tag and the quota', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween(null, '2026-03-01')).toBeNull();
    expect(overdueText('2025-01-01', 90)).toBe('超过 90 天未走访');
    expect(overdueText(null, 90)).toBe('超过 90 天未走访（尚无帮扶记录）');
    expect(quotaText({ expected: 2, linked: 1 })).toBe('少 1 户');
    expect(quotaText({ expected: 1, linked: 3 })).toBe('多 2 户');
    expect(quotaText({ expected: 2, linked: 2 })).toBe('已达标');
    expect(yearOptions(2026, 2024)).toEqual([2026, 2025, 2024]);
  });
});
