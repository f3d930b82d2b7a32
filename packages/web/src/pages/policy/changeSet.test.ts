import { describe, expect, it } from 'vitest';
import type { Policy } from '../../api/policy';
import {
  EMPTY_CHANGES,
  addLine,
  changeText,
  lineAmountError,
  lineInputId,
  mergedRows,
  pendingChangeItems,
  pendingCount,
  plainYuan,
  pruneChangeSet,
  ratioError,
  removeLine,
  serverErrorsToKeys,
  setLineAmount,
  setRatio,
  toRequestBody,
  undoLine,
} from './changeSet';

const NAMES: Record<string, string> = { H01: '京山', H02: '沙洋', H04: '东宝' };
const regionName = (c: string) => NAMES[c] ?? c;

const line = (regionCode: string, year: number, monthlyLine: number) => ({
  regionCode,
  regionName: NAMES[regionCode] ?? regionCode,
  year,
  monthlyLine,
  isExample: true,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: '系统管理员',
});

const policy: Policy = { version: 3, marginalRatio: '1.3', expenseRatio: '0.5', lines: [line('H01', 2016, 500), line('H02', 2016, 480), line('H01', 2015, 450)] };

describe('editing the change set', () => {
  it('records a changed amount and forgets it when the stored amount is typed back', () => {
    let cs = setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, '520');
    expect(cs.lines).toEqual({ H01_2016: { regionCode: 'H01', year: 2016, monthlyLine: '520' } });
    expect(pendingCount(cs)).toBe(1);
    cs = setLineAmount(cs, policy, 'H01', 2016, '500.00');
    expect(cs.lines).toEqual({});
    expect(pendingCount(cs)).toBe(0);
  });

  it('keeps what is typed, even invalid, so the input shows it', () => {
    const cs = setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, '5a');
    expect(cs.lines.H01_2016.monthlyLine).toBe('5a');
    expect(toRequestBody(cs)).toEqual({ ok: false, errors: { H01_2016: '金额格式不正确，应为数字，例如 1234.50' } });
  });

  it('adds, removes and undoes lines', () => {
    let cs = addLine(EMPTY_CHANGES, policy, 'H04', 2017, '560');
    cs = removeLine(cs, policy, 'H02', 2016);
    expect(cs.lines.H02_2016.monthlyLine).toBeNull();
    expect(pendingCount(cs)).toBe(2);
    // removing a line only added here just drops it
    cs = removeLine(cs, policy, 'H04', 2017);
    expect(cs.lines.H04_2017).toBeUndefined();
    cs = undoLine(cs, 'H02', 2016);
    expect(cs).toEqual({ lines: {} });
  });

  it('sets ratios, treating 1.30 as 1.3', () => {
    let cs = setRatio(EMPTY_CHANGES, policy, 'marginalRatio', '1.2');
    expect(cs.marginalRatio).toBe('1.2');
    cs = setRatio(cs, policy, 'marginalRatio', '1.30');
    expect(cs.marginalRatio).toBeUndefined();
    expect(pendingCount(setRatio(EMPTY_CHANGES, policy, 'expenseRatio', '0.6'))).toBe(1);
  });

  it('prunes edits a reloaded policy already has', () => {
    let cs = setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, '520');
    cs = setLineAmount(cs, policy, 'H02', 2016, '490');
    cs = removeLine(cs, policy, 'H01', 2015);
    cs = setRatio(cs, policy, 'marginalRatio', '1.2');
    const reloaded: Policy = { ...policy, version: 4, marginalRatio: '1.2', lines: [line('H01', 2016, 520), line('H02', 2016, 480)] };
    const pruned = pruneChangeSet(cs, reloaded);
    expect(Object.keys(pruned.lines)).toEqual(['H02_2016']);
    expect(pruned.marginalRatio).toBeUndefined();
  });
});

describe('validation', () => {
  it('checks line amounts like the server', () => {
    expect(lineAmountError('520')).toBeNull();
    expect(lineAmountError('537.5')).toBeNull();
    expect(lineAmountError('')).toBe('请填写每月低保标准');
    expect(lineAmountError('0')).toBe('低保标准必须大于 0');
    expect(lineAmountError('1.234')).toBe('金额最多保留两位小数（精确到分）');
    expect(lineAmountError('-5')).toBe('金额不能为负数');
  });

  it('checks ratios like the server', () => {
    expect(ratioError('marginalRatio', '1.2')).toBeNull();
    expect(ratioError('expenseRatio', '0.5')).toBeNull();
    expect(ratioError('marginalRatio', '')).toBe('请填写边缘户比例');
    expect(ratioError('marginalRatio', '0')).toMatch(/^边缘户比例应为大于 0、不超过 10 的小数/);
    expect(ratioError('expenseRatio', '11')).toMatch(/^支出比例应为大于 0/);
    expect(ratioError('expenseRatio', '0.1234567')).toMatch(/最多6位小数/);
    expect(ratioError('expenseRatio', '50%')).toMatch(/例如 0.5/);
  });
});

