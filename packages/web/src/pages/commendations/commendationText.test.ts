import { describe, expect, it } from 'vitest';
import { countByStatus, isStatusFilter, nominableOrgs, recordText, rowsOf, subjectText } from './commendationText';

describe('commendation text', () => {
  it('names a unit, and a person with their organization', () => {
    expect(subjectText({ kind: 'org', orgName: '东宝区总工会', displayName: null, username: null })).toBe('东宝区总工会');
    expect(subjectText({ kind: 'person', orgName: '东宝区总工会', displayName: '李四', username: 'lisi' })).toBe('李四（东宝区总工会）');
  });

  it('states a person\'s assistance and a unit\'s assessment', () => {
    const record = { households: 12, records: 30, visits: 20, solved: 25, money: 100000 };
    expect(recordText({ kind: 'person', record, assessment: null })).toBe('帮扶 12 户 · 帮扶记录 30 次 · 解决问题 25 个 · 帮扶金额 1,000.00 元');
    expect(recordText({ kind: 'org', record: null, assessment: { rank: 1, total: 92.5 } })).toBe('考核第 1 名 · 总分 92.5');
    expect(recordText({ kind: 'org', record: null, assessment: { rank: null, total: null } })).toBe('未参加考核');
    expect(recordText({ kind: 'person', record: null, assessment: null })).toBe('—');
  });

  it('counts and filters by status, the waiting ones first and units before people', () => {
    const items = [
      { id: 1, status: 'approved' as const, kind: 'person' as const },
      { id: 2, status: 'proposed' as const, kind: 'person' as const },
      { id: 3, status: 'approved' as const, kind: 'org' as const },
      { id: 4, status: 'declined' as const, kind: 'org' as const },
      { id: 5, status: 'proposed' as const, kind: 'org' as const },
    ];
    expect(countByStatus(items)).toEqual({ all: 5, proposed: 2, approved: 2, declined: 1 });
    expect(rowsOf(items, 'all').map((c) => c.id)).toEqual([5, 2, 3, 4, 1]);
    expect(rowsOf(items, 'approved').map((c) => c.id)).toEqual([3, 1]);
    expect(isStatusFilter('approved')).toBe(true);
    expect(isStatusFilter('all')).toBe(true);
    expect(isStatusFilter('x')).toBe(false);
    expect(isStatusFilter(null)).toBe(false);
  });
});

describe('the units a user may nominate', () => {
  const orgs = [
    { code: 'H', name: '市总工会', kind: 'city' as const, parentCode: null, active: true },
    { code: 'H01', name: '东宝区', kind: 'region' as const, parentCode: 'H', active: true },
    { code: 'H02', name: '掇刀区', kind: 'region' as const, parentCode: 'H', active: true },
    { code: 'H09', name: '旧区', kind: 'region' as const, parentCode: 'H', active: false },
    { code: 'H01-0001', name: '某厂工会', kind: 'unit' as const, parentCode: 'H01', active: true },
    { code: 'H02-0001', name: '某公司工会', kind: 'unit' as const, parentCode: 'H02', active: true },
  ];

  it('the city union: every active county union and 基层工会, not itself', () => {
    expect(nominableOrgs(orgs, null)).toEqual([
      { label: '县（市、区）工会', options: [{ value: 'H01', label: '东宝区' }, { value: 'H02', label: '掇刀区' }] },
      { label: '基层工会', options: [{ value: 'H01-0001', label: '某厂工会' }, { value: 'H02-0001', label: '某公司工会' }] },
    ]);
  });

  it('a county union: itself and its own 基层工会', () => {
    expect(nominableOrgs(orgs, 'H02')).toEqual([
      { label: '县（市、区）工会', options: [{ value: 'H02', label: '掇刀区' }] },
      { label: '基层工会', options: [{ value: 'H02-0001', label: '某公司工会' }] },
    ]);
  });
});
