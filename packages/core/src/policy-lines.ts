// What a monthly 低保标准 may be. Real urban lines in China lie between a few hundred and about
// 1,500 yuan a month: above the hard limit a typed amount is refused (99,999 was once accepted
// without a question); above the usual range, or a jump of more than half from the stored line,
// it is saved only after the city confirms it.
import { formatYuan } from './money.js';

/** yuan per person per month: refused above this */
export const MONTHLY_LINE_MAX_YUAN = 10_000;
/** yuan per person per month: asked about outside this range */
export const MONTHLY_LINE_USUAL_MIN_YUAN = 100;
export const MONTHLY_LINE_USUAL_MAX_YUAN = 3_000;

export const MONTHLY_LINE_MAX_MESSAGE = `低保标准每月不能超过 ${MONTHLY_LINE_MAX_YUAN.toLocaleString('en-US')} 元，请核对金额（单位：元/人·月）`;

/** Why an accepted amount looks wrong (to confirm before saving), or null. Both in fen. */
export function unusualLineReason(fen: number, oldFen: number | null): string | null {
  if (fen > MONTHLY_LINE_USUAL_MAX_YUAN * 100) return `每月 ${formatYuan(fen)} 元高于常见标准（${MONTHLY_LINE_USUAL_MIN_YUAN}–${MONTHLY_LINE_USUAL_MAX_YUAN.toLocaleString('en-US')} 元），请核实单位是否为元/人·月`;
  if (fen < MONTHLY_LINE_USUAL_MIN_YUAN * 100) return `每月 ${formatYuan(fen)} 元低于常见标准（${MONTHLY_LINE_USUAL_MIN_YUAN}–${MONTHLY_LINE_USUAL_MAX_YUAN.toLocaleString('en-US')} 元），请核实`;
  if (oldFen !== null && oldFen > 0 && Math.abs(fen - oldFen) * 2 > oldFen)
    return `由每月 ${formatYuan(oldFen)} 元改为 ${formatYuan(fen)} 元，变动超过一半，请核实`;
  return null;
}
