// The survey form refuses a bad file: after ONE click on 保存 every problem is shown at once,
// each in Chinese beside its own field (member problems in that member's cell), and nothing is
// sent to the server or created.
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { badCheckIdNumber, makeIdNumber, uniqueName } from '../lib/data.js';
import { addMember, checkCause, fid, formReady, mid, setDibao, typeNumber } from '../lib/form.js';
import { chooseOption, eventually, fieldError, gone, hasError, listTotal, textOf, typeInto, visible } from '../lib/ui.js';

test('one save attempt shows every error beside its field; nothing is created', async ({ page, baseUrl }) => {
  const api = await Api.loginInPage(page, baseUrl);
  const name = uniqueName('验');

  // the list's total before
  await page.goto(`${baseUrl}/households`);
  const totalBefore = await listTotal(page);

  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/households')) posts.push(`${r.method()} ${r.url()}`);
  });

  await page.locator('#household-new').click();
  await formReady(page);

  // A file that is complete and right except for:
  //   1. the worker's identity number (wrong check character)
  //   2. 文化程度 never chosen (missing selection)
  //   3. 家庭住址 left empty (missing required text)
  //   4. member 1's identity number (wrong check character)
  //   5. member 2's 性别 contradicting their identity number (wrong selection)
  await chooseOption(page, fid('regionCode'), '东宝');
  await chooseOption(page, fid('category'), '低保户');
  await typeInto(page, fid('name'), name);
  await chooseOption(page, fid('gender'), '男');
  await chooseOption(page, fid('ethnicity'), '汉族', { search: true });
  await typeInto(page, fid('idNumber'), badCheckIdNumber('男'));
  await chooseOption(page, fid('politicalStatus'), '群众');
  await typeInto(page, fid('phone'), '13907240001');
  await typeInto(page, fid('employer'), '荆门市某机械厂');
  await chooseOption(page, fid('maritalStatus'), '已婚');
  await typeInto(page, fid('health'), '良好');
  await chooseOption(page, fid('unitNature'), '国有企业');
  await typeNumber(page, fid('serviceYears'), '25');
  await chooseOption(page, fid('medicalInsurance'), '职工医保');
  await chooseOption(page, fid('disabilityGrade'), '无');
  await chooseOption(page, fid('enterpriseStatus'), '正常');
  await chooseOption(page, fid('workStatus'), '在岗');
  await setDibao(page, false);
  await typeInto(page, fid('ownAnnualIncome'), '6000');
  await typeInto(page, fid('householdAnnualIncome'), '18000');
  await typeNumber(page, fid('householdSize'), '3');
  await typeInto(page, fid('householdAnnualExpense'), '20000');
  await addMember(page, 0, {
    name: '李秀兰', relation: '配偶', gender: '女', education: '初中', idNumber: badCheckIdNumber('女'),
    health: '良好', disabilityGrade: '无', annualIncome: '12000', occupation: '灵活就业',
  });
  await addMember(page, 1, {
    name: '王磊', relation: '子', gender: '女', education: '初中', idNumber: makeIdNumber('男', '20020918'),
    health: '良好', disabilityGrade: '无', annualIncome: '0', occupation: '义务教育在校',
  });
  await checkCause(page, '因未就业致困');

  // a third row added by mistake and deleted again (left in, its empty cells would be errors too)
  await page.locator('#household-members-add').click();
  await visible(page.locator(`#${mid(2, 'name')}`));
  await page.locator(`#${mid(2, 'remove')}`).click();
  await page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name: /删\s*除/ }).click();
  await gone(page.locator(`#${mid(2, 'name')}`));
  expect(await page.locator('tr[data-member-index]').count()).toBe(2);

  // before 保存, untouched fields are not judged: no error on 文化程度 / 家庭住址 yet
  expect(await hasError(page, fid('education'))).toBe(false);
  expect(await hasError(page, fid('address'))).toBe(false);

  await page.locator('#household-save').click();

  await eventually(() => page.locator('.hh-form .ant-form-item-has-error').count(), 'fields marked as wrong').toBe(5);
  const errors = {
    idNumber: await fieldError(page, fid('idNumber')),
    education: await fieldError(page, fid('education')),
    address: await fieldError(page, fid('address')),
    member0IdNumber: await fieldError(page, mid(0, 'idNumber')),
    member1Gender: await fieldError(page, mid(1, 'gender')),
  };
  expect(errors).toEqual({
    idNumber: '身份证号校验位不正确，请核对号码',
    education: '请选择文化程度',
    address: '请填写家庭住址',
    member0IdNumber: '身份证号校验位不正确，请核对号码',
    member1Gender: '性别与身份证号不符（身份证号显示为男）',
  });
  // the member's error sits in that member's own row and cell, not in the other member's
  const row0 = page.locator('tr[data-member-index="0"]');
  expect(await textOf(row0.locator('td:has(#household_members_0_idNumber) .ant-form-item-explain-error'))).toContain('校验位不正确');
  expect(await hasError(page, mid(1, 'idNumber'))).toBe(false);
  expect(await hasError(page, mid(0, 'gender'))).toBe(false);
  // fields that were right carry no error
  for (const f of ['name', 'gender', 'phone', 'regionCode', 'householdSize']) expect(await hasError(page, fid(f)), f).toBe(false);
  expect(await textOf(page.locator('.form-footer-status'))).toContain('有 5 处需要修改');

  // still on the form, nothing sent, nothing created
  expect(new URL(page.url()).pathname).toBe('/households/new');
  expect(await textOf(page.locator(`#${fid('workerNo')}`))).toBe('保存后自动生成');
  expect(posts).toEqual([]);
  // the list, in a second tab (leaving the form would meet its unsaved-changes guard)
  const listTab = await page.context().newPage();
  await listTab.goto(`${baseUrl}/households`);
  expect(await listTotal(listTab)).toBe(totalBefore);
  expect((await api.listHouseholds({ q: name })).total).toBe(0); // in no status at all
  await listTab.close();
});
