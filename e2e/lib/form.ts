// Driving the household survey form (/households/new, /households/:id/edit): antd Form
// name="household", so every control has the id household_<field> (members:
// household_members_<i>_<field>).
import type { Page } from 'playwright-core';
import { chooseOption, typeInto, visible } from './ui.js';

export const fid = (field: string) => `household_${field}`;
export const mid = (i: number, field: string) => `household_members_${i}_${field}`;

/** The fields of the worker that are antd Selects (the ids take household_ prefixes). */
export const WORKER_SELECTS = [
  'regionCode', 'category', 'modelWorker', 'gender', 'ethnicity', 'education', 'politicalStatus', 'maritalStatus',
  'unitNature', 'medicalInsurance', 'disabilityGrade', 'enterpriseStatus', 'workStatus',
] as const;
export const MEMBER_SELECTS = ['relation', 'gender', 'education', 'disabilityGrade', 'occupation'] as const;

/** Waits until the form has rendered (new or loaded for editing). */
export async function formReady(page: Page): Promise<void> {
  await visible(page.locator(`#${fid('name')}`));
  await visible(page.locator('#household-save'));
}

/** Types a date into the antd DatePicker and confirms it with Enter. */
export async function setDate(page: Page, id: string, date: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await input.blur();
}

/** An AutoComplete (健康状况): type the text and leave the field. */
export async function typeAutoComplete(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.scrollIntoViewIfNeeded();
  await input.fill(value);
  await input.blur();
}

/** An InputNumber (工龄, 家庭人口). */
export const typeNumber = typeInto;

/** A 是/否 Switch: clicks it until aria-checked says `on`. */
export async function setSwitch(page: Page, id: string, on: boolean): Promise<void> {
  const sw = page.locator(`#${id}`);
  if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
  await page.locator(`#${id}[aria-checked="${on}"]`).waitFor({ timeout: 5000 });
}

/** Checks one box of 致困原因 by its label (因病致困, 其它 …). */
export async function checkCause(page: Page, label: string): Promise<void> {
  const box = page.locator(`#${fid('causes')} label.ant-checkbox-wrapper`, { hasText: label });
  await box.click();
  await box.locator('.ant-checkbox-checked').waitFor({ timeout: 5000 });
}

/** 是否享受低保: clicks the radio 是 or 否. */
export async function setDibao(page: Page, yes: boolean): Promise<void> {
  const radio = page.locator(`#${fid('receivesDibao')} label.ant-radio-wrapper`, { hasText: yes ? '是' : '否' });
  await radio.click();
  await radio.locator('.ant-radio-checked').waitFor({ timeout: 5000 });
}

export interface MemberRow {
  name: string;
  relation: string;
  gender: string;
  education: string;
  idNumber?: string;
  health: string;
  disabilityGrade: string;
  annualIncome: string;
  occupation: string;
  unitOrSchool?: string;
  skillLevel?: string;
}

/** Adds a member row with 添加成员 and fills every column given. Returns its index. */
export async function addMember(page: Page, index: number, m: MemberRow): Promise<void> {
  await page.locator('#household-members-add').click();
  await visible(page.locator(`#${mid(index, 'name')}`));
  await fillMember(page, index, m);
}

export async function fillMember(page: Page, i: number, m: MemberRow): Promise<void> {
  await typeInto(page, mid(i, 'name'), m.name);
  await chooseOption(page, mid(i, 'relation'), m.relation);
  await chooseOption(page, mid(i, 'gender'), m.gender);
  await chooseOption(page, mid(i, 'education'), m.education);
  if (m.idNumber !== undefined) await typeInto(page, mid(i, 'idNumber'), m.idNumber);
  await typeAutoComplete(page, mid(i, 'health'), m.health);
  await chooseOption(page, mid(i, 'disabilityGrade'), m.disabilityGrade);
  await typeInto(page, mid(i, 'annualIncome'), m.annualIncome);
  await chooseOption(page, mid(i, 'occupation'), m.occupation);
  if (m.unitOrSchool !== undefined) await typeInto(page, mid(i, 'unitOrSchool'), m.unitOrSchool);
  if (m.skillLevel !== undefined) await typeInto(page, mid(i, 'skillLevel'), m.skillLevel);
}

export interface BasicFile {
  name: string;
  /** the worker's identity number; its gender digit must match `gender` */
  idNumber: string;
  gender: '男' | '女';
  phone: string;
  /** 家庭年度总收入, yuan */
  householdAnnualIncome: string;
  spouse: { name: string; idNumber: string; gender: '男' | '女' };
}

/**
 * Fills every required field of a new file (the worker, a spouse, one cause); 所属地区 / 基层工会
 * and 填报日期 are left as the form set them. Two people; the values are plain and valid.
 */
export async function fillBasicFile(page: Page, f: BasicFile): Promise<void> {
  await chooseOption(page, fid('category'), '低保户');
  await typeInto(page, fid('name'), f.name);
  await chooseOption(page, fid('gender'), f.gender);
  await chooseOption(page, fid('ethnicity'), '汉族', { search: true });
  await typeInto(page, fid('idNumber'), f.idNumber);
  await chooseOption(page, fid('education'), '高中');
  await chooseOption(page, fid('politicalStatus'), '群众');
  await typeInto(page, fid('address'), '荆门市京山市新市镇轻机大道18号');
  await typeInto(page, fid('phone'), f.phone);
  await typeInto(page, fid('employer'), '京山市某轻工机械厂');
  await chooseOption(page, fid('maritalStatus'), '已婚');
  await typeAutoComplete(page, fid('health'), '良好');
  await chooseOption(page, fid('unitNature'), '国有企业');
  await typeNumber(page, fid('serviceYears'), '18');
  await chooseOption(page, fid('medicalInsurance'), '职工医保');
  await chooseOption(page, fid('disabilityGrade'), '无');
  await chooseOption(page, fid('enterpriseStatus'), '半停产');
  await chooseOption(page, fid('workStatus'), '下（待）岗');
  await setDibao(page, false);
  await typeInto(page, fid('ownAnnualIncome'), '3000');
  await typeInto(page, fid('householdAnnualIncome'), f.householdAnnualIncome);
  await typeNumber(page, fid('householdSize'), '2');
  await typeInto(page, fid('householdAnnualExpense'), '15000');
  await addMember(page, 0, {
    name: f.spouse.name, relation: '配偶', gender: f.spouse.gender, education: '初中', idNumber: f.spouse.idNumber,
    health: '良好', disabilityGrade: '无', annualIncome: '6000', occupation: '灵活就业',
  });
  await checkCause(page, '因未就业致困');
}
