import { describe, expect, it } from 'vitest';
import { hasIdentificationFilter, readListState, toApiQuery, toExportQuery, writeListState } from './listQuery';

describe('list URL: identification filters', () => {
  it('reads, writes and sends eligible, condition, suggestedCategory and flag', () => {
    const s = readListState(new URLSearchParams('eligible=false&condition=C2&suggestedCategory=none&flag=dibaoNotReceived'));
    expect(s).toMatchObject({ eligible: 'false', condition: 'C2', suggestedCategory: 'none', flag: 'dibaoNotReceived' });
    expect(hasIdentificationFilter(s)).toBe(true);
    expect(writeListState(s).toString()).toBe('eligible=false&condition=C2&suggestedCategory=none&flag=dibaoNotReceived');
    expect(toApiQuery(s, null)).toMatchObject({ eligible: 'false', condition: 'C2', suggestedCategory: 'none', flag: 'dibaoNotReceived', status: undefined });
  });

  it('accepts the categories as suggested category and ignores unknown values', () => {
    expect(readListState(new URLSearchParams('suggestedCategory=低保边缘户')).suggestedCategory).toBe('低保边缘户');
    const s = readListState(new URLSearchParams('eligible=yes&condition=C4&suggestedCategory=x&flag=bogus'));
    expect([s.eligible, s.condition, s.suggestedCategory, s.flag]).toEqual([undefined, undefined, undefined, undefined]);
    expect(hasIdentificationFilter(s)).toBe(false);
    expect(writeListState(s).toString()).toBe('');
  });

  it('keeps the existing filters as they were', () => {
    const s = readListState(new URLSearchParams('regionCode=H01&category=低保户&status=all&q=张&page=2&eligible=unknown'));
    expect(writeListState(s).get('regionCode')).toBe('H01');
    expect(toApiQuery(s, 'H02')).toMatchObject({ regionCode: 'H02', category: '低保户', status: undefined, q: '张', page: 2, eligible: 'unknown' });
  });
});

describe('list URL: 已退回', () => {
  it('reads status=returned and sends the drafts sent back (status draft, returned true), also to the export', () => {
    const s = readListState(new URLSearchParams('status=returned'));
    expect(s.status).toBe('returned');
    expect(writeListState(s).get('status')).toBe('returned');
    expect(toApiQuery(s, null)).toMatchObject({ status: 'draft', returned: 'true' });
    expect(toExportQuery(s, null)).toMatchObject({ status: 'draft', returned: 'true' });
    expect(toApiQuery(readListState(new URLSearchParams('status=draft')), null).returned).toBeUndefined();
  });
});

describe('list URL: status', () => {
  it('is 全部 by default and sends no status', () => {
    const s = readListState(new URLSearchParams(''));
    expect(s.status).toBe('all');
    expect(toApiQuery(s, null).status).toBeUndefined();
    expect(writeListState(s).has('status')).toBe(false);
  });

  it('reads and sends each of the six statuses', () => {
    for (const status of ['draft', 'submitted', 'unitApproved', 'filed', 'removed', 'exited'] as const) {
      const s = readListState(new URLSearchParams(`status=${status}`));
      expect(s.status).toBe(status);
      expect(toApiQuery(s, null).status).toBe(status);
      expect(writeListState(s).get('status')).toBe(status);
    }
  });

  it('treats the old and unknown values as 全部', () => {
    for (const v of ['active', 'all', 'bogus']) expect(readListState(new URLSearchParams(`status=${v}`)).status).toBe('all');
  });
});

describe('list URL: export', () => {
  it('sends every filter of the list but no page or sort, the own region forced', () => {
    const s = readListState(new URLSearchParams('regionCode=H01&category=低保户&status=filed&q=张&page=3&pageSize=50&sort=fillDate:asc&eligible=false&flag=noLine'));
    expect(toExportQuery(s, null)).toEqual({ regionCode: 'H01', category: '低保户', status: 'filed', q: '张', eligible: 'false', condition: undefined, suggestedCategory: undefined, flag: 'noLine' });
    expect(toExportQuery(s, 'H02').regionCode).toBe('H02');
    expect(Object.values(toExportQuery(readListState(new URLSearchParams('')), null)).filter((v) => v !== undefined)).toEqual([]);
  });
});

describe('list URL: the campaign filters a link brings', () => {
  it('reads, writes, sends and exports unitId, fillYear, createdSince and waitingDays', () => {
    const s = readListState(new URLSearchParams('fillYear=2026&regionCode=H01&unitId=H01-0003&createdSince=2026-11-30&waitingDays=7'));
    expect(s).toMatchObject({ fillYear: 2026, regionCode: 'H01', unitId: 'H01-0003', createdSince: '2026-11-30', waitingDays: 7 });
    expect(writeListState(s).toString()).toBe('regionCode=H01&unitId=H01-0003&fillYear=2026&createdSince=2026-11-30&waitingDays=7');
    expect(toApiQuery(s, null)).toMatchObject({ unitId: 'H01-0003', fillYear: 2026, createdSince: '2026-11-30', waitingDays: 7 });
    expect(toExportQuery(s, null)).toMatchObject({ unitId: 'H01-0003', fillYear: 2026, createdSince: '2026-11-30', waitingDays: 7 });
  });

  it('reads, writes, sends and exports asOf (a progress number as of a past day)', () => {
    const s = readListState(new URLSearchParams('fillYear=2026&regionCode=H01&status=filed&asOf=2026-06-20'));
    expect(s).toMatchObject({ fillYear: 2026, status: 'filed', asOf: '2026-06-20' });
    expect(writeListState(s).toString()).toBe('regionCode=H01&status=filed&fillYear=2026&asOf=2026-06-20');
    expect(toApiQuery(s, null)).toMatchObject({ status: 'filed', asOf: '2026-06-20' });
    expect(toExportQuery(s, null)).toMatchObject({ asOf: '2026-06-20' });
    expect(readListState(new URLSearchParams('asOf=2026-06-31')).asOf).toBeUndefined();
  });

  it('keeps 0 days (all under review) and the county\'s own files (none)', () => {
    const s = readListState(new URLSearchParams('waitingDays=0&unitId=none'));
    expect([s.waitingDays, s.unitId]).toEqual([0, 'none']);
    expect(writeListState(s).toString()).toBe('unitId=none&waitingDays=0');
  });

  it('ignores values the server would refuse', () => {
    const s = readListState(new URLSearchParams('unitId=H01&fillYear=1999&createdSince=2026-02-30&waitingDays=-1'));
    expect([s.unitId, s.fillYear, s.createdSince, s.waitingDays]).toEqual([undefined, undefined, undefined, undefined]);
    expect(readListState(new URLSearchParams('fillYear=20x6&waitingDays=3651')).fillYear).toBeUndefined();
  });

  it('reads returned=true (core\'s filter) as 已退回', () => {
    const s = readListState(new URLSearchParams('fillYear=2026&returned=true'));
    expect(s.status).toBe('returned');
    expect(writeListState(s).toString()).toBe('status=returned&fillYear=2026');
  });
});
