import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { identifyWithLine, parseHousehold, type HouseholdJson, type IdentifyResult } from '@bangfu/core';
import type { Policy } from '../api/policy';
import { jsonToForm, type HouseholdFormValues } from '../pages/households/formModel';
import {
  INCOMPLETE_PROMPT,
  eligibleText,
  formToIdentifyData,
  identifyFormValues,
  lineFor,
  outcomeText,
  ratioPercentText,
  ratioTextPercent,
  explanationText,
} from './identification';

const policyWith = (lines: { regionCode: string; year: number; monthlyLine: number; isExample?: boolean }[], over: Partial<Policy> = {}): Policy => ({
  version: 7,
  marginalRatio: '1.3',
  expenseRatio: '0.5',
  lines: lines.map((l) => ({ regionName: l.regionCode, isExample: false, version: 1, updatedAt: '2026-01-01T00:00:00Z', updatedBy: null, ...l })),
  ...over,
});

/** Only what identification needs: region, date, income, size. */
const minimal: HouseholdFormValues = { regionCode: 'H04', fillDate: dayjs('2016-05-10'), householdAnnualIncome: '15000', householdSize: 3, members: [], causes: [] };

describe('formToIdentifyData', () => {
  it('needs region, fill date, total income and size, and names what is missing', () => {
    expect(formToIdentifyData({})).toEqual({ ok: false, missing: ['所属地区', '填报日期', '家庭年度总收入', '家庭人口'] });
    expect(formToIdentifyData({ ...minimal, householdAnnualIncome: '' })).toEqual({ ok: false, missing: ['家庭年度总收入'] });
    expect(formToIdentifyData({ ...minimal, householdAnnualIncome: '12.345' })).toEqual({ ok: false, missing: ['家庭年度总收入'] });
    expect(formToIdentifyData({ ...minimal, householdSize: 0 })).toEqual({ ok: false, missing: ['家庭人口'] });
    expect(formToIdentifyData({ ...minimal, householdSize: 21 })).toEqual({ ok: false, missing: ['家庭人口'] });
    expect(formToIdentifyData({ ...minimal, fillDate: null, regionCode: undefined })).toEqual({ ok: false, missing: ['所属地区', '填报日期'] });
    expect(INCOMPLETE_PROMPT).toBe('请填写所属地区、填报日期、家庭年度总收入和家庭人口');
  });

  it('fills what identification does not need with defaults that trigger nothing', () => {
    const r = formToIdentifyData(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.householdAnnualIncome).toBe(1_500_000);
    expect(r.data.householdSize).toBe(3);
    expect(r.data.fillDate).toBe('2016-05-10');
    expect(r.data.health).toBe('良好');
    expect(r.data.disabilityGrade).toBe('无');
    expect(r.data.maritalStatus).toBe('已婚');
    expect(r.data.medicalExpense).toBe(0);
    expect(r.hasCategory).toBe(false);
    expect(r.hasReceivesDibao).toBe(false);
  });

  it('reads half-typed members and amounts without failing', () => {
    const r = formToIdentifyData({
      ...minimal,
      medicalExpense: '9000',
      tuitionExpense: 'abc',
      members: [{ name: '王磊', relation: '子', occupation: '义务教育在校', idNumber: '4208' }, { health: '癌症' }, {}],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.medicalExpense).toBe(900_000);
    expect(r.data.tuitionExpense).toBe(0);
    expect(r.data.members).toHaveLength(3);
    expect(r.data.members[0].idNumber).toBeNull(); // not a usable number: no age guessed from it
    expect(r.data.members[1].health).toBe('癌症');
    expect(r.data.members[2].health).toBe('良好');
  });
});

describe('identifyFormValues', () => {
  const policy = policyWith([{ regionCode: 'H04', year: 2016, monthlyLine: 500, isExample: true }]);

  it('says what is missing before anything can be decided', () => {
    expect(identifyFormValues({ regionCode: 'H04' }, policy)).toEqual({ state: 'incomplete', missing: ['填报日期', '家庭年度总收入', '家庭人口'] });
  });

  it('uses the line of the form region and fill-date year, the ratios and version of the policy', () => {
    const r = identifyFormValues(minimal, policy);
    expect(r.state).toBe('ready');
    if (r.state !== 'ready') return;
    expect(r.result.eligible).toBe(true);
    expect(r.result.conditions).toEqual(['C1']);
    expect(r.result.category).toBe('低保户');
    expect(r.result.annualLine).toBe(6000);
    expect(r.result.perCapitaIncome).toBe(5000);
    expect(r.result.policy).toMatchObject({ regionCode: 'H04', year: 2016, monthlyLine: 500, version: 7, marginalRatio: '1.3' });
    expect(r.line?.isExample).toBe(true);
  });

  it('does not flag a category or 低保 answer that has not been given yet', () => {
    const r = identifyFormValues(minimal, policy);
    if (r.state !== 'ready') throw new Error(r.state);
    expect(r.result.flags).toEqual([]);
    expect(r.declaredCategory).toBeNull();
    expect(r.result.explanation).not.toMatch(/申报困难类别|应保未保|undefined/);
  });

  it('flags them once they are given', () => {
    const r = identifyFormValues({ ...minimal, category: '意外致困户', receivesDibao: false }, policy);
    if (r.state !== 'ready') throw new Error(r.state);
    expect(r.result.flags).toEqual(['categoryMismatch', 'dibaoNotReceived']);
    expect(r.declaredCategory).toBe('意外致困户');
  });

  it('cannot decide without a line for that region and year', () => {
    const r = identifyFormValues({ ...minimal, fillDate: dayjs('2017-03-01') }, policy);
    if (r.state !== 'ready') throw new Error(r.state);
    expect(r.result.eligible).toBeNull();
    expect(r.result.flags).toEqual(['noLine']);
    expect(r.line).toBeNull();
  });

  it('follows the policy ratios', () => {
    // per capita 6,600 = 110% of 6,000, ill: C2 at 1.3, not at 1.05
    const v = { ...minimal, householdAnnualIncome: '19800', health: '癌症' };
    const a = identifyFormValues(v, policy);
    const b = identifyFormValues(v, { ...policy, marginalRatio: '1.05' });
    if (a.state !== 'ready' || b.state !== 'ready') throw new Error('not ready');
    expect(a.result.conditions).toEqual(['C2']);
    expect(b.result.conditions).toEqual([]);
  });

  describe('agrees with core on the public worked examples, through the form', () => {
    const text = readFileSync(new URL('../../../core/test/fixtures/identify-examples.jsonl', import.meta.url), 'utf8');
    const examples = text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { name: string; line: number; household: Record<string, unknown>; expected: Partial<IdentifyResult> });
    it('has the examples', () => expect(examples.length).toBeGreaterThan(5));
    for (const ex of examples) {
      it(ex.name, () => {
        const parsed = parseHousehold(ex.household);
        if (!parsed.ok) throw new Error('example does not parse');
        const values = jsonToForm(ex.household as unknown as HouseholdJson);
        const year = Number(String(ex.household.fillDate).slice(0, 4));
        const live = identifyFormValues(values, policyWith([{ regionCode: String(ex.household.regionCode), year, monthlyLine: ex.line }]));
        if (live.state !== 'ready') throw new Error(live.state);
        const core = identifyWithLine(parsed.data, ex.line);
        const { policy: _p, ...liveRest } = live.result;
        const { policy: _c, ...coreRest } = core;
        void _p;
        void _c;
        expect(liveRest).toEqual(coreRest);
        for (const [key, value] of Object.entries(ex.expected)) expect({ key, value: live.result[key as keyof IdentifyResult] }).toEqual({ key, value });
      });
    }
  });
});

