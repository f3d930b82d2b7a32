import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, INDICATORS } from '@bangfu/core';
import { percentToRate, rateToPercent, rubricFieldErrors, ruleText, toRubricForm, toRubricItems, weightSum, type RubricRow } from './rubricForm';

const rubric = { items: DEFAULT_RUBRIC.map((it) => ({ ...it, ...INDICATORS[it.code] })) };

describe('rubric form: percentages on the form, rates in the API', () => {
  it('shows a rate as a percentage and keeps a number per hundred', () => {
    const rows = toRubricForm(rubric);
    expect(rows.find((r) => r.code === 'filedRate')).toMatchObject({ zero: 0, full: 100, weight: 20 });
    expect(rows.find((r) => r.code === 'overdue')).toMatchObject({ zero: 50, full: 0 });
    expect(rows.find((r) => r.code === 'returnedPer100')).toMatchObject({ zero: 20, full: 0 });
  });

  it('converts without float noise both ways', () => {
    expect(rateToPercent(0.853)).toBe(85.3);
    expect(rateToPercent(0.0007)).toBe(0.07);
    expect(percentToRate(85.3)).toBe(0.853);
    expect(percentToRate(85.25)).toBe(0.8525);
    for (const r of [0, 0.1, 0.29, 0.333, 0.5, 0.853, 0.9999, 1]) expect(percentToRate(rateToPercent(r))).toBe(r);
  });

  it('gives back the API items the form was made from, and only their fields', () => {
    const items = toRubricItems(toRubricForm(rubric));
    expect(items).toEqual(DEFAULT_RUBRIC);
    expect(Object.keys(items[0]).sort()).toEqual(['code', 'full', 'weight', 'zero']);
  });

  it('sends what was typed on the form', () => {
    const rows = toRubricForm(rubric).map((r): RubricRow => (r.code === 'coverage' ? { ...r, zero: 30, full: 95.5 } : r.code === 'returnedPer100' ? { ...r, zero: 12.5 } : r));
    const items = toRubricItems(rows);
    expect(items.find((i) => i.code === 'coverage')).toEqual({ code: 'coverage', weight: 15, zero: 0.3, full: 0.955 });
    expect(items.find((i) => i.code === 'returnedPer100')).toEqual({ code: 'returnedPer100', weight: 5, zero: 12.5, full: 0 });
  });
});

describe('rubric form: the weight sum and the errors', () => {
  it('adds the weights, a cleared box as 0', () => {
    expect(weightSum(toRubricForm(rubric))).toBe(100);
    expect(weightSum([{ weight: 60 }, { weight: null }, {}, { weight: 15 }])).toBe(75);
    expect(weightSum(undefined)).toBe(0);
  });

  it('states the rule in the form\'s units', () => {
    expect(ruleText({ unit: 'rate', zero: 50, full: 0 })).toBe('50% 得0分，0% 得100分，其间按比例计分');
    expect(ruleText({ unit: 'per100', zero: 20, full: 0 })).toBe('20次/百户 得0分，0次/百户 得100分，其间按比例计分');
  });

  it('puts a box\'s error beside the box and the sum\'s in the alert', () => {
    const m = rubricFieldErrors([
      { path: 'items[3].full', message: '0分和100分对应值不能相同' },
      { path: 'items.2.weight', message: '权重应为0至100的整数' },
      { path: 'items', message: '各项权重之和应为100，现为95' },
      { path: 'items[1].code', message: '考核指标代码不正确' },
      { path: 'version', message: '缺少版本号，请刷新页面' },
    ]);
    expect(m.fields).toEqual([
      { name: ['items', 3, 'full'], errors: ['0分和100分对应值不能相同'] },
      { name: ['items', 2, 'weight'], errors: ['权重应为0至100的整数'] },
    ]);
    expect(m.unplaced.map((e) => e.message)).toEqual(['各项权重之和应为100，现为95', '考核指标代码不正确', '缺少版本号，请刷新页面']);
  });
});
