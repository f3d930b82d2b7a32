// What the 表彰 page says about a nomination: who, on what record, in which state. Pure.
import { COMMENDATION_STATUSES, formatYuan, type CommendationStatus } from '@bangfu/core';
import type { Commendation } from '../../api/commendations';
import { scoreText } from '../assessment/assessmentText';

export const COMMENDATION_STATUS_COLORS: Record<CommendationStatus, string> = { proposed: 'processing', approved: 'success', declined: 'default' };
export const COMMENDATION_SOURCE_LABELS: Record<Commendation['source'], string> = { ranking: '考核排名', manual: '单位推荐' };

/** 'all' or one status: the page's filter. */
export type StatusFilter = CommendationStatus | 'all';
export const isStatusFilter = (v: string | null): v is StatusFilter => v === 'all' || (COMMENDATION_STATUSES as readonly string[]).includes(v ?? '');

/** A unit by its name; a person by name and organization. */
export const subjectText = (c: Pick<Commendation, 'kind' | 'orgName' | 'displayName' | 'username'>): string =>
  c.kind === 'org' ? c.orgName : `${c.displayName ?? c.username ?? ''}（${c.orgName}）`;

/** A person's year of assistance, or a unit's place in the year's assessment. */
export function recordText(c: Pick<Commendation, 'kind' | 'record' | 'assessment'>): string {
  const r = c.record;
  if (c.kind === 'person') return r ? `帮扶 ${r.households} 户 · 帮扶记录 ${r.records} 次 · 解决问题 ${r.solved} 个 · 帮扶金额 ${formatYuan(r.money)} 元` : '—';
  const a = c.assessment;
  if (!a || a.total === null) return '未参加考核';
  return `考核第 ${a.rank ?? '—'} 名 · 总分 ${scoreText(a.total)}`;
}

export function countByStatus(items: readonly Pick<Commendation, 'status'>[]): Record<StatusFilter, number> {
  const n: Record<StatusFilter, number> = { all: items.length, proposed: 0, approved: 0, declined: 0 };
  for (const c of items) n[c.status]++;
  return n;
}

/** The filtered rows, the ones waiting first, then by kind (units first) and id. */
export function rowsOf<T extends Pick<Commendation, 'status' | 'kind' | 'id'>>(items: readonly T[], status: StatusFilter): T[] {
  const order = (c: T) => (c.status === 'proposed' ? 0 : 1);
  return items
    .filter((c) => status === 'all' || c.status === status)
    .sort((a, b) => order(a) - order(b) || (a.kind === b.kind ? 0 : a.kind === 'org' ? -1 : 1) || a.id - b.id);
}

interface OrgLike {
  code: string;
  name: string;
  kind: 'city' | 'region' | 'unit';
  parentCode: string | null;
  active: boolean;
}

/**
 * The units a user may nominate, grouped for the select: the city union any active county union
 * and 基层工会; a county union its own and its 基层工会 (the server's rule).
 */
export function nominableOrgs(orgs: readonly OrgLike[], ownRegion: string | null): { label: string; options: { value: string; label: string }[] }[] {
  const mine = (o: OrgLike) => o.active && (ownRegion === null || o.code === ownRegion || o.parentCode === ownRegion);
  const of = (kind: OrgLike['kind']) => orgs.filter((o) => o.kind === kind && mine(o)).map((o) => ({ value: o.code, label: o.name }));
  return [
    { label: '县（市、区）工会', options: of('region') },
    { label: '基层工会', options: of('unit') },
  ].filter((g) => g.options.length > 0);
}
