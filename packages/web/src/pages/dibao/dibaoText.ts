// What the 民政低保核对 page and a file's 民政名单核实 say: a listed person, a file's place, a list,
// who resolved a finding, the default month of a list, the regions a list may be imported for, the
// warning before 已更正档案, the colour of a check. Pure, so the tests read them.
import { correctionMissing, DIBAO_FINDING_STATUS_LABELS, type DibaoCheckState, type DibaoFindingKind } from '@bangfu/core';
import type { DibaoFinding, DibaoList, DibaoListedPerson, DibaoResolution } from '../../api/dibao';
import { dateTimeText, yuanText } from '../../lib/format';

/** 张三·本人·月保障金额 520.00 元 (the amount when the list gives one). */
export function listedPersonText(p: Pick<DibaoListedPerson, 'name' | 'relation' | 'monthlyAmount'>): string {
  const parts = [p.name, p.relation];
  if (p.monthlyAmount !== null) parts.push(`月保障金额 ${yuanText(p.monthlyAmount)} 元`);
  return parts.filter(Boolean).join('·');
}

/** 东宝区·XX公司工会, or 东宝区 for the county union's own file. */
export const placeText = (h: Pick<DibaoFinding['household'], 'regionName' | 'unitName'>): string => (h.unitName ? `${h.regionName}·${h.unitName}` : h.regionName);

/** 2026-10 东宝区 (the list's month and region). */
export const listText = (l: Pick<DibaoList, 'month' | 'regionName'>): string => `${l.month} ${l.regionName}`;

/** 已说明（张三 2026-12-07 21:00）; 待核实 while open. */
export function resolvedText(f: Pick<DibaoFinding, 'status' | 'resolvedBy' | 'resolvedAt'>): string {
  const label = DIBAO_FINDING_STATUS_LABELS[f.status];
  if (f.status === 'open') return label;
  const who = [f.resolvedBy, dateTimeText(f.resolvedAt)].filter(Boolean).join(' ');
  return who ? `${label}（${who}）` : label;
}

/** A list usually arrives after its month: the month before today's (YYYY-MM-DD) by default. */
export function lastMonthOf(today: string): string {
  const [y, m] = today.slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const CITY_CODE = 'H';
export const CITY_OPTION = { value: CITY_CODE, label: '全市' } as const;

/** The regions a list may be imported for: the city union's whole city and each county, a county union its own. */
export function uploadRegionOptions(ownRegion: string | null, regions: readonly { value: string; label: string }[]): { value: string; label: string }[] {
  if (ownRegion) return regions.filter((r) => r.value === ownRegion);
  return [CITY_OPTION, ...regions];
}

/** Why 已更正档案 will be refused, when the file as listed says so already (the server's own rule). */
export function correctionHint(f: Pick<DibaoFinding, 'kind' | 'household'>, resolution: DibaoResolution | undefined): string | null {
  if (resolution !== 'corrected') return null;
  return correctionMissing(f.kind, f.household);
}

export const KIND_COLORS: Record<DibaoFindingKind, string> = { declaredNotListed: 'orange', listedNotDeclared: 'volcano', listedAboveLine: 'gold' };

/** 已在名单 green, a disagreement orange, not listed plain, no list grey. */
export const CHECK_COLORS: Record<DibaoCheckState, string> = {
  confirmed: 'green',
  declaredNotListed: 'orange',
  listedNotDeclared: 'orange',
  notListed: 'default',
  noList: '',
};

export const RESOLUTION_LABELS: Record<DibaoResolution, string> = { explained: '情况说明', corrected: '已更正档案' };
