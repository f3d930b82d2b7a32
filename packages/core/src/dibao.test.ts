import { describe, expect, it } from 'vitest';
import { checkDibaoRow, checkListMonth, correctionMissing, DIBAO_COLUMNS, mapDibaoHeader } from './dibao.js';
import { idCheckChar } from './idNumber.js';

const id = (first17: string) => first17 + idCheckChar(first17);
const GOOD = id('42080219680312051');

describe('mapDibaoHeader', () => {
  it('finds the columns by label or alias, loosely (spaces, brackets, a unit of yuan)', () => {
    const m = mapDibaoHeader(['序号', ' 户主姓名 ', '公民身份号码', '保障人口', '月保障金(元)', '所属地区']);
    expect(m).toEqual({ index: { name: 1, idNumber: 2, householdSize: 3, monthlyAmount: 4, region: 5 }, missing: [] });
  });

  it('names what is missing, and takes the person\'s mapping before the known labels', () => {
    expect(mapDibaoHeader(['序号', '保障户主', '证件']).missing).toEqual(['name', 'idNumber']);
    const m = mapDibaoHeader(['姓名', '保障户主', '证件'], { name: '保障户主', idNumber: '证件' });
    expect(m.index).toMatchObject({ name: 1, idNumber: 2 });
    expect(m.missing).toEqual([]);
    // a mapping naming a header the file does not have leaves the field missing
    expect(mapDibaoHeader(['姓名', '身份证号'], { idNumber: '证件号' }).missing).toEqual(['idNumber']);
  });

  it('has the two required columns', () => {
    expect(DIBAO_COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual(['name', 'idNumber']);
  });
});

describe('checkDibaoRow', () => {
  it('accepts a good row: the number upper-cased, yuan to fen, optional cells empty', () => {
    const x = id('11010519491231002');
    expect(checkDibaoRow({ name: ' 张三 ', idNumber: x.toLowerCase(), householdSize: '3', monthlyAmount: '650.50元', region: '东宝区' }))
      .toEqual({ row: { name: '张三', idNumber: x.toUpperCase(), householdSize: 3, monthlyFen: 65050, region: '东宝区' }, errors: [] });
    expect(checkDibaoRow({ name: '李四', idNumber: GOOD })).toEqual({ row: { name: '李四', idNumber: GOOD, householdSize: null, monthlyFen: null, region: null }, errors: [] });
  });

  it('reports every bad cell of a row at once, by its column', () => {
    const r = checkDibaoRow({ name: '', idNumber: GOOD.slice(0, 17) + (GOOD[17] === '0' ? '1' : '0'), householdSize: '0', monthlyAmount: '-5' });
    expect(r.row).toBeNull();
    expect(r.errors.map((e) => e.column)).toEqual(['姓名', '身份证号', '家庭人口', '月保障金额']);
    expect(r.errors[1].message).toContain('校验位');
    expect(r.errors[3].message).toContain('负数');
  });

  it('still matches a person whose optional cells are bad, reporting them', () => {
    const r = checkDibaoRow({ name: '王五', idNumber: GOOD, householdSize: '3人', monthlyAmount: 'abc' });
    expect(r.row).toEqual({ name: '王五', idNumber: GOOD, householdSize: null, monthlyFen: null, region: null });
    expect(r.errors.map((e) => e.column)).toEqual(['家庭人口', '月保障金额']);
  });
});

describe('correctionMissing', () => {
  it('accepts "corrected" only once the file agrees with the list', () => {
    expect(correctionMissing('declaredNotListed', { receivesDibao: true, belowLine: true })).toContain('仍为“是”');
    expect(correctionMissing('declaredNotListed', { receivesDibao: false, belowLine: true })).toBeNull();
    expect(correctionMissing('listedNotDeclared', { receivesDibao: false, belowLine: true })).toContain('仍为“否”');
    expect(correctionMissing('listedNotDeclared', { receivesDibao: true, belowLine: false })).toBeNull();
    // income: the stored identification must now say below the line (a review or a transfer alone changes nothing)
    expect(correctionMissing('listedAboveLine', { receivesDibao: true, belowLine: false })).toContain('仍不低于');
    expect(correctionMissing('listedAboveLine', { receivesDibao: true, belowLine: true })).toBeNull();
  });
});

describe('checkListMonth', () => {
  it('takes YYYY-MM up to this month', () => {
    expect(checkListMonth('2026-11', '2026-12-08')).toBeNull();
    expect(checkListMonth('2026-12', '2026-12-08')).toBeNull();
    expect(checkListMonth('2027-01', '2026-12-08')).toContain('晚于本月');
    expect(checkListMonth('2026-13', '2026-12-08')).toContain('YYYY-MM');
    expect(checkListMonth('2026-1', '2026-12-08')).toContain('YYYY-MM');
    expect(checkListMonth('1999-12', '2026-12-08')).toContain('2000-01');
  });
});
