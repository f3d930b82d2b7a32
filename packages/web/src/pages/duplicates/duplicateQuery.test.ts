import { describe, expect, it } from 'vitest';
import { duplicateListQuery, readDuplicateState, writeDuplicateState } from './duplicateQuery';

const read = (qs: string) => readDuplicateState(new URLSearchParams(qs));

describe('duplicate page state', () => {
  it('reads the tab, filters and page from the URL, 待处理 by default, nonsense dropped', () => {
    expect(read('')).toEqual({ status: 'open', kind: undefined, regionCode: undefined, page: 1, pageSize: 10 });
    expect(read('status=merged&kind=address&regionCode=H05&page=3&pageSize=50')).toEqual({ status: 'merged', kind: 'address', regionCode: 'H05', page: 3, pageSize: 50 });
    expect(read('status=gone&kind=email&regionCode=东宝&page=-1&pageSize=7')).toEqual({ status: 'open', kind: undefined, regionCode: undefined, page: 1, pageSize: 10 });
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    expect(writeDuplicateState({ status: 'open', page: 1, pageSize: 10 }).toString()).toBe('');
    const s = { status: 'dismissed' as const, kind: 'phone' as const, regionCode: 'H01', page: 2, pageSize: 20 };
    expect(writeDuplicateState(s).toString()).toBe('status=dismissed&kind=phone&regionCode=H01&page=2&pageSize=20');
    expect(readDuplicateState(writeDuplicateState(s))).toEqual(s);
  });

  it('asks for a region only for the city\'s people', () => {
    const s = { status: 'open' as const, kind: 'address' as const, regionCode: 'H02', page: 1, pageSize: 10 };
    expect(duplicateListQuery(s, true)).toEqual({ status: 'open', kind: 'address', regionCode: 'H02', page: 1, pageSize: 10 });
    expect(duplicateListQuery(s, false).regionCode).toBeUndefined();
  });
});
