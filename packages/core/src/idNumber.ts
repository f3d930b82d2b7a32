// Resident identity numbers, GB 11643-1999 (household.md, "Identity numbers").
import { isValidYmd } from './dates.js';
import { PROVINCE_CODES } from './enums.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '0123456789X';

/** The check character for the first 17 digits: (12 − Σ aᵢ·wᵢ mod 11) mod 11, 10 written X. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[(12 - (sum % 11)) % 11];
}

export interface IdInfo {
  /** normalized: upper-case X */
  idNumber: string;
  birthDate: string;
  gender: '男' | '女';
  provinceCode: string;
  areaCode: string;
}

export type IdCheck = { ok: true; info: IdInfo } | { ok: false; message: string };

/**
 * Checks an 18-character identity number. With `onDate` (the fill date) the birth date must
 * not be after it and at most 120 years before it.
 */
export function checkIdNumber(raw: string, onDate?: string): IdCheck {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, message: '身份证号应为18位' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号前17位应为数字，最后一位为数字或X' };
  if (!(id.slice(0, 2) in PROVINCE_CODES)) return { ok: false, message: `身份证号前两位 ${id.slice(0, 2)} 不是有效的省级行政区代码` };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isValidYmd(y, m, d)) return { ok: false, message: '身份证号中的出生日期不是有效日期' };
  if (idCheckChar(id) !== id[17]) return { ok: false, message: '身份证号校验位不正确，请核对号码' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (onDate) {
    if (birthDate > onDate) return { ok: false, message: '身份证号中的出生日期晚于填报日期' };
    // "at most 120 years before it": the birth date may not be earlier than the same day 120
    // years before the fill date (a 120th birthday that is already past is too far).
    const limit = `${String(Number(onDate.slice(0, 4)) - 120).padStart(4, '0')}${onDate.slice(4)}`;
    if (birthDate < limit) return { ok: false, message: '身份证号中的出生日期距填报日期超过120年' };
  }
  return {
    ok: true,
    info: {
      idNumber: id,
      birthDate,
      gender: Number(id[16]) % 2 === 1 ? '男' : '女',
      provinceCode: id.slice(0, 2),
      areaCode: id.slice(0, 6),
    },
  };
}

/**
 * Converts a legacy 15-digit number (6-digit area, YYMMDD, 3-digit sequence) to 18 digits by
 * inserting 19 before the year and appending the check character. Import only.
 */
export function upgradeLegacyId(raw: string): string | null {
  const id = raw.trim();
  if (!/^\d{15}$/.test(id)) return null;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** 420802196803120519 → 420802********0519, for lists and roles without full view. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** 13907240001 → 139****0001; 0724-2360130 → 0724-***0130. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const dash = phone.lastIndexOf('-');
  const head = dash >= 0 ? dash + 1 : 3;
  if (phone.length - head <= 4) return phone;
  return phone.slice(0, head) + '*'.repeat(phone.length - head - 4) + phone.slice(-4);
}

/** 张三丰 → 张某某: the surname's character and a 某 for each other character (a document's typical case). */
export function maskName(name: string): string {
  const chars = [...(name ?? '')];
  return chars.length ? chars[0] + '某'.repeat(Math.max(1, chars.length - 1)) : '某某';
}

/**
 * Free text about a household for a document read outside its file: the names given (the worker's
 * and the members') masked, and every run of 7 or more digits (a phone, an identity number, a
 * bank card) hidden.
 */
export function maskFreeText(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of [...names].filter((x) => [...x].length >= 2).sort((a, b) => b.length - a.length)) out = out.split(n).join(maskName(n));
  return out.replace(/\d{7,}[\dXx]*/g, (m) => '*'.repeat(m.length));
}
