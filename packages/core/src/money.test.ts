import { describe, it, expect } from 'vitest';
import { MAX_YUAN, divRoundHalfUp, fenToYuan, fenToYuanText, formatYuan, parseYuan } from './money.js';

describe('parseYuan: accepted amounts → integer fen', () => {
  it.each([
    [0, 0],
    ['0', 0],
    [0.29, 29], // not 28 (0.29 * 100 = 28.999999999999996 in floating point)
    ['0.29', 29],
    [0.57, 57], // 0.57 * 100 = 56.99999999999999
    [1.01, 101],
    [1234.5, 123450],
    ['1234.5', 123450],
    ['1234.50', 123450],
    [1234.56, 123456],
    ['1,234.56', 123456],
    ['1,234,567', 123456700],
    [' 15000 ', 1500000],
    ['15000.', 1500000],
    [6000, 600000],
    [0.01, 1],
    [0.1, 10],
    ['007.5', 750],
    [-0, 0],
    [MAX_YUAN, 1_000_000_000],
    ['10000000.00', 1_000_000_000],
    [9_999_999.99, 999_999_999],
  ] as const)('%j → %d fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });

  it('the result is always an integer', () => {
    for (const v of [0.07, 0.14, 0.28, 0.29, 0.57, 1.15, 4.35, 19.99, 1234.99]) {
      const r = parseYuan(v);
      expect(r.ok).toBe(true);
      if (r.ok) expect(Number.isInteger(r.fen)).toBe(true);
    }
  });

  it('MAX_YUAN is ten million yuan', () => {
    expect(MAX_YUAN).toBe(10_000_000);
  });
});

describe('parseYuan: more than 2 decimals rejected', () => {
  it.each([1.234, '1.234', '0.001', '6000.123', 0.1 + 0.2, 1e-7, '0.0000001', 1.5e-7, 1e-21, 5e-324])('%j', (input) => {
    const r = parseYuan(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('两位小数');
  });
  it("a string's written decimals count, even trailing zeros: '1.230' has 3", () => {
    expect(parseYuan('1.230').ok).toBe(false);
  });
});

describe('parseYuan: negatives rejected with a message', () => {
  it.each([-1, -0.01, '-5', ' -5 ', '-0.5', -1e-7, '-1,000'])('%j', (input) => {
    expect(parseYuan(input)).toEqual({ ok: false, message: '金额不能为负数' });
  });
});

describe('parseYuan: not numbers', () => {
  it.each([null, undefined, true, false, {}, [], [5], NaN, Infinity, -Infinity])('%j → 金额必须是数字', (input) => {
    expect(parseYuan(input)).toEqual({ ok: false, message: '金额必须是数字' });
  });
  it.each(['', '   '])('%j → empty', (input) => {
    expect(parseYuan(input)).toEqual({ ok: false, message: '金额不能为空' });
  });
  it.each(['abc', '12元', '¥12', '1 234', '+5', '.5', '1.2.3', '1e3', '0x10', '五百', '12,34a'])('%j → format error', (input) => {
    const r = parseYuan(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/金额/);
  });
});

describe('parseYuan: the MAX_YUAN cap', () => {
  it.each([MAX_YUAN + 0.01, '10000000.01', MAX_YUAN + 1, '10,000,001', 1e10, '99999999999999999999', 1e21, 1e300])('%j rejected', (input) => {
    const r = parseYuan(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('10,000,000');
  });
});

describe('fenToYuan / fenToYuanText', () => {
  it.each([
    [0, 0, '0.00'],
    [1, 0.01, '0.01'],
    [5, 0.05, '0.05'],
    [29, 0.29, '0.29'],
    [100, 1, '1.00'],
    [123450, 1234.5, '1234.50'],
    [123456, 1234.56, '1234.56'],
    [540000, 5400, '5400.00'],
    [666667, 6666.67, '6666.67'],
    [1_000_000_000, 10_000_000, '10000000.00'],
    [-5, -0.05, '-0.05'],
    [-123456, -1234.56, '-1234.56'],
  ])('%d fen → %d yuan, %j', (fen, yuan, text) => {
    expect(fenToYuan(fen)).toBe(yuan);
    expect(fenToYuanText(fen)).toBe(text);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99999, '999.99'],
    [100000, '1,000.00'],
    [540000, '5,400.00'],
    [123456, '1,234.56'],
    [123456789, '1,234,567.89'],
    [1_000_000_000, '10,000,000.00'],
    [-123456, '-1,234.56'],
  ])('%d fen → %j', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe('divRoundHalfUp', () => {
  it.each([
    [0, 3, 0],
    [6, 3, 2],
    [7, 2, 4], // 3.5 → 4 (half up, exactly .5)
    [5, 2, 3], // 2.5 → 3 (not banker's 2)
    [1, 2, 1], // 0.5 → 1
    [9, 2, 5], // 4.5 → 5
    [10, 4, 3], // 2.5 → 3
    [1, 3, 0], // 0.33 → 0
    [2, 3, 1], // 0.67 → 1
    [7, 4, 2], // 1.75 → 2
    [5, 4, 1], // 1.25 → 1
    [2_000_000, 3, 666_667], // 20000 yuan / 3 = 6666.666… → 6666.67
    [1_000_001, 2, 500_001], // 10000.01 yuan / 2 = 5000.005 → 5000.01
    [1_000_000, 3, 333_333], // 3333.333… → 3333.33
    [1_999_999, 20, 100_000], // 99999.95 → 100000
    [1_999_989, 20, 99_999], // 99999.45 → 99999
  ])('%d / %d → %d', (a, b, q) => {
    expect(divRoundHalfUp(a, b)).toBe(q);
  });
  it.each([0, -1])('divisor %d throws', (b) => {
    expect(() => divRoundHalfUp(10, b)).toThrow(RangeError);
  });
});
