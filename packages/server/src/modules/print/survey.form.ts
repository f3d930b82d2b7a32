// The survey form (调查表) of one household, laid out like the paper form of the source document:
// 一、基本情况 (the label/value grid in the paper's order, the income row, 家庭成员), 二、致困原因,
// 三、帮扶需求及帮扶措施, 四、工会审核意见. Values come from the file as the viewer may see it
// (identity and phone numbers already masked by the caller).
import { CAUSE_FORM_LABELS, CAUSES, formatYuan, parseYuan } from '@bangfu/core';
import type { ReviewOpinion as Opinion } from '@bangfu/core';
import type { HouseholdFile } from '../households/households.service.js';
import { BASE_SIZE, FormPainter, type Box, type Cell } from './form.painter.js';

export interface PlanLine {
  name: string;
  statusLabel: string;
  targetDate: string | null;
}

export interface FormContext {
  /** the household's assistance plan, listed under 帮扶措施 */
  plan: PlanLine[];
}

const CAUSE_BOXES = CAUSES.map((value) => ({ value, label: CAUSE_FORM_LABELS[value] }));

/** The paper form leaves five ruled member rows; a smaller household gets blank ones to fill by hand. */
/** blank member rows to write in by hand: a form with few members keeps three rows */
export const MIN_MEMBER_ROWS = 3;

export const formTitle = (fillDate: string) => `${fillDate.slice(0, 4)}年全市工会“三万”活动困难职工调查表`;

export function yuan(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const r = parseYuan(v);
  return r.ok ? formatYuan(r.fen) : String(v);
}

/** 2016-05-10 → 2016年05月10日 */
export const chineseDate = (ymd: string) => `${ymd.slice(0, 4)}年${ymd.slice(5, 7)}月${ymd.slice(8, 10)}日`;

/** An ISO timestamp as the calendar date in China (UTC+8, no daylight saving). */
export const chinaDateOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

const yesNo = (b: boolean) => (b ? '是' : '否');
const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Label/value pairs of one grid row: [label, value, label width, value width]… */
type Pair = [string, string, number, number];
const pairs = (...ps: Pair[]): Cell[] =>
  ps.flatMap(([label, value, lw, vw]) => [{ width: lw, text: label, kind: 'label' as const }, { width: vw, text: value }]);

/** Scales widths written for a 511-point line to the painter's width, so the rows stay flush. */
function scaler(p: FormPainter) {
  const k = p.width / 511;
  return (cells: Cell[]): Cell[] => {
    const scaled = cells.map((c) => ({ ...c, width: c.width * k }));
    const sum = scaled.reduce((s, c) => s + c.width, 0);
    scaled[scaled.length - 1].width += p.width - sum; // absorbs rounding, so the right edge is straight
    return scaled;
  };
}

