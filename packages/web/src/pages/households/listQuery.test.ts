import { describe, expect, it } from 'vitest';
import { hasIdentificationFilter, readListState, toApiQuery, writeListState } from './listQuery';

describe('list URL: identification filters', () => {
  it('reads, writes and sends eligible, condition, suggestedCategory and flag', () => {
    const s = readListState(new URLSearchParams('eligible=false&condition=C2&suggestedCategory=none&flag=dibaoNotReceived'));
    expect(s).toMatchObject({ eligible: 'false', condition: 'C2', suggestedCategory: 'none', flag: 'dibaoNotReceived' });
    expect(hasIdentificationFilter(s)).toBe(true);
    expect(writeListState(s).toString()).toBe('eligible=false&condition=C2&suggestedCategory=none&flag=dibaoNotReceived');
    expect(toApiQuery(s, null)).toMatchObject({ eligible: 'false', condition: 'C2', suggestedCategory: 'none', flag: 'dibaoNotReceived', status: 'active' });
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
