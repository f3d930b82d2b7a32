// Which files of a review need a second look before 同意: identification found them 不符合, or could
// not decide (无法判定: no 低保标准 for their region and year). The reviewer is told, per file, and
// confirms or takes them out; agreeing blind put 不符合 files on the removal list minutes later.
export interface ReviewRiskRow {
  eligible: boolean | null;
}

export interface ReviewRisk<R> {
  ineligible: R[];
  undecided: R[];
  /** both, in the batch's order */
  all: R[];
}

export function reviewRisk<R extends ReviewRiskRow>(rows: readonly R[]): ReviewRisk<R> {
  const all = rows.filter((r) => r.eligible !== true);
  return { ineligible: all.filter((r) => r.eligible === false), undecided: all.filter((r) => r.eligible === null), all };
}

/** 其中 2 户识别结果为不符合，1 户无法判定 — or '' when every file is 符合. */
export function riskText(risk: ReviewRisk<unknown>): string {
  const parts = [];
  if (risk.ineligible.length) parts.push(`${risk.ineligible.length} 户识别结果为不符合`);
  if (risk.undecided.length) parts.push(`${risk.undecided.length} 户无法判定（缺少该地区该年度的低保标准）`);
  return parts.join('，');
}
