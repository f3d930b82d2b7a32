import { describe, expect, it } from 'vitest';
import type { Org } from '../api/orgs';
import { branchCodes, buildOrgTree, orgOptionsForKind } from './orgTree';

const ORGS: Org[] = [
  { code: 'H02', name: '沙洋', parentCode: 'H', kind: 'region', active: true, largeEnterprise: false },
  { code: 'H01-0002', name: '京山某厂工会', parentCode: 'H01', kind: 'unit', active: false, largeEnterprise: false },
  { code: 'H', name: '荆门市总工会', parentCode: null, kind: 'city', active: true, largeEnterprise: false },
  { code: 'H01', name: '京山', parentCode: 'H', kind: 'region', active: true, largeEnterprise: false },
  { code: 'H01-0001', name: '京山某公司工会', parentCode: 'H01', kind: 'unit', active: true, largeEnterprise: false },
];

describe('organization tree', () => {
  it('nests the flat list city → regions → units, sorted by code, with unit counts', () => {
    const [city, ...rest] = buildOrgTree(ORGS);
    expect(rest).toEqual([]);
    expect(city.org.code).toBe('H');
    expect(city.unitCount).toBe(2);
    expect(city.children.map((n) => n.org.code)).toEqual(['H01', 'H02']);
    expect(city.children[0].children.map((n) => n.org.code)).toEqual(['H01-0001', 'H01-0002']);
    expect(city.children[0].unitCount).toBe(2);
    expect(city.children[1].unitCount).toBe(0);
    expect(branchCodes([city])).toEqual(['H', 'H01']);
  });

  it('keeps matches and their ancestors when searching', () => {
    const [city] = buildOrgTree(ORGS, '某公司');
    expect(city.children.map((n) => n.org.code)).toEqual(['H01']);
    expect(city.children[0].children.map((n) => n.org.code)).toEqual(['H01-0001']);
    expect(buildOrgTree(ORGS, 'h02')[0].children.map((n) => n.org.code)).toEqual(['H02']);
    expect(buildOrgTree(ORGS, '不存在')).toEqual([]);
  });

  it('offers a new user the active organizations of the kind of its role', () => {
    expect(orgOptionsForKind(ORGS, 'city')).toEqual([{ value: 'H', label: '荆门市总工会（H）' }]);
    expect(orgOptionsForKind(ORGS, 'region').map((o) => o.value)).toEqual(['H01', 'H02']);
    expect(orgOptionsForKind(ORGS, 'unit')).toEqual([{ value: 'H01-0001', label: '京山某公司工会（H01-0001，京山）' }]);
  });
});