describe('labels', () => {
  it('words a result', () => {
    expect(eligibleText(true)).toBe('符合');
    expect(eligibleText(false)).toBe('不符合');
    expect(eligibleText(null)).toBe('无法判定');
    expect(outcomeText(true, '低保户')).toBe('符合 · 低保户');
    expect(outcomeText(false, null)).toBe('不符合');
    expect(outcomeText(null, null)).toBe('无法判定');
  });

  it('writes ratios as percentages', () => {
    expect(ratioPercentText(0.43)).toBe('43.00%');
    expect(ratioPercentText(1.2999)).toBe('129.99%');
    expect(ratioPercentText(null)).toBe('—');
    expect(ratioTextPercent('1.3')).toBe('130%');
    expect(ratioTextPercent('0.5')).toBe('50%');
    expect(ratioTextPercent('1.25')).toBe('125%');
    expect(ratioTextPercent('1.2345')).toBe('123.45%');
    expect(ratioTextPercent('2')).toBe('200%');
    expect(ratioTextPercent('0.05')).toBe('5%');
  });

  it('names the region in the no-line explanation', () => {
    const r = identifyFormValues({ ...minimal, fillDate: dayjs('2017-03-01') }, policyWith([]));
    if (r.state !== 'ready') throw new Error(r.state);
    expect(r.result.explanation).toContain('地区 H04 未配置 2017 年度低保标准');
    expect(explanationText(r.result, (c) => (c === 'H04' ? '东宝' : c))).toBe('家庭年人均收入 5,000.00 元；东宝未配置 2017 年度低保标准，无法判定，请先配置低保标准。');
    expect(explanationText(r.result, (c) => c)).toBe(r.result.explanation);
    expect(explanationText(r.result)).toBe(r.result.explanation);
  });

  it('finds the line of a region and year', () => {
    const p = policyWith([{ regionCode: 'H01', year: 2016, monthlyLine: 500 }]);
    expect(lineFor(p, 'H01', 2016)?.monthlyLine).toBe(500);
    expect(lineFor(p, 'H01', 2017)).toBeNull();
  });
});