export function drawSurveyForm(p: FormPainter, f: HouseholdFile, ctx: FormContext): void {
  const fit = scaler(p);
  const row = (cells: Cell[], minHeight?: number) => p.row(fit(cells), minHeight);
  const equal = (texts: string[], kind: 'label' | 'value', align: 'left' | 'center' = 'center') =>
    texts.map((t) => ({ width: 511 / texts.length, text: t, kind, align }));

  // title and 填报日期
  const titleSize = 15;
  p.textLine(formTitle(f.fillDate), p.left, p.y, p.width, { size: titleSize, bold: true, align: 'center' });
  p.y += p.lineHeight(titleSize) + 8;
  p.textLine(`填报日期：${chineseDate(f.fillDate)}`, p.left, p.y, p.width / 2);
  p.textLine(`档案状态：${f.statusLabel}`, p.left + p.width / 2, p.y, p.width / 2, { align: 'right' });
  p.y += p.lineHeight() + 4;

  // 一、职工及家庭成员基本情况
  p.heading('一、职工及家庭成员基本情况');
  row(pairs(['职工编号', f.workerNo, 54, 116], ['困难类别', f.category, 54, 116], ['劳模类型', text(f.modelWorker), 54, 117]));
  row(pairs(['姓名', f.name, 54, 76], ['性别', f.gender, 40, 34], ['民族', f.ethnicity, 40, 52], ['身份证号', f.idNumber, 54, 161]));
  row(pairs(['文化程度', f.education, 54, 116], ['政治面貌', f.politicalStatus, 54, 76], ['技术职称等级（工种）', text(f.skillLevel), 104, 107]));
  row(pairs(['家庭住址', f.address, 54, 286], ['联系电话', f.phone, 54, 117]));
  row(pairs(['工作单位', f.employer, 54, 170], ['婚姻状况', f.maritalStatus, 54, 52], ['健康状况', f.health, 54, 127]));
  row(pairs(['单位性质', f.unitNature, 54, 116], ['工龄', `${f.serviceYears}年`, 40, 36], ['医保类型', f.medicalInsurance, 54, 76], ['残疾等级', f.disabilityGrade, 54, 81]));
  row(pairs(['企业状况', f.enterpriseStatus, 54, 116], ['工作状况', f.workStatus, 54, 130], ['是否享受低保', yesNo(f.receivesDibao), 70, 87]));
  row(equal(['本人年收入（元）', '家庭年度总收入（元）', '家庭人口（人）', '家庭年人均收入（元）', '家庭年度支出（元）'], 'label'));
  row(equal([yuan(f.ownAnnualIncome), yuan(f.householdAnnualIncome), String(f.householdSize), yuan(f.perCapitaIncome), yuan(f.householdAnnualExpense)], 'value'));
  // the structured hardship fields of our file, which the paper form only implies
  const extraWidths = [122, 98, 98, 65, 64, 64];
  row(['年医疗费个人累计支出（元）', '非义务教育学费（元）', '意外支出或损失（元）', '丧失劳动能力', '权益受侵害', '有创业愿望']
    .map((t, i) => ({ width: extraWidths[i], text: t, kind: 'label', size: BASE_SIZE - 0.5 })));
  row([yuan(f.medicalExpense), yuan(f.tuitionExpense), yuan(f.accidentExpense), yesNo(f.lostWorkCapacity), yesNo(f.rightsInfringed), yesNo(f.wantsToStartBusiness)]
    .map((t, i) => ({ width: extraWidths[i], text: t, align: 'center' })));
  const labelW = 92 * (p.width / 511); // 致困原因（可多选） on one line
  p.longRow('其他特殊困难', labelW, text(f.otherHardship));

  // 家庭成员, its header repeated on each page the table runs onto
  const memberCols: [string, number][] = [
    ['姓名', 48], ['关系', 34], ['性别', 28], ['文化程度', 48], ['身份证号', 100], ['健康状况', 46],
    ['年收入（元）', 60], ['就业（学）状况', 52], ['单位或学校', 55], ['技术职称等级', 40],
  ];
  const small = BASE_SIZE - 0.5;
  const membersHeader = () => {
    row([{ width: 511, text: '家    庭    成    员', kind: 'label' }]);
    row(memberCols.map(([label, w]) => ({ width: w, text: label, kind: 'label', size: small })));
  };
  const memberRow = (m: HouseholdFile['members'][number] | undefined) =>
    memberCols.map(([, w], i): Cell => ({
      width: w, size: small, align: i === 6 ? 'center' : 'left',
      text: m ? [m.name, m.relation, m.gender, m.education, text(m.idNumber), m.health, yuan(m.annualIncome), m.occupation, text(m.unitOrSchool), text(m.skillLevel)][i] : '',
    }));
  // the header and the first member row stay together
  p.ensure(p.rowHeight([{ width: 511, text: '家' }]) * 2 + p.lineHeight() * 3);
  membersHeader();
  p.repeat = membersHeader;
  const rows = Math.max(MIN_MEMBER_ROWS, f.members.length);
  for (let i = 0; i < rows; i++) row(memberRow(f.members[i]));
  p.repeat = undefined;

  // 二、致困原因
  p.space(4);
  p.heading('二、致困原因');
  const boxes = CAUSE_BOXES.map((c) => ({ label: c.label, checked: f.causes.includes(c.value) }));
  const optionsWidth = p.width - labelW;
  p.row([
    { width: labelW, text: '致困原因（可多选）', kind: 'label' },
    { width: optionsWidth, draw: (b: Box) => p.options(boxes, { ...b, y: b.y + 1 }), drawHeight: p.optionsHeight(boxes, optionsWidth - 8) + 2 },
  ], 24);
  p.longRow('文字描述', labelW, text(f.causeDescription), TEXT_MIN);

  // 三、困难职工帮扶需求及帮扶措施
  p.space(4);
  p.heading('三、困难职工帮扶需求及帮扶措施');
  p.longRow('帮扶需求', labelW, text(f.needs), TEXT_MIN);
  p.longRow('帮扶措施及建议', labelW, text(f.measures), TEXT_MIN);
  // the plan runs on as one paragraph: a line per measure pushed 四 onto an almost empty second page
  if (ctx.plan.length)
    p.longRow('帮扶计划', labelW, ctx.plan.map((m, i) => `${i + 1}. ${m.name}（${m.statusLabel}${m.targetDate ? `，${m.targetDate}前` : ''}）`).join('；'));

  signatureRow(p, labelW);

  // 四、工会审核意见: the latest opinion of each level, or room to write one by hand
  p.space(4);
  const latest = (level: Opinion['level']) => [...f.opinions].reverse().find((o) => o.level === level);
  const half = p.width / 2;
  const opinionBox = (o: Opinion | undefined, stamp = false): Cell => ({ width: half, draw: (b) => drawOpinion(p, o, b, stamp), drawHeight: opinionHeight(p, o, half - 8) });
  const captions: Cell[] = [{ width: half, text: '职工所在单位工会意见', kind: 'label' }, { width: half, text: '市总工会意见', kind: 'label' }];
  const boxes4 = [opinionBox(latest('unit'), true), opinionBox(latest('city'))];
  const OPINION_MIN = 66; // room for a handwritten opinion and the stamp
  p.heading('四、工会审核意见', p.rowHeight(captions) + p.rowHeight(boxes4, OPINION_MIN));
  p.row(captions);
  p.row(boxes4, OPINION_MIN);
}

