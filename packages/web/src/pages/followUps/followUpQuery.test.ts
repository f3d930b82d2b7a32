import { describe, expect, it } from 'vitest';
import { followUpListQuery, readFollowUpState, writeFollowUpState } from './followUpQuery';

const read = (q: string) => readFollowUpState(new URLSearchParams(q));

describe('follow-up page URL', () => {
  it('opens every exited household without a filter, page 1, 20 a page', () => {
    expect(read('')).toEqual({ view: 'all', mine: false, regionCode: undefined, year: undefined, summaryYear: undefined, page: 1, pageSize: 20 });
    expect(writeFollowUpState(read('')).toString()).toBe('');
  });

  it('reads the 待办 links as the server names the filters', () => {
    expect(read('mine=true&due=true')).toMatchObject({ view: 'due', mine: true });
    expect(read('fallenBack=true')).toMatchObject({ view: 'fallenBack', mine: false });
    expect(writeFollowUpState(read('due=true&mine=true')).toString()).toBe('mine=true&due=true');
  });

  it('reads and writes region, years and page, ignoring nonsense', () => {
    const s = read('overdue=true&regionCode=H01&year=2026&summaryYear=2025&page=3&pageSize=50');
    expect(s).toEqual({ view: 'overdue', mine: false, regionCode: 'H01', year: 2026, summaryYear: 2025, page: 3, pageSize: 50 });
    expect(writeFollowUpState(s).toString()).toBe('overdue=true&regionCode=H01&year=2026&summaryYear=2025&page=3&pageSize=50');
    expect(read('due=yes&regionCode=x&year=26&page=-1&pageSize=7')).toEqual(read(''));
  });

  it('asks the server with its filter names; a county cadre for their own region', () => {
    expect(followUpListQuery(read('mine=true&due=true&year=2026'), null)).toEqual({ due: 'true', mine: 'true', regionCode: undefined, year: 2026, page: 1, pageSize: 20 });
    expect(followUpListQuery(read('regionCode=H02'), 'H01')).toEqual({ regionCode: 'H01', year: undefined, page: 1, pageSize: 20 });
  });
});
