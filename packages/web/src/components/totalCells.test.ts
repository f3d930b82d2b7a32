import { describe, expect, it } from 'vitest';
import { totalCells } from './TableCard';
import { regionColumns } from '../pages/assistance/summaryColumns';

describe('totalCells', () => {
  it('puts each total under its own column, by key or dataIndex, after the label column', () => {
    const columns = [{ title: '地区', dataIndex: 'region' }, { title: 'a', dataIndex: 'a' }, { title: 'r', key: 'rate' }, { title: 'b', dataIndex: 'b' }];
    expect(totalCells(columns, { a: 1, b: 2, rate: '50%' })).toEqual([1, '50%', 2]);
  });

  it('leaves a column without a total empty instead of shifting the ones after it', () => {
    const columns = [{ title: '地区', dataIndex: 'region' }, { title: 'a', dataIndex: 'a' }, { title: 'v', dataIndex: 'visits' }, { title: 'b', dataIndex: 'b' }];
    expect(totalCells(columns, { a: 1, b: 2 })).toEqual([1, '', 2]);
  });

  it('gives 帮扶统计 one cell per column after 地区, 其中走访 included', () => {
    const byKey = { households: 10, assisted: 8, records: 20, visits: 12, money: '1,000.00', solved: 3, metTarget: 5, rate: '50%', overdue: 1 };
    expect(totalCells(regionColumns, byKey)).toEqual([10, 8, 20, 12, '1,000.00', 3, 5, '50%', 1]);
  });
});