/**
 * 职工签字: the worker confirms what the form says (it is printed to be signed and stamped); one
 * line under 三, so that a plan does not push 四 onto a second page.
 */
function signatureRow(p: FormPainter, labelW: number): void {
  p.row([
    { width: labelW, text: '职工签字', kind: 'label' },
    { width: p.width - labelW, draw: (b) => drawSignature(p, b), drawHeight: SIGN_HEIGHT },
  ], SIGN_HEIGHT);
}

function drawSignature(p: FormPainter, b: Box): void {
  const lh = p.lineHeight();
  const y = b.y + (b.h - lh) / 2;
  p.textLine('本人承诺以上所填情况真实无误。', b.x, y, b.w);
  p.textLine('签字：　　　　　　　　　年　　月　　日', b.x, y, b.w, { align: 'right' });
}

const SIGN_HEIGHT = 24;
/** the free-text rows: two written lines; a longer text grows its row */
const TEXT_MIN = 24;

const DECISIONS = [{ value: 'agree', label: '同意' }, { value: 'return', label: '退回' }] as const;

function opinionLines(p: FormPainter, o: Opinion | undefined, width: number): string[] {
  return o ? p.wrap(o.opinion, width) : [];
}

/** Decision boxes, the text, then the signature lines at the bottom. */
function opinionHeight(p: FormPainter, o: Opinion | undefined, width: number): number {
  return p.lineHeight() * (1 + opinionLines(p, o, width).length + 3) + 6;
}

function drawOpinion(p: FormPainter, o: Opinion | undefined, b: Box, stamp = false): void {
  const lh = p.lineHeight();
  p.options(DECISIONS.map((d) => ({ label: d.label, checked: o?.decision === d.value })), { ...b, h: lh });
  opinionLines(p, o, b.w).forEach((line, i) => p.textLine(line, b.x, b.y + lh * (1.3 + i), b.w));
  // the signature block sits at the bottom of the box whatever the text's length
  const bottom = b.y + b.h - lh * 2;
  // the unit's stamp goes beside the signature block, printed opinion or not
  if (stamp) p.textLine('单位盖章：', b.x, bottom, b.w);
  if (o) {
    p.textLine(`审核人：${o.authorName}　　${o.orgName}`, b.x, bottom, b.w, { align: 'right' });
    p.textLine(chineseDate(chinaDateOf(o.at)), b.x, bottom + lh, b.w, { align: 'right' });
  } else {
    p.textLine('（盖章）', b.x, bottom, b.w, { align: 'right' });
    p.textLine('年　　月　　日', b.x, bottom + lh, b.w, { align: 'right' });
  }
}
