import { describe, expect, it } from 'vitest';
import type { DibaoFinding } from '../../api/dibao';
import { correctionHint, lastMonthOf, listedPersonText, listText, placeText, resolvedText, uploadRegionOptions } from './dibaoText';

const household = (receivesDibao: boolean, belowLine = true): DibaoFinding['household'] => ({
  id: 1, workerNo: 'H0100001', name: '张三', regionCode: 'H01', regionName: '东宝区', unitName: null, status: 'filed', receivesDibao, version: 3, belowLine,
});

describe('dibao text', () => {
  it('says who is on the list, with the amount when the list has one', () => {
    expect(listedPersonText({ name: '张三', relation: '本人', monthlyAmount: 520 })).toBe('张三·本人·月保障金额 520.00 元');
    expect(listedPersonText({ name: '李*', relation: '配偶', monthlyAmount: null })).toBe('李*·配偶');
  });

  it('names a file\'s place and a list', () => {
    expect(placeText({ regionName: '东宝区', unitName: null })).toBe('东宝区');
    expect(placeText({ regionName: '东宝区', unitName: '荆门石化工会' })).toBe('东宝区·荆门石化工会');
    expect(listText({ month: '2026-10', regionName: '全市' })).toBe('2026-10 全市');
  });

  it('says who resolved a finding', () => {
    expect(resolvedText({ status: 'open', resolvedBy: null, resolvedAt: null })).toBe('待核实');
    expect(resolvedText({ status: 'explained', resolvedBy: '王五', resolvedAt: '2026-12-07T13:00:00.000Z' })).toMatch(/^已说明（王五 2026-12-07 \d\d:00）$/);
    expect(resolvedText({ status: 'superseded', resolvedBy: null, resolvedAt: null })).toBe('已由新名单替代');
  });

  it('proposes the month before today, across a new year', () => {
    expect(lastMonthOf('2026-11-20')).toBe('2026-10');
    expect(lastMonthOf('2026-01-03')).toBe('2025-12');
    expect(lastMonthOf('2026-10-31')).toBe('2026-09');
  });

  it('offers the whole city and each county to the city union, its own county to a county union', () => {
    const regions = [{ value: 'H01', label: '东宝区' }, { value: 'H02', label: '掇刀区' }];
    expect(uploadRegionOptions(null, regions)).toEqual([{ value: 'H', label: '全市' }, ...regions]);
    expect(uploadRegionOptions('H02', regions)).toEqual([{ value: 'H02', label: '掇刀区' }]);
  });

  it('warns before 已更正档案 while the file still disagrees with the list', () => {
    expect(correctionHint({ kind: 'declaredNotListed', household: household(true) }, 'corrected')).toMatch(/仍为“是”/);
    expect(correctionHint({ kind: 'declaredNotListed', household: household(false) }, 'corrected')).toBeNull();
    expect(correctionHint({ kind: 'listedNotDeclared', household: household(false) }, 'corrected')).toMatch(/仍为“否”/);
    expect(correctionHint({ kind: 'listedNotDeclared', household: household(false) }, 'explained')).toBeNull();
    expect(correctionHint({ kind: 'listedAboveLine', household: household(true) }, 'corrected')).toBeNull();
    expect(correctionHint({ kind: 'listedAboveLine', household: household(true, false) }, 'corrected')).toMatch(/仍不低于/);
  });
});
