// The link-only filters of the list (unitId, fillYear, createdSince, waitingDays, asOf) in Chinese, for
// the removable tags above the table: a list opened from the progress table says what it holds.
import { LINK_FILTER_KEYS, type LinkFilterKey, type ListState } from './listQuery';

export interface LinkFilterLabel {
  key: LinkFilterKey;
  label: string;
}

/** `orgName` names a unit code (its name, or the code itself while unknown). */
export function linkFilterLabels(s: Pick<ListState, LinkFilterKey>, orgName: (code: string) => string = (c) => c): LinkFilterLabel[] {
  const label = (k: LinkFilterKey): string | null => {
    switch (k) {
      case 'unitId': {
        if (s.unitId === undefined) return null;
        if (s.unitId === 'none') return '县（市、区）工会直接建档';
        const name = orgName(s.unitId);
        return name && name !== s.unitId ? `基层工会 ${name}（${s.unitId}）` : `基层工会 ${s.unitId}`;
      }
      case 'fillYear':
        return s.fillYear === undefined ? null : `填表年度 ${s.fillYear}`;
      case 'createdSince':
        return s.createdSince === undefined ? null : `建档于 ${s.createdSince} 之后（含当日）`;
      case 'waitingDays':
        if (s.waitingDays === undefined) return null;
        return s.waitingDays === 0 ? '审核中（待单位审核、待市总审核）' : `待审核已满 ${s.waitingDays} 天`;
      case 'asOf':
        return s.asOf === undefined ? null : `截至 ${s.asOf} 日终（该日已录入的档案，状态按当日回溯）`;
    }
  };
  return LINK_FILTER_KEYS.flatMap((key) => {
    const l = label(key);
    return l === null ? [] : [{ key, label: l }];
  });
}
