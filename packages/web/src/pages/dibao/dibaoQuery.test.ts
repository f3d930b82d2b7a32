import { describe, expect, it } from 'vitest';
import { DIBAO_FINDINGS_CODEC, dibaoFindingsHref, dibaoFindingsQuery, readDibaoState, writeDibaoState, type DibaoPageState } from './dibaoQuery';

const read = (qs: string) => readDibaoState(new URLSearchParams(qs));
const base = { tab: 'findings' as const, status: 'open' as const, kind: undefined, regionCode: undefined, listId: undefined, page: 1, pageSize: 10 };

describe('dibao page state', () => {
  it('reads the tab, filters and page from the URL, 核对结果 and 待核实 by default, nonsense dropped', () => {
    expect(read('')).toEqual(base);
    expect(read('status=explained&kind=listedAboveLine&regionCode=H05&listId=12&page=3&pageSize=50')).toEqual({
      ...base, status: 'explained', kind: 'listedAboveLine', regionCode: 'H05', listId: 12, page: 3, pageSize: 50,
    });
    expect(read('tab=lists').tab).toBe('lists');
    expect(read('tab=gone&status=closed&kind=email&regionCode=H&listId=-4&page=x&pageSize=7')).toEqual(base);
    expect(read('listId=0').listId).toBeUndefined();
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    expect(writeDibaoState(base).toString()).toBe('');
    const s: DibaoPageState = { tab: 'findings', status: 'corrected', kind: 'declaredNotListed', regionCode: 'H01', listId: 4, page: 2, pageSize: 20 };
    expect(writeDibaoState(s).toString()).toBe('status=corrected&kind=declaredNotListed&regionCode=H01&listId=4&page=2&pageSize=20');
    expect(readDibaoState(writeDibaoState(s))).toEqual(s);
  });

  it('leaves the filters behind on the other tabs', () => {
    expect(writeDibaoState({ ...base, tab: 'import', kind: 'listedNotDeclared', page: 4 }).toString()).toBe('tab=import');
    expect(writeDibaoState({ ...base, tab: 'lists' }).toString()).toBe('tab=lists');
  });

  it('keeps the findings list on its tab when the URL asked for one the user lacks', () => {
    const s = DIBAO_FINDINGS_CODEC.read(new URLSearchParams('tab=import&kind=listedAboveLine'));
    expect(s.tab).toBe('findings');
    expect(DIBAO_FINDINGS_CODEC.write({ ...s, page: 2 }).toString()).toBe('kind=listedAboveLine&page=2');
  });

  it('links to the findings of a kind and a list', () => {
    expect(dibaoFindingsHref({})).toBe('/dibao');
    expect(dibaoFindingsHref({ kind: 'listedNotDeclared', listId: 9 })).toBe('/dibao?kind=listedNotDeclared&listId=9');
    expect(dibaoFindingsHref({ status: 'explained', listId: 9 })).toBe('/dibao?status=explained&listId=9');
  });

  it('asks for a region only for the city\'s people', () => {
    const s: DibaoPageState = { ...base, kind: 'listedNotDeclared', regionCode: 'H02', listId: 3 };
    expect(dibaoFindingsQuery(s, true)).toEqual({ status: 'open', kind: 'listedNotDeclared', regionCode: 'H02', listId: 3, page: 1, pageSize: 10 });
    expect(dibaoFindingsQuery(s, false).regionCode).toBeUndefined();
  });
});
