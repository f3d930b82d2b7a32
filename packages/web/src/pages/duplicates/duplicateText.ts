// What the 重复档案 page says: a file's place, the last scan, the field two files share, the hint on
// a pair the user cannot resolve, the merge dialog's words and the message after a merge. Pure, so
// the tests read them.
import { DUPLICATE_STATUS_LABELS, type DuplicateKind, type DuplicateStatus } from '@bangfu/core';
import type { DuplicateMerged, DuplicatePair, DuplicateScan, DuplicateSide } from '../../api/duplicates';
import { dateTimeText } from '../../lib/format';

/** 东宝区 (the county union's own file) or 东宝区·XX公司工会. */
export const sidePlaceText = (s: Pick<DuplicateSide, 'regionName' | 'unitName'>): string => (s.unitName ? `${s.regionName}·${s.unitName}` : s.regionName);

/** 职工编号 and name: H0100012 张三 */
export const sideText = (s: Pick<DuplicateSide, 'workerNo' | 'name'>): string => `${s.workerNo} ${s.name}`;

export const SCAN_STATUS_LABELS: Record<string, string> = { queued: '排队中', running: '正在查找', done: '已完成', failed: '失败' };

/** 上次查找：2026-12-07 21:00（已完成）, or that no scan ran yet. */
export function lastScanText(scan: Pick<DuplicateScan, 'at' | 'status'> | null | undefined): string {
  if (!scan) return '上次查找：尚未查找';
  return `上次查找：${dateTimeText(scan.at)}（${SCAN_STATUS_LABELS[scan.status] ?? scan.status}）`;
}

/** The fields a pair's rule compared, marked in the comparison (the identity number rule matches a member: no field of the files). */
export function sharedFields(kind: DuplicateKind): readonly SideField[] {
  switch (kind) {
    case 'phone':
      return ['phone'];
    case 'address':
      return ['address', 'name'];
    case 'nameBirth':
      return ['name', 'idNumber'];
    default:
      return [];
  }
}

export type SideField = 'workerNo' | 'name' | 'place' | 'status' | 'idNumber' | 'phone' | 'address' | 'householdSize' | 'fillDate';

export const SIDE_FIELD_LABELS: Record<SideField, string> = {
  workerNo: '职工编号',
  name: '姓名',
  place: '地区·单位',
  status: '状态',
  idNumber: '身份证号',
  phone: '电话',
  address: '住址',
  householdSize: '家庭人口',
  fillDate: '填表日期',
};

/**
 * Why a cadre who files may not resolve an open pair: the other file is another county's (the city
 * union's to resolve) or another unit's (the county union's or the city union's).
 */
export function unresolvableText(p: Pick<DuplicatePair, 'a' | 'b'>): string {
  return p.a.regionCode !== p.b.regionCode ? '跨地区，由市总工会处理' : '跨单位，由县区工会或市总工会处理';
}

/** Who decided a pair and when, as its status line says it. */
export function decidedText(p: Pick<DuplicatePair, 'status' | 'decidedBy' | 'decidedAt'>): string {
  if (p.status === 'cleared') return '档案修改或剔除后不再相同，已自动关闭';
  if (p.status === 'open') return DUPLICATE_STATUS_LABELS.open;
  const who = [p.decidedBy, dateTimeText(p.decidedAt)].filter(Boolean).join(' ');
  return who ? `${DUPLICATE_STATUS_LABELS[p.status]}（${who}）` : DUPLICATE_STATUS_LABELS[p.status];
}

/** The label of a decision's note: the reason of 不是重复, the note of a merge. */
export const NOTE_LABELS: Partial<Record<DuplicateStatus, string>> = { dismissed: '理由', merged: '合并说明' };

/** What the merge does, once the file to keep is chosen. */
export function mergeLead(keep: Pick<DuplicateSide, 'workerNo' | 'name'>, gone: Pick<DuplicateSide, 'workerNo' | 'name'>): string {
  return `保留 ${sideText(keep)} 的档案；${sideText(gone)} 的档案将改为“已剔除”（重复建档，已并入 ${keep.workerNo}），其帮扶记录、脱困回访、帮扶计划、定点联系、帮扶责任人全部转到保留的档案上。`;
}

const MOVED_LABELS: [key: string, label: string, unit: string][] = [
  ['assistance', '帮扶记录', '条'],
  ['followUps', '脱困回访', '次'],
  ['plan', '帮扶计划措施', '项'],
  ['links', '定点联系和帮扶责任人', '项'],
  ['responsibility', '责任人变更记录', '条'],
  ['opinions', '审核意见', '条'],
];

/** 已合并：H0100013 并入 H0100012，转移帮扶记录 3 条、脱困回访 1 次 (the records always, the rest when any moved). */
export function mergedText(r: Pick<DuplicateMerged, 'kept' | 'removed' | 'moved'>): string {
  const moved = MOVED_LABELS.filter(([key]) => key === 'assistance' || (r.moved[key] ?? 0) > 0).map(([key, label, unit]) => `${label} ${r.moved[key] ?? 0} ${unit}`);
  return `已合并：${r.removed.workerNo} 并入 ${r.kept.workerNo}，转移${moved.join('、')}`;
}
