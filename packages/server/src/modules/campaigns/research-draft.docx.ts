// The data draft as a Word document (.docx, written with `docx`), in the layout of an official
// document (GB/T 9704): A4 with its margins, the title in 宋体 二号 bold, the body in 仿宋 三号 with a
// first-line indent of two characters, headings 一、 in 黑体 and （一） in 楷体; tables of this year
// beside last year; bar charts as images; the typical cases masked (张某某, 420802********0519).
import {
  AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { chineseDate, fenToYuanText, HOUSEHOLD_STATUS_LABELS, maskFreeText, maskName } from '@bangfu/core';
import { barChartPng } from '../../lib/chart-image.js';
import type { DraftCase, DraftData, GroupRow } from './research-draft.service.js';

const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const KAI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体' };
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const SAN = 32; // 三号 16 pt, in half-points
const SMALL = 24; // 小四 12 pt, for tables
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt: 22 lines a page, as GB/T 9704

const para = (text: string, opts: { indent?: boolean } = {}) =>
  new Paragraph({ spacing: LINE, indent: opts.indent === false ? undefined : { firstLineChars: 200 }, children: [new TextRun({ text, font: BODY, size: SAN })] });
const heading1 = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLineChars: 200 }, children: [new TextRun({ text, font: HEI, size: SAN })] });
const heading2 = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLineChars: 200 }, children: [new TextRun({ text, font: KAI, size: SAN })] });

