import { describe, expect, it } from 'vitest';
import { categoryHref, kpiHref, orgFilter } from './dashboardLinks';

const city = { year: 2026, today: '2027-01-05', scope: { kind: 'city' as const, orgCode: 'H', orgName: '荆门市总工会' } };

describe('where the 工作台 numbers lead', () => {
  it('the KPI tiles: the year\'s files, by status, under review; assistance (this calendar year) to 帮扶统计 when allowed', () => {
    expect(kpiHref(city, 'files', true)).toBe('/households?fillYear=2026');
    expect(kpiHref(city, 'filed', true)).toBe('/households?fillYear=2026&status=filed');
    expect(kpiHref(city, 'removed', true)).toBe('/households?fillYear=2026&status=removed');
    expect(kpiHref(city, 'exited', true)).toBe('/households?fillYear=2026&status=exited');
    expect(kpiHref(city, 'waiting', true)).toBe('/households?fillYear=2026&waitingDays=0');
    expect(kpiHref(city, 'records', true)).toBe('/assistance?year=2027');
    expect(kpiHref(city, 'solved', false)).toBeNull();
  });

  it('a category of the list, nothing for other keys', () => {
    expect(categoryHref(city, '低保户')).toBe(`/households?fillYear=2026&category=${encodeURIComponent('低保户')}`);
    expect(categoryHref(city, 'other')).toBeNull();
  });

  it('an organization as the list\'s place filters', () => {
    expect(orgFilter(city.scope, 'H03')).toEqual({ regionCode: 'H03' });
    expect(orgFilter(city.scope, 'H03-0012')).toEqual({ regionCode: 'H03', unitId: 'H03-0012' });
    expect(orgFilter({ kind: 'region', orgCode: 'H03' }, 'H03')).toEqual({ regionCode: 'H03', unitId: 'none' });
    expect(orgFilter(city.scope, 'x')).toEqual({});
  });
});
