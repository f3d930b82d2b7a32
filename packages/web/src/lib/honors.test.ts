import { describe, expect, it } from 'vitest';
import { honorsOf } from './honors';

const c = (id: number, year: number, kind: 'org' | 'person', orgCode: string, username: string | null, status: 'proposed' | 'approved' | 'declined' = 'approved') => ({ id, year, kind, orgCode, username, status });

describe('honours of one organization or person', () => {
  const items = [
    c(1, 2016, 'org', 'H01', null),
    c(2, 2018, 'org', 'H01', null),
    c(3, 2018, 'person', 'H01', 'h01_tianbiao'),
    c(4, 2019, 'org', 'H01', null, 'proposed'),
    c(5, 2019, 'org', 'H01', null, 'declined'),
    c(6, 2017, 'org', 'H01-0001', null),
    c(7, 2017, 'person', 'H02', 'h01_tianbiao'),
  ];

  it('an organization: its own approved ones, newest first, not its people\'s nor its units\'', () => {
    expect(honorsOf(items, { orgCode: 'H01' }).map((x) => x.id)).toEqual([2, 1]);
    expect(honorsOf(items, { orgCode: 'H01-0001' }).map((x) => x.id)).toEqual([6]);
  });

  it('a person: their approved ones, whatever organization they were in', () => {
    expect(honorsOf(items, { username: 'h01_tianbiao' }).map((x) => x.id)).toEqual([3, 7]);
    expect(honorsOf(items, { username: 'nobody' })).toEqual([]);
  });
});
