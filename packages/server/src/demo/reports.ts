// The demo's 调研报告 of the 2016 campaign (due 6月30日): Word files written here, sent in that June
// and July — on time and late, one returned and replaced, most accepted, some counties owing one.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { addDays } from '@bangfu/core';
import type { Db } from '../db/index.js';
import type { Actor } from '../modules/access/actor.js';
import { decideReport, replaceReport, uploadReport } from '../modules/campaigns/research-reports.service.js';

const chinaTime = (day: string, hour: number) => new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();

/** A short report as Word: its title, the organization and its summary. */
async function reportDocx(title: string, org: string, summary: string): Promise<Buffer> {
  const run = (text: string, size = 32, bold = false) => new TextRun({ text, size, bold, font: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } });
  return Packer.toBuffer(new Document({
    sections: [{ children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title, 44, true)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(org)] }),
      new Paragraph({ indent: { firstLineChars: 200 }, children: [run(summary)] }),
    ] }],
  }));
}

/** Who sent what, on which day (2016), and what the city decided the next working day. */
const JUNE_2016: { org: string; title: string; on: string; decision?: 'accept' | 'return'; opinion?: string; again?: string }[] = [
  { org: 'H01', title: '京山县困难职工生活状况调研报告', on: '2016-06-27', decision: 'accept' },
  { org: 'H01', title: '京山县破产企业职工帮扶情况调研', on: '2016-06-29', decision: 'accept' },
  { org: 'H02', title: '沙洋县困难职工致困原因分析', on: '2016-06-30', decision: 'accept' },
  { org: 'H03', title: '钟祥市因病致困职工帮扶调研', on: '2016-06-24', decision: 'return', opinion: '典型案例不够具体，请补充两户案例和措施建议', again: '2016-06-29' },
  { org: 'H04', title: '东宝区困难职工精准帮扶调研报告', on: '2016-07-04', decision: 'accept' },
  { org: 'H06', title: '漳河新区困难职工就业帮扶调研', on: '2016-06-28' },
  { org: '中石化荆门分公司工会', title: '中石化荆门分公司困难职工帮扶工作调研', on: '2016-06-22', decision: 'accept' },
];

/** Adds the 2016 campaign's reports; `sender` gives the account of a region or unit, `orgCode` a unit's code by name. */
export async function seedDemoReports(db: Db, campaignId: number, city: Actor, sender: (org: string) => Promise<Actor>, orgCode: (org: string) => string): Promise<number> {
  for (const r of JUNE_2016) {
    const by = await sender(r.org);
    const summary = `${r.title}：详实数据、具体案例、鲜明观点和措施建议。`;
    const file = { name: `${r.title}.docx`, content: await reportDocx(r.title, orgCode(r.org), summary) };
    const sent = await uploadReport(db, by, String(campaignId), { title: r.title, summary }, file, { at: chinaTime(r.on, 16) });
    if (!r.decision) continue;
    await decideReport(db, city, String(sent.id), { decision: r.decision, opinion: r.opinion }, { at: chinaTime(addDays(r.on, 1), 10) });
    if (r.again) {
      const again = { name: `${r.title}（修改稿）.docx`, content: await reportDocx(`${r.title}（修改稿）`, orgCode(r.org), `${summary}已补充典型案例。`) };
      await replaceReport(db, by, String(sent.id), { title: `${r.title}（修改稿）`, summary: `${summary}已补充典型案例。` }, again, { at: chinaTime(r.again, 16) });
      await decideReport(db, city, String(sent.id), { decision: 'accept' }, { at: chinaTime(addDays(r.again, 1), 10) });
    }
  }
  return JUNE_2016.length;
}
