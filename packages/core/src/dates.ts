// Dates are `YYYY-MM-DD` strings throughout; these helpers avoid Date's time-zone traps.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Parses a `YYYY-MM-DD` string that names a real calendar day. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : null;
}

/** Whole years from birth to `on` (both `YYYY-MM-DD`): the age on that day. */
export function ageOn(birth: string, on: string): number {
  const b = parseIsoDate(birth);
  const o = parseIsoDate(on);
  if (!b || !o) return NaN;
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age--;
  return age;
}

/** Today in China (UTC+8), where the users are, whatever the server's zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Now in China as `YYYY-MM-DD HH:mm`: how every time shown to a person is written (exports too). */
export function nowInChinaText(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** `YYYY-MM-DD` moved by whole days (negative: earlier), on the calendar, without time zones. */
export function addDays(ymd: string, days: number): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 2026-12-07 → 2026年12月7日, as a document's date is written (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The moment a day begins in China (00:00 UTC+8) as the ISO time the database stores: times before it are of earlier days. */
export function chinaDayStartIso(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}
