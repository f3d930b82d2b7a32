import { describe, expect, it } from 'vitest';
import { linkFilterLabels } from './linkFilterLabels';

describe('the link filters in Chinese', () => {
  it('names each filter, the unit by its name when known', () => {
    const names: Record<string, string> = { 'H01-0003': '京山某厂工会' };
    expect(linkFilterLabels({ unitId: 'H01-0003', fillYear: 2026, createdSince: '2026-11-30', waitingDays: 7 }, (c) => names[c] ?? c).map((l) => l.label)).toEqual([
      '基层工会 京山某厂工会（H01-0003）',
      '填表年度 2026',
      '建档于 2026-11-30 之后（含当日）',
      '待审核已满 7 天',
    ]);
  });

  it('an unknown unit by its code; the county\'s own files; 0 days: all under review', () => {
    expect(linkFilterLabels({ unitId: 'H01-0009' }).map((l) => l.label)).toEqual(['基层工会 H01-0009']);
    expect(linkFilterLabels({ asOf: '2026-06-20' }).map((l) => l.label)).toEqual(['截至 2026-06-20 日终（该日已录入的档案，状态按当日回溯）']);
    expect(linkFilterLabels({ unitId: 'none', waitingDays: 0 }).map((l) => [l.key, l.label])).toEqual([
      ['unitId', '县（市、区）工会直接建档'],
      ['waitingDays', '审核中（待单位审核、待市总审核）'],
    ]);
    expect(linkFilterLabels({})).toEqual([]);
  });
});