const pct = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toFixed(1)}%` : '—');
/** 增加3户（+300.0%）, 减少1（−50.0%）, 持平; 上年无数据 when last year had none. */
function change(cur: number, prev: number, unit = ''): string {
  if (prev === 0) return cur === 0 ? '持平' : '上年无数据';
  const d = cur - prev;
  return d === 0 ? '持平' : `${d > 0 ? '增加' : '减少'}${Math.abs(d)}${unit}（${d > 0 ? '+' : '−'}${Math.abs((d / prev) * 100).toFixed(1)}%）`;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER) =>
  new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ alignment: align, children: [new TextRun({ text, font: SONG, size: SMALL, bold })] })],
  });

function table(head: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, false, i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER)) })),
    ],
  });
}

function groupTable(rows: GroupRow[], year: number): Table {
  const total = rows.reduce((s, r) => s + r.cur, 0);
  return table(['项目', `${year}年度（户）`, '占比', `${year - 1}年度（户）`, '增减'], rows.map((r) => [r.label, String(r.cur), pct(r.cur, total), String(r.prev), change(r.cur, r.prev)]));
}

const chart = (title: string, rows: GroupRow[], year: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({
      type: 'png', data: barChartPng(title, rows.map((r) => r.label), [{ name: `${year}年度`, values: rows.map((r) => r.cur) }, { name: `${year - 1}年度`, values: rows.map((r) => r.prev) }]),
      transformation: { width: 560, height: 262 }, altText: { name: title, description: title, title },
    })],
  });

function caseParagraphs(c: DraftCase, i: number): Paragraph[] {
  const r = c.row;
  // no identity number, no employer; the free text masked of the family's names and long numbers
  const free = (t: string | null) => (t ? maskFreeText(t, c.names) : '');
  const income = fenToYuanText(Number(r.per_capita_income));
  const parts = [
    `${maskName(r.name)}，${r.gender}，${r.work_status}，健康状况${r.health}。`,
    `家庭人口${r.household_size}人，家庭年人均收入${income}元，困难类别为${r.category}，致困原因：${r.causes.split(',').join('、')}${r.cause_description ? `（${free(r.cause_description)}）` : ''}。`,
  ];
  if (r.needs) parts.push(`帮扶需求：${free(r.needs)}。`);
  if (r.measures) parts.push(`帮扶措施：${free(r.measures)}。`);
  if (r.urgency_score !== null && r.status === 'filed') parts.push(`紧迫度评分${r.urgency_score}。`);
  if (r.solved !== undefined) parts.push(`本年已解决实际问题${r.solved}个。`);
  if (r.status === 'removed' && r.removal_reason) parts.push(`剔除原因：${free(r.removal_reason)}。`);
  if (r.status === 'exited' && r.exit_reason) parts.push(`脱困原因：${free(r.exit_reason)}${r.exit_date ? `（脱困日期${r.exit_date}）` : ''}。`);
  const n = ['一', '二', '三', '四', '五'][i];
  return [heading2(`（${n}）${c.criterion}：${maskName(r.name)}`), para(parts.join('').replace(/。。/g, '。'))];
}

export async function researchDraftDocx(d: DraftData): Promise<Buffer> {
  const s = d.status;
  const total = (x: Record<string, number>) => Object.values(x).reduce((a, b) => a + b, 0);
  const [cur, prev] = [total(s.cur), total(s.prev)];
  const waiting = s.cur.submitted + s.cur.unitApproved;
  const a = d.assistance;
  const statusRows = Object.keys(HOUSEHOLD_STATUS_LABELS).map((k) => [HOUSEHOLD_STATUS_LABELS[k as keyof typeof HOUSEHOLD_STATUS_LABELS], String(s.cur[k] ?? 0), String(s.prev[k] ?? 0), change(s.cur[k] ?? 0, s.prev[k] ?? 0)]);
  const groups = Object.fromEntries(d.groups.map((g) => [g.key, g]));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: `${d.orgName}${d.year}年度困难职工精准帮扶工作调研报告`, font: SONG, size: 44, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: '（数据稿）', font: KAI, size: SAN })] }),
    para(`说明：本稿由困难职工帮扶管理系统根据${d.orgName}${d.year}年度填表的档案于${d.today}自动生成，供撰写调研报告时引用数据、选取案例；典型案例中的姓名、身份证号已作脱敏处理。“要有详实数据、具体案例、鲜明观点、有效措施建议”，观点和建议请撰写人结合走访情况补充。`),
    heading1('一、基本情况'),
    para(`${d.orgName}${d.year}年度填表的困难职工档案共${cur}户，其中已建档${s.cur.filed}户，审核中${waiting}户（待单位审核${s.cur.submitted}户、待市总审核${s.cur.unitApproved}户），草稿${s.cur.draft}户；剔除${s.cur.removed}户，脱困${s.cur.exited}户。经精准识别，在册档案中符合困难职工条件的${d.eligible.cur}户。${prev > 0 ? `与${d.year - 1}年度（${prev}户）相比，档案${change(cur, prev, '户')}。` : `${d.year - 1}年度没有档案，无法比较。`}`),
    table(['档案状态', `${d.year}年度（户）`, `${d.year - 1}年度（户）`, '增减'], [...statusRows, ['合计', String(cur), String(prev), change(cur, prev)]]),
    heading1('二、困难职工构成'),
    para('以下统计在册档案（草稿、审核中、已建档），不含已剔除、已脱困的档案。'),
    heading2('（一）困难类别'), groupTable(groups.category.rows, d.year), chart('困难类别（户）', groups.category.rows, d.year),
    heading2('（二）致困原因'), para('致困原因可多选，各项户数之和可能大于档案户数。'), groupTable(groups.cause.rows, d.year),
    heading2('（三）家庭年人均收入'), groupTable(groups.band.rows, d.year), chart('家庭年人均收入（户）', groups.band.rows, d.year),
    heading2('（四）工作状况'), groupTable(groups.work.rows, d.year),
    heading2('（五）所在企业状况'), groupTable(groups.enterprise.rows, d.year),
    heading1('三、帮扶工作情况'),
    para(`${d.year}年，共帮扶困难职工${a.cur.households}户，记录帮扶${a.cur.records}次，发放帮扶资金${fenToYuanText(a.cur.money)}元，解决实际问题${a.cur.solved}个。${a.prev.records > 0 ? `${d.year - 1}年帮扶${a.prev.households}户、${a.prev.records}次，资金${fenToYuanText(a.prev.money)}元，解决实际问题${a.prev.solved}个。` : ''}`),
    table(['项目', `${d.year}年`, `${d.year - 1}年`, '增减'], [
      ['帮扶户数（户）', String(a.cur.households), String(a.prev.households), change(a.cur.households, a.prev.households)],
      ['帮扶记录（次）', String(a.cur.records), String(a.prev.records), change(a.cur.records, a.prev.records)],
      ['帮扶资金（元）', fenToYuanText(a.cur.money), fenToYuanText(a.prev.money), a.prev.money ? change(Math.round(a.cur.money / 100), Math.round(a.prev.money / 100)) : '上年无数据'],
      ['解决实际问题（个）', String(a.cur.solved), String(a.prev.solved), change(a.cur.solved, a.prev.solved)],
    ]),
    heading1('四、典型案例'),
    para('案例按以下标准由系统选取（姓名以“某”代替，不含身份证号和工作单位，文字中的家庭成员姓名和号码已遮盖）：'),
    para('本年度已建档中紧迫度最高的两户，本年解决实际问题最多的一户，本年度最近剔除和最近脱困的各一户（没有的从缺）。'),
    ...(d.cases.length ? d.cases.flatMap(caseParagraphs) : [para('本年度暂无可选取的案例。')]),
    heading1('五、存在的问题和建议'),
    para('（请撰写人结合走访情况填写：存在的主要问题、原因分析、有效措施建议。）'),
    new Paragraph({ spacing: { before: 600, ...LINE }, alignment: AlignmentType.RIGHT, children: [new TextRun({ text: d.orgName, font: BODY, size: SAN })] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, children: [new TextRun({ text: chineseDate(d.today), font: BODY, size: SAN })] }),
  ];
  const doc = new Document({
    creator: 'bangfu 困难职工帮扶管理系统',
    title: `${d.orgName}${d.year}年度困难职工精准帮扶工作调研报告（数据稿）`,
    styles: { default: { document: { run: { font: BODY, size: SAN } } } },
    sections: [{
      // A4; margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips)
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
