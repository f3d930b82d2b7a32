// The household workbook: the import template (headers, drop-downs, one example row) and the
// export of a filtered list in exactly the template's layout, so an export re-imports unchanged.
// The export walks the files by worker number in pages, twice (职工, then 家庭成员), so memory
// stays flat for a million households.
import {
  EXAMPLE_MARKER, householdToWorkerRow, LIVE_STATUSES, MASKED_MARKER, maskIdNumber, maskPhone, MEMBER_COLUMNS, MEMBER_SHEET, memberToRow, todayInChina,
  WORKER_COLUMNS, WORKER_SHEET, type HouseholdData, type OutCell,
  nowInChinaText,
} from '@bangfu/core';
import type { Db } from '../../db/index.js';
import type { Actor } from '../access/actor.js';
import { seesFullIdentity, seesFullPhone } from '../access/scope.js';
import { auditNow } from '../audit/audit.repository.js';
import { exportPages, type HouseholdFilter } from '../households/households.queries.js';
import { parseListFilter } from '../households/households.service.js';
import { addValidations, dictionaryLayout, drainSheet, FIRST_DATA_ROW, openWorkbook, startSheet, writeDictionary, writeRow } from './workbook.layout.js';

const PAGE = 1000;
/** Drop-downs reach this far below the last row, for rows a user adds by hand. */
const SPARE_ROWS = 2000;

/** The export takes the list's filters (without paging and sort). */
export function parseExportFilter(query: unknown): HouseholdFilter {
  return parseListFilter(query);
}

const EXAMPLE_ID = '11010519491231002X';

/** The template's example row: a plausible household, marked 示例 so that the importer skips it. */
function exampleRows(): { worker: OutCell[]; member: OutCell[] } {
  const values: Record<string, OutCell> = {
    workerNo: EXAMPLE_MARKER, regionCode: 'H01', unitId: null, fillDate: todayInChina(), category: '低保边缘户', modelWorker: null, name: '张秀英', gender: '女',
    ethnicity: '汉族', idNumber: EXAMPLE_ID, education: '初中', politicalStatus: '群众', skillLevel: '挡车工三级', address: '荆门市京山县新市镇示例路1号',
    phone: '0724-2360130', employer: '京山某纺织厂', maritalStatus: '丧偶', health: '糖尿病', unitNature: '非公企业', serviceYears: 20, medicalInsurance: '职工医保',
    disabilityGrade: '无', enterpriseStatus: '半停产', workStatus: '在岗', receivesDibao: '否', ownAnnualIncome: 9600, householdAnnualIncome: 15600,
    householdSize: 2, perCapitaIncome: 7800, householdAnnualExpense: 21000, medicalExpense: 6000, tuitionExpense: 0, accidentExpense: 0,
    lostWorkCapacity: '否', otherHardship: null, rightsInfringed: '否', wantsToStartBusiness: '否', causes: '因病', causeDescription: '本人患糖尿病，常年服药',
    needs: '医疗救助', measures: '申请医疗互助',
  };
  const member: Record<string, OutCell> = {
    workerIdNumber: EXAMPLE_ID, name: '李明', relation: '子', gender: '男', education: '大学专科', idNumber: null, health: '良好', disabilityGrade: '无',
    annualIncome: 6000, occupation: '灵活就业', unitOrSchool: null, skillLevel: null,
  };
  return { worker: WORKER_COLUMNS.map((c) => values[c.key] ?? null), member: MEMBER_COLUMNS.map((c) => member[c.key] ?? null) };
}

const dict = dictionaryLayout([WORKER_COLUMNS, MEMBER_COLUMNS]);

