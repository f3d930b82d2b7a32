// The "done when": a city-union cadre (市总工会) files a household on the survey form with
// every field of the paper filled in, sees it with its assigned 职工编号 (a 草稿 until it is
// submitted for review), finds it in the list (identity number masked), edits phone and income,
// and the history shows version 2 with the old → new values.
//
// A city user, not admin: identity and phone numbers are shown in full only to the city, region
// and unit unions (the admin sees them masked, checked at the end).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { makeIdNumber, maskedId, uniqueName } from '../lib/data.js';
import { addMember, checkCause, fid, formReady, mid, setDate, setDibao, setSwitch, typeAutoComplete, typeNumber, type MemberRow } from '../lib/form.js';
import {
  cellText,
  chooseOption,
  compactText,
  eventually,
  loginViaForm,
  nextListResponse,
  selectedOf,
  tableRows,
  textOf,
  typeInto,
  valueOf,
  visible,
} from '../lib/ui.js';

const WORKER_NO = /^H04\d{5}$/;

let admin: Api;
let cadre: { username: string; password: string; displayName: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  cadre = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
});

afterAll(async () => {
  await admin?.dispose();
});

test('建档: every field of the survey form → detail → list search → edit → history v2', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  const name = uniqueName('建');
  const idNumber = makeIdNumber('女', '19720815');
  const spouseId = makeIdNumber('男', '19700303');
  const childId = makeIdNumber('女', '20050611');
  const phone = '13907245678';
  const newPhone = '0724-2360130';
  const fillDate = '2025-03-15';

  // ---- log in, 新建档案 ----------------------------------------------------------------------
  await loginViaForm(page, baseUrl, cadre.username, cadre.password);
  await page.locator('#household-new').click();
  await page.waitForURL((u) => u.pathname === '/households/new');
  await formReady(page);
  expect(await textOf(page.locator(`#${fid('workerNo')}`))).toBe('保存后自动生成');

  // ---- 一、职工及家庭成员基本情况 -------------------------------------------------------------
  await setDate(page, fid('fillDate'), fillDate);
  await chooseOption(page, fid('regionCode'), '东宝');
  await chooseOption(page, fid('category'), '低保边缘户');
  await chooseOption(page, fid('modelWorker'), '地市级劳模');
  await typeInto(page, fid('name'), name);
  await chooseOption(page, fid('gender'), '女');
  await chooseOption(page, fid('ethnicity'), '土家族', { search: true });
  await typeInto(page, fid('idNumber'), idNumber);
  await chooseOption(page, fid('education'), '大学专科');
  await chooseOption(page, fid('politicalStatus'), '中共党员');
  await typeInto(page, fid('skillLevel'), '车工四级');
  await typeInto(page, fid('address'), '荆门市东宝区龙泉街道月亮湖路8号');
  await typeInto(page, fid('phone'), phone);
  await typeInto(page, fid('employer'), '荆门市东宝区某纺织厂');
  await chooseOption(page, fid('maritalStatus'), '已婚');
  await typeAutoComplete(page, fid('health'), '糖尿病');
  await chooseOption(page, fid('unitNature'), '非公企业');
  await typeNumber(page, fid('serviceYears'), '22');
  await chooseOption(page, fid('medicalInsurance'), '职工医保');
  await chooseOption(page, fid('disabilityGrade'), '四级');
  await chooseOption(page, fid('enterpriseStatus'), '停产');
  await chooseOption(page, fid('workStatus'), '病休');
  await setDibao(page, true);
  await typeInto(page, fid('ownAnnualIncome'), '4800');
  await typeInto(page, fid('householdAnnualIncome'), '24300');
  await typeNumber(page, fid('householdSize'), '3');
  await typeInto(page, fid('householdAnnualExpense'), '30000');
  await typeInto(page, fid('medicalExpense'), '5200.5');
  await typeInto(page, fid('tuitionExpense'), '3000');
  await typeInto(page, fid('accidentExpense'), '1200');
  await setSwitch(page, fid('lostWorkCapacity'), true);
  await setSwitch(page, fid('rightsInfringed'), true);
  await setSwitch(page, fid('wantsToStartBusiness'), true);
  await typeInto(page, fid('otherHardship'), '住房为危房，需维修');

  // money is written out with two decimals on leaving the field; 人均 is derived live
  expect(await valueOf(page, fid('medicalExpense'))).toBe('5200.50');
  await eventually(() => compactText(page.locator(`#${fid('perCapitaIncome')}`))).toBe('8,100.00元');

  // ---- 家庭成员 -------------------------------------------------------------------------------
  const members: MemberRow[] = [
    { name: '刘建军', relation: '配偶', gender: '男', education: '高中', idNumber: spouseId, health: '高血压病', disabilityGrade: '无', annualIncome: '15000', occupation: '灵活就业', unitOrSchool: '个体运输', skillLevel: '驾驶员三级' },
    { name: '刘小雨', relation: '女', gender: '女', education: '大学本科', idNumber: childId, health: '良好', disabilityGrade: '二级', annualIncome: '0', occupation: '非义务教育在校', unitOrSchool: '湖北某大学', skillLevel: '无' },
  ];
  await addMember(page, 0, members[0]);
  await addMember(page, 1, members[1]);
  expect(await valueOf(page, mid(0, 'annualIncome'))).toBe('15000.00');
  expect(await selectedOf(page, mid(1, 'disabilityGrade'))).toBe('二级');

  // ---- 二、致困原因 / 三、帮扶需求及措施 ---------------------------------------------------------
  await checkCause(page, '因病致困');
  await checkCause(page, '子女上学致困');
  await checkCause(page, '其它');
  await typeInto(page, fid('causeDescription'), '房屋受损，维修费用高');
  await typeInto(page, fid('needs'), '希望解决女儿学费');
  await typeInto(page, fid('measures'), '纳入金秋助学，协助申请医疗救助');

  // ---- 保存 ----------------------------------------------------------------------------------
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/households' && r.request().method() === 'POST');
  await page.locator('#household-save').click();
  const res = await created;
  expect(res.status(), await res.text()).toBe(201);
  const saved = (await res.json()) as { id: number; workerNo: string };
  expect(saved.workerNo).toMatch(WORKER_NO);
  await page.waitForURL((u) => u.pathname === `/households/${saved.id}`);

  // ---- detail: the assigned 职工编号 and every value as filed ---------------------------------
  const workerNo = await textOf(await visible(page.locator('#household-view-workerNo')));
  expect(workerNo).toBe(saved.workerNo);
  // a new file is a draft until it is submitted for review
  expect(await page.locator('.household-detail .page-header [data-status]').getAttribute('data-status')).toBe('draft');
  await visible(page.locator('#household-submit'));
  const cell = (field: string) => textOf(page.locator(`.household-detail .sheet-value[data-field="${field}"]`));
  const expected: Record<string, string> = {
    fillDate,
    regionCode: '东宝（H04）',
    category: '低保边缘户',
    modelWorker: '地市级劳模',
    name,
    gender: '女',
    ethnicity: '土家族',
    idNumber, // the detail shows the full number
    education: '大学专科',
    politicalStatus: '中共党员',
    skillLevel: '车工四级',
    address: '荆门市东宝区龙泉街道月亮湖路8号',
    phone,
    employer: '荆门市东宝区某纺织厂',
    maritalStatus: '已婚',
    health: '糖尿病',
    unitNature: '非公企业',
    serviceYears: '22 年',
    medicalInsurance: '职工医保',
    disabilityGrade: '四级',
    enterpriseStatus: '停产',
    workStatus: '病休',
    receivesDibao: '是',
    ownAnnualIncome: '4,800.00 元',
    householdAnnualIncome: '24,300.00 元',
    householdSize: '3 人',
    perCapitaIncome: '8,100.00 元',
    householdAnnualExpense: '30,000.00 元',
    medicalExpense: '5,200.50 元',
    tuitionExpense: '3,000.00 元',
    accidentExpense: '1,200.00 元',
    lostWorkCapacity: '是',
    rightsInfringed: '是',
    wantsToStartBusiness: '是',
    otherHardship: '住房为危房，需维修',
    causeDescription: '房屋受损，维修费用高',
    needs: '希望解决女儿学费',
    measures: '纳入金秋助学，协助申请医疗救助',
  };
  const shown: Record<string, string> = {};
  for (const field of Object.keys(expected)) shown[field] = await cell(field);
  expect(shown).toEqual(expected);
  const checkedCauses = (await page.locator('.household-detail .cause-box.on').allInnerTexts()).map((t) => t.replace(/[☑\s]|（已选）/g, ''));
  expect(checkedCauses).toEqual(['因病致困', '子女上学致困', '其它']);

  const memberRows = page.locator('.household-detail .sheet-members-view tbody tr');
  expect(await memberRows.count()).toBe(2);
  // columns: 序号, 姓名, 关系, 性别, 文化程度, 身份证号, 健康状况, 残疾等级, 年收入, 就业（学）状况, 单位或学校, 技术职称等级
  const rowText = async (i: number) => (await memberRows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
  expect(await rowText(0)).toEqual(['1', '刘建军', '配偶', '男', '高中', spouseId, '高血压病', '无', '15,000.00', '灵活就业', '个体运输', '驾驶员三级']);
  expect(await rowText(1)).toEqual(['2', '刘小雨', '女', '女', '大学本科', childId, '良好', '二级', '0.00', '非义务教育在校', '湖北某大学', '无']);

  // history: version 1 (新建) only, so far
  await visible(page.locator('#household-history [data-version="1"]'));
  expect(await page.locator('#household-history [data-version]').count()).toBe(1);

  // ---- list: search by name; identity number masked ------------------------------------------
  await page.goto(`${baseUrl}/households`);
  await visible(page.locator('[data-testid=list-total]'));
  await page.locator('#householdFilter_q').fill(name);
  const searched = nextListResponse(page);
  await page.locator('#householdFilter_submit').click();
  await searched;
  await eventually(() => tableRows(page).count()).toBe(1);
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe('共 1 户');
  const row = tableRows(page).first();
  expect(await cellText(page, row, '职工编号')).toBe(workerNo);
  expect(await cellText(page, row, '姓名')).toBe(name);
  expect(await cellText(page, row, '地区')).toBe('东宝');
  const shownId = await cellText(page, row, '身份证号');
  expect(shownId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  expect(shownId).toBe(maskedId(idNumber));
  expect(await textOf(page.locator('#household-table'))).not.toContain(idNumber);

  // ---- edit: phone and income ----------------------------------------------------------------
  await row.getByRole('link', { name: workerNo }).click();
  await page.waitForURL((u) => u.pathname === `/households/${saved.id}`);
  await page.locator('#household-edit').click();
  await page.waitForURL((u) => u.pathname === `/households/${saved.id}/edit`);
  await formReady(page);
  await eventually(() => valueOf(page, fid('phone'))).toBe(phone);
  expect(await textOf(page.locator(`#${fid('workerNo')}`))).toBe(workerNo);
  await typeInto(page, fid('phone'), newPhone);
  await typeInto(page, fid('householdAnnualIncome'), '27000');
  await eventually(() => compactText(page.locator(`#${fid('perCapitaIncome')}`))).toBe('9,000.00元');

  const updated = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${saved.id}` && r.request().method() === 'PUT');
  await page.locator('#household-save').click();
  const putRes = await updated;
  expect(putRes.status(), await putRes.text()).toBe(200);
  await page.waitForURL((u) => u.pathname === `/households/${saved.id}`);

  // ---- detail shows the new values; history has version 2 with old → new -----------------------
  await eventually(() => cell('phone')).toBe(newPhone);
  expect(await cell('householdAnnualIncome')).toBe('27,000.00 元');
  expect(await cell('perCapitaIncome')).toBe('9,000.00 元');
  expect(await textOf(page.locator('#household-view-workerNo'))).toBe(workerNo);

  const v2 = await visible(page.locator('#household-history [data-version="2"]'));
  const v2Text = await textOf(v2);
  expect(v2Text).toContain('第 2 版');
  expect(v2Text).toContain(`联系电话：${phone} → ${newPhone}`);
  expect(v2Text).toContain('家庭年度总收入：24,300.00 元 → 27,000.00 元');
  // nothing else was changed by the edit (the derived per-capita income may be listed too)
  const changed = (await v2.locator('.history-field').allInnerTexts()).map((t) => t.trim());
  expect(changed.filter((f) => f !== '家庭年人均收入').sort()).toEqual(['家庭年度总收入', '联系电话'].sort());
  expect(await page.locator('#household-history [data-version]').count()).toBe(2);

  // ---- the admin sees the same file with identity and phone numbers masked ---------------------------
  const asAdmin = await admin.getHousehold(saved.id);
  expect({ idNumber: asAdmin.idNumber, phone: asAdmin.phone, spouse: (asAdmin.members as { idNumber: string }[])[0].idNumber }).toEqual({
    idNumber: maskedId(idNumber),
    phone: '0724-***0130', // newPhone 0724-2360130
    spouse: maskedId(spouseId),
  });
});
