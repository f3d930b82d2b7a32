// 荣誉 (kept per year, shown on an organization's or a user's page): the approved commendations of
// one subject, newest year first. The list asked by orgCode may also hold the people of that
// organization; an organization's honours are its own.
import type { Commendation } from '../api/commendations';

export type HonorSubject = { orgCode: string; username?: undefined } | { username: string; orgCode?: undefined };

export function honorsOf<T extends Pick<Commendation, 'status' | 'kind' | 'orgCode' | 'username' | 'year' | 'id'>>(items: readonly T[], subject: HonorSubject): T[] {
  const mine = (c: T) => (subject.username !== undefined ? c.kind === 'person' && c.username === subject.username : c.kind === 'org' && c.orgCode === subject.orgCode);
  return items.filter((c) => c.status === 'approved' && mine(c)).sort((a, b) => b.year - a.year || a.id - b.id);
}
