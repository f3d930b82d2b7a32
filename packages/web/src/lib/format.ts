import dayjs from 'dayjs';
import { formatYuan, parseYuan } from '@bangfu/core';

export const SYSTEM_NAME = '困难职工精准帮扶系统';
export const OWNER_NAME = '荆门市总工会';

/** Yuan (a JSON number) → "5,400.00"; through core's fen arithmetic, never float formatting. */
export function yuanText(yuan: number | string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '';
  const r = parseYuan(yuan);
  return r.ok ? formatYuan(r.fen) : String(yuan);
}

/** YYYY-MM-DD (a date or an ISO timestamp, shown in local time). */
export function dateText(v: string | null | undefined): string {
  if (!v) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = dayjs(v);
  return d.isValid() ? d.format('YYYY-MM-DD') : v;
}

/** YYYY-MM-DD HH:mm for timestamps. */
export function dateTimeText(v: string | null | undefined): string {
  if (!v) return '';
  const d = dayjs(v);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : v;
}

export function yesNo(v: boolean | null | undefined): string {
  return v === true ? '是' : v === false ? '否' : '';
}