describe('toRequestBody', () => {
  it('sends yuan numbers exact to the fen, null to remove, ratios as text, newest year first', () => {
    let cs = setLineAmount(EMPTY_CHANGES, policy, 'H02', 2016, ' 1,200.5 ');
    cs = addLine(cs, policy, 'H04', 2017, '560');
    cs = removeLine(cs, policy, 'H01', 2015);
    cs = setRatio(cs, policy, 'marginalRatio', ' 1.2 ');
    const r = toRequestBody(cs);
    expect(r).toEqual({
      ok: true,
      request: {
        body: {
          lines: [
            { regionCode: 'H04', year: 2017, monthlyLine: 560 },
            { regionCode: 'H02', year: 2016, monthlyLine: 1200.5 },
            { regionCode: 'H01', year: 2015, monthlyLine: null },
          ],
          marginalRatio: '1.2',
        },
        lineKeys: ['H04_2017', 'H02_2016', 'H01_2015'],
      },
    });
  });

  it('sends no lines when only a ratio changes', () => {
    const r = toRequestBody(setRatio(EMPTY_CHANGES, policy, 'expenseRatio', '0.6'));
    expect(r.ok && r.request.body).toEqual({ lines: [], expenseRatio: '0.6' });
  });

  it('puts the server errors back on their inputs', () => {
    const r = serverErrorsToKeys(
      [
        { path: 'lines[1].monthlyLine', message: '低保标准必须大于 0' },
        { path: 'lines[0].regionCode', message: '地区代码 H99 不是已配置的地区' },
        { path: 'marginalRatio', message: '边缘户比例应为…' },
        { path: '', message: '请求格式不正确' },
      ],
      ['H04_2017', 'H02_2016'],
    );
    expect(r.byKey).toEqual({ H02_2016: '低保标准必须大于 0', H04_2017: '地区代码 H99 不是已配置的地区', marginalRatio: '边缘户比例应为…' });
    expect(r.other).toEqual(['请求格式不正确']);
  });
});

describe('rows and words', () => {
  it('merges stored lines with pending edits for the table', () => {
    let cs = setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, '520');
    cs = addLine(cs, policy, 'H04', 2017, '560');
    cs = removeLine(cs, policy, 'H02', 2016);
    const rows = mergedRows(policy, cs, regionName);
    expect(rows.map((r) => [r.key, r.state, r.amountText])).toEqual([
      ['H04_2017', 'added', '560'],
      ['H01_2016', 'changed', '520'],
      ['H02_2016', 'removed', '480'],
      ['H01_2015', 'unchanged', '450'],
    ]);
    expect(rows[0].regionName).toBe('东宝');
    expect(rows[0].current).toBeNull();
  });

  it('names the amount inputs #policy_line_<region>_<year>', () => {
    expect(lineInputId('H01', 2016)).toBe('policy_line_H01_2016');
  });

  it('writes amounts as people do', () => {
    expect(plainYuan(500)).toBe('500');
    expect(plainYuan(537.5)).toBe('537.50');
    expect(plainYuan(1200)).toBe('1,200');
    expect(plainYuan(null)).toBe('');
  });

  it('describes each change in Chinese', () => {
    expect(changeText({ item: 'monthlyLine', regionCode: 'H01', year: 2016, old: 500, new: 520 }, regionName)).toBe('京山 2016年 低保标准 500 → 520 元');
    expect(changeText({ item: 'monthlyLine', regionCode: 'H04', year: 2017, old: null, new: 560 }, regionName)).toBe('新增 东宝 2017年 低保标准 560 元');
    expect(changeText({ item: 'monthlyLine', regionCode: 'H02', year: 2016, old: 480, new: null }, regionName)).toBe('删除 沙洋 2016年 低保标准（原 480 元）');
    expect(changeText({ item: 'marginalRatio', old: '1.3', new: '1.2' }, regionName)).toBe('边缘户比例 1.3 → 1.2');
    expect(changeText({ item: 'expenseRatio', old: '0.5', new: '0.6' }, regionName)).toBe('支出比例 0.5 → 0.6');
  });

  it('lists the pending changes as the server will describe them', () => {
    let cs = setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, '520');
    cs = setRatio(cs, policy, 'marginalRatio', '1.2');
    expect(pendingChangeItems(cs, policy).map((c) => changeText(c, regionName))).toEqual(['京山 2016年 低保标准 500 → 520 元', '边缘户比例 1.3 → 1.2']);
  });

  it('names an amount that is not valid yet as such, never as a removal (-100, abc, 500.555)', () => {
    for (const typed of ['-100', 'abc', '500.555']) {
      const cs = setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, typed);
      const [item] = pendingChangeItems(cs, policy);
      const text = changeText(item, regionName);
      expect(text).not.toContain('删除');
      expect(text).toBe(`京山 2016年 低保标准：${lineAmountError(typed)}`);
    }
  });

  it('refuses an amount above the hard limit and asks about an unusual one', () => {
    expect(lineAmountError('99999')).toMatch(/不能超过 10,000 元/);
    const cs = setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, '5000');
    const [item] = pendingChangeItems(cs, policy);
    expect(item.problem).toBeUndefined();
    expect(item.unusual).toMatch(/高于常见标准/);
    expect(pendingChangeItems(setLineAmount(EMPTY_CHANGES, policy, 'H01', 2016, '520'), policy)[0].unusual).toBeUndefined();
  });
});
