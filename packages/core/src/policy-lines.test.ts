import { describe, expect, it } from 'vitest';
import { MONTHLY_LINE_MAX_YUAN, unusualLineReason } from './policy-lines.js';

describe('unusualLineReason', () => {
  it('accepts the usual range without a question', () => {
    expect(unusualLineReason(52_000, 50_000)).toBeNull();
    expect(unusualLineReason(150_000, null)).toBeNull();
  });

  it('asks about amounts outside the usual range, naming the amount', () => {
    expect(unusualLineReason(350_000, null)).toBe('每月 3,500.00 元高于常见标准（100–3,000 元），请核实单位是否为元/人·月');
    expect(unusualLineReason(5_000, null)).toContain('每月 50.00 元低于常见标准');
  });

  it('asks about a jump of more than half from the stored line, either way', () => {
    expect(unusualLineReason(80_000, 50_000)).toBe('由每月 500.00 元改为 800.00 元，变动超过一半，请核实');
    expect(unusualLineReason(20_000, 50_000)).toContain('变动超过一半');
    expect(unusualLineReason(75_000, 50_000)).toBeNull();
  });

  it('keeps a hard limit above the usual range', () => {
    expect(MONTHLY_LINE_MAX_YUAN).toBeGreaterThan(3_000);
  });
});