export async function writeTemplate(filename: string): Promise<void> {
  const wb = openWorkbook(filename);
  const ex = exampleRows();
  const w = startSheet(wb, WORKER_SHEET, WORKER_COLUMNS, `困难职工档案导入模板：第2行为表头（红色为必填），从第3行起每行一户，金额单位为元；第3行为示例（职工编号填“${EXAMPLE_MARKER}”的行导入时跳过），可删除`, { notes: true });
  writeRow(w, FIRST_DATA_ROW, ex.worker);
  addValidations(w, WORKER_COLUMNS, dict.refOf, FIRST_DATA_ROW + SPARE_ROWS);
  w.commit();
  const m = startSheet(wb, MEMBER_SHEET, MEMBER_COLUMNS, '家庭成员：每行一人，“职工身份证号”填该成员所属职工的身份证号（与“职工”表一致）；职工本人不要填在这里', { notes: true });
  writeRow(m, FIRST_DATA_ROW, ex.member);
  addValidations(m, MEMBER_COLUMNS, dict.refOf, FIRST_DATA_ROW + SPARE_ROWS);
  m.commit();
  writeDictionary(wb, dict.lists);
  await wb.commit();
}

const filePages = (db: Db, actor: Actor, filter: HouseholdFilter) => exportPages(db, actor, filter, PAGE) as AsyncIterable<(HouseholdData & { workerNo: string })[]>;

export interface ExportResult {
  households: number;
  members: number;
  masked: boolean;
}

/** Writes the filtered list to `filename`; identity numbers and phones as the role may see them. Audited. */
export async function exportHouseholds(db: Db, actor: Actor, filter: HouseholdFilter, filename: string): Promise<ExportResult> {
  const result = await writeFilesWorkbook(filename, actor, () => filePages(db, actor, filter),
    (stamp) => `困难职工档案${filter.status ? '' : '（在册档案，不含已剔除、已脱困）'}，与导入模板格式相同，可修改后重新导入 · ${stamp}`);
  await auditNow(db, actor, 'household.export', 'household', null, { filter, ...result });
  return result;
}

/**
 * Files in the template's layout, read page by page from `pages` (called twice: 职工, then 家庭成员);
 * identity numbers and phones as the role may see them. `title` is row 1 of an unmasked workbook.
 */
export async function writeFilesWorkbook(
  filename: string, actor: Actor, pages: () => AsyncIterable<(HouseholdData & { workerNo: string })[]>, title: (stamp: string) => string,
): Promise<ExportResult> {
  const fullId = seesFullIdentity(actor);
  const fullPhone = seesFullPhone(actor);
  const masked = !fullId || !fullPhone;
  const mask = { idNumber: fullId ? undefined : maskIdNumber, phone: fullPhone ? undefined : maskPhone };
  // people read times in Beijing time (UTC+8, no daylight saving)
  const stamp = `导出时间 ${nowInChinaText()}（北京时间） · 导出人 ${actor.displayName}`;
  const wb = openWorkbook(filename);
  const w = startSheet(wb, WORKER_SHEET, WORKER_COLUMNS, masked
    ? `${MASKED_MARKER}本表身份证号${fullPhone ? '' : '、联系电话'}已隐去，仅供查阅，不能用于导入 · ${stamp}`
    : title(stamp), { notes: false });
  let rowNo = FIRST_DATA_ROW;
  let households = 0;
  for await (const page of pages()) {
    for (const h of page) {
      writeRow(w, rowNo++, householdToWorkerRow(h, mask));
      households++;
    }
    await drainSheet(w);
  }
  addValidations(w, WORKER_COLUMNS, dict.refOf, rowNo + SPARE_ROWS);
  w.commit();
  const m = startSheet(wb, MEMBER_SHEET, MEMBER_COLUMNS, masked ? `${MASKED_MARKER}本表身份证号已隐去，不能用于导入` : '家庭成员：“职工身份证号”对应“职工”表中的身份证号', { notes: false });
  let memberRow = FIRST_DATA_ROW;
  for await (const page of pages()) {
    for (const h of page) for (const mem of h.members) writeRow(m, memberRow++, memberToRow(h.idNumber, mem, { idNumber: mask.idNumber }));
    await drainSheet(m);
  }
  addValidations(m, MEMBER_COLUMNS, dict.refOf, memberRow + SPARE_ROWS);
  m.commit();
  writeDictionary(wb, dict.lists);
  await wb.commit();
  return { households, members: memberRow - FIRST_DATA_ROW, masked };
}
