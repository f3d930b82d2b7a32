// Money crosses the boundary as yuan (a number or a decimal string with at most 2 decimals) and
// lives everywhere inside as integer fen. Parsing goes through the decimal text, never through
// floating-point multiplication, so 0.29 yuan is 29 fen and not 28.999….

export const MAX_YUAN = 10_000_000; // keeps every stored amount inside a 32-bit integer of fen

export type MoneyParse = { ok: true; fen: number } | { ok: false; message: string };

export function parseYuan(input: unknown): MoneyParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: '金额必须是数字' };
    text = numberToPlainString(input);
  } else if (typeof input === 'string') {
    text = input.trim().replace(/,/g, '');
    if (text === '') return { ok: false, message: '金额不能为空' };
  } else {
    return { ok: false, message: '金额必须是数字' };
  }
  if (text.startsWith('-')) return { ok: false, message: '金额不能为负数' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, message: '金额格式不正确，应为数字，例如 1234.50' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: '金额最多保留两位小数（精确到分）' };
  const whole = Number(m[1]);
  if (whole > MAX_YUAN) return { ok: false, message: `金额不能超过 ${MAX_YUAN.toLocaleString('en-US')} 元` };
  const fen = whole * 100 + Number((decimals + '00').slice(0, 2));
  if (fen > MAX_YUAN * 100) return { ok: false, message: `金额不能超过 ${MAX_YUAN.toLocaleString('en-US')} 元` };
  return { ok: true, fen };
}

/**
 * Shortest decimal text of a number, without exponent (1e-7 → "0.0000001", 1e21 → "1000…0").
 * Shifts the digits of String(n) instead of using toFixed, which would round 1e-21 to "0" and
 * leaves 1e21 in exponent form.
 */
function numberToPlainString(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int + frac;
  const point = int.length + Number(exp); // where the decimal point falls within `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Fen → yuan as a JSON number (exact: at most 2 decimals). */
export function fenToYuan(fen: number): number {
  return Number(fenToYuanText(fen));
}

/** Fen → "1234.50". */
export function fenToYuanText(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** Fen → "5,400.00" for explanations and print. */
export function formatYuan(fen: number): string {
  const [whole, dec] = fenToYuanText(fen).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** a / b rounded half-up to an integer, for non-negative integers (per-capita fen). */
export function divRoundHalfUp(a: number, b: number): number {
  if (b <= 0) throw new RangeError('divisor must be positive');
  const q = Math.floor(a / b);
  const r = a - q * b;
  return 2 * r >= b ? q + 1 : q;
}
