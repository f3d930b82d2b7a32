import { describe, expect, it } from 'vitest';
import { householdsHref, progressHref } from './householdLinks';
import { readListState, toApiQuery } from '../pages/households/listQuery';

const progress = { year: 2026, level: 'region' as const, parentCode: null, weekStart: '2026-11-30' };

describe('householdsHref', () => {
  it('writes the filters as the list reads them, leaving out the empty ones', () => {
    expect(householdsHref({ fillYear: 2026, regionCode: 'H01', status: 'filed', category: undefined, q: '' })).toBe('/households?fillYear=2026&regionCode=H01&status=filed');
    expect(householdsHref({})).toBe('/households');
  });

  it('says 已退回 as status=returned, the list\'s own word for it', () => {
    expect(householdsHref({ fillYear: '2026', returned: 'true' })).toBe('/households?fillYear=2026&status=returned');
  });
});

describe('progressHref: the progress table\'s numbers', () => {
  it('a region\'s number: its region, the campaign year, the measure', () => {
    expect(progressHref(progress, { kind: 'region', orgCode: 'H01' }, 'total')).toBe('/households?fillYear=2026&regionCode=H01');
    expect(progressHref(progress, { kind: 'region', orgCode: 'H01' }, 'submitted')).toBe('/households?fillYear=2026&regionCode=H01&status=submitted');
    expect(progressHref(progress, { kind: 'region', orgCode: 'H01' }, 'waiting')).toBe('/households?fillYear=2026&regionCode=H01&waitingDays=0');
    // 本周新增 counts the campaign year's files entered in the last seven days (core's progressFilter)
    expect(progressHref(progress, { kind: 'region', orgCode: 'H01' }, 'newThisWeek')).toBe('/households?fillYear=2026&regionCode=H01&createdSince=2026-11-30');
  });

  it('a unit\'s number names the unit, the county\'s own files unitId=none', () => {
    const units = { ...progress, level: 'unit' as const, parentCode: 'H01' };
    expect(progressHref(units, { kind: 'unit', orgCode: 'H01-0003' }, 'filed')).toBe('/households?fillYear=2026&regionCode=H01&unitId=H01-0003&status=filed');
    expect(progressHref(units, { kind: 'direct', orgCode: 'H01' }, 'returned')).toBe('/households?fillYear=2026&regionCode=H01&unitId=none&status=returned');
  });

  it('as of a past day: every number carries the day', () => {
    const past = { ...progress, weekStart: '2026-06-14', asOf: '2026-06-20' };
    expect(progressHref(past, { kind: 'region', orgCode: 'H01' }, 'filed')).toBe('/households?fillYear=2026&asOf=2026-06-20&regionCode=H01&status=filed');
    expect(progressHref(past, null, 'newThisWeek')).toBe('/households?fillYear=2026&asOf=2026-06-20&createdSince=2026-06-14');
  });

  it('the 合计 row: all regions, or the region whose units are shown', () => {
    expect(progressHref(progress, null, 'removed')).toBe('/households?fillYear=2026&status=removed');
    expect(progressHref({ ...progress, level: 'unit', parentCode: 'H02' }, null, 'total')).toBe('/households?fillYear=2026&regionCode=H02');
  });

  it('lands on a list that sends the server the same filters', () => {
    const href = progressHref({ ...progress, level: 'unit', parentCode: 'H01' }, { kind: 'unit', orgCode: 'H01-0003' }, 'returned');
    const q = toApiQuery(readListState(new URLSearchParams(href.split('?')[1])), null);
    expect(q).toMatchObject({ fillYear: 2026, regionCode: 'H01', unitId: 'H01-0003', status: 'draft', returned: 'true' });
    const waiting = toApiQuery(readListState(new URLSearchParams(progressHref(progress, null, 'waiting').split('?')[1])), null);
    expect(waiting).toMatchObject({ fillYear: 2026, waitingDays: 0, status: undefined });
  });
});
