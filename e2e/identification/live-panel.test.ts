// 新建档案: the 识别结果 panel beside the form decides as the cadre types, from the line of the
// form's region and fill-date year (identification.md). Every expected figure below is worked
// out by hand from the spec's arithmetic, not taken from the app.
//
// 沙洋 (H02) 2015: monthly line 520 元 → A = 12 × 520 = 6,240 元 a person a year.
// Household of N = 3: A·N = 18,720; 130% of it = 24,336.
//   T = 15,000     → 15,000 < 18,720: 条件一, 低保户;           P = 5,000.00;  P/A = 0.80128 → 80.13%
//   T = 20,000     → band 18,720 ≤ T ≤ 24,336, healthy: no C2;  P = 6,666.67;  P/A = 1.06838 → 106.84%
//     + 健康状况 高血压病 (患病)  → 条件二, 低保边缘户
//   T = 24,336     → exactly 130%: still 条件二 (both ends inclusive); P = 8,112.00; 130.00%
//   T = 24,336.01  → above 130% by one fen: 不符合, although P still reads 8,112.00
// 沙洋 2013 has no line: 无法判定.
import { beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { fid, formReady, setDate, setDibao, typeAutoComplete, typeNumber } from '../lib/form.js';
import { panelPart, panelSummary } from '../lib/identification.js';
import { chooseOption, compactText, eventually, loginViaForm, textOf, typeInto, visible } from '../lib/ui.js';

const REGION = 'H02';
const REGION_NAME = '沙洋';
const YEAR = 2015;
const NO_LINE_YEAR = 2013;

beforeAll(async () => {
  const admin = await Api.login(inject('baseUrl'));
  try {
    await admin.setPolicyLines([{ regionCode: REGION, year: YEAR, monthlyLine: 520 }], 'e2e live-panel: 沙洋 2015');
    const policy = await admin.getPolicy();
    expect(policy.lines.find((l) => l.regionCode === REGION && l.year === YEAR)?.monthlyLine).toBe(520);
    expect(policy.lines.find((l) => l.regionCode === REGION && l.year === NO_LINE_YEAR), '沙洋 2013 must have no line').toBeUndefined();
    expect(policy.marginalRatio).toBe('1.3');
  } finally {
    await admin.dispose();
  }
});

test('新建档案: the live panel follows income, size, health, region and year', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl);
  await page.locator('#household-new').click();
  await page.waitForURL((u) => u.pathname === '/households/new');
  await formReady(page);

  // nothing to decide yet: the panel asks for region, date, income and size
  const incomplete = await visible(panelPart(page, 'identification-incomplete'));
  expect(await textOf(incomplete)).toContain('请填写所属地区、填报日期、家庭年度总收入和家庭人口');

  await setDate(page, fid('fillDate'), `${YEAR}-06-20`);
  await chooseOption(page, fid('regionCode'), REGION_NAME);
  await typeInto(page, fid('householdAnnualIncome'), '15000');
  await typeNumber(page, fid('householdSize'), '3');

  // ---- T = 15,000, N = 3: below the line → 条件一, 低保户 -------------------------------------------
  await eventually(() => panelSummary(page)).toEqual({
    eligible: '符合',
    category: '低保户',
    conditions: ['C1'],
    perCapita: '5,000.00 元',
    line: '6,240.00 元（每月 520 元）',
    ratio: '80.13%',
    flags: [],
    explanation: '家庭年人均收入 5,000.00 元，低于当地年低保标准 6,240.00 元（每月 520 元），符合条件一，建议困难类别：低保户。',
  });
  expect(await panelPart(page, 'identification-incomplete').count()).toBe(0);
  // the form's own 人均 agrees
  expect(await compactText(page.locator(`#${fid('perCapitaIncome')}`))).toBe('5,000.00元');

  // 是否享受低保 = 否 while 条件一 holds → 应保未保
  await setDibao(page, false);
  await eventually(() => panelSummary(page).then((s) => s.flags)).toEqual(['dibaoNotReceived']);
  expect(await textOf(panelPart(page, 'identification-explanation'))).toContain('该户符合低保条件但未享受低保（应保未保），请协助申请。');
  await setDibao(page, true);
  await eventually(() => panelSummary(page).then((s) => s.flags)).toEqual([]);

  // ---- T = 20,000: inside 100–130% but nobody ill → no condition -----------------------------------
  await typeInto(page, fid('householdAnnualIncome'), '20000');
  await eventually(() => panelSummary(page)).toMatchObject({
    eligible: '不符合',
    category: '无',
    conditions: [],
    perCapita: '6,666.67 元',
    ratio: '106.84%',
  });
  expect(await textOf(panelPart(page, 'identification-explanation'))).toContain(
    '家庭年人均收入 6,666.67 元，不低于当地年低保标准 6,240.00 元（每月 520 元），且不超过其 130%（8,112.00 元），但无患病、上学、残疾、单亲或其他特殊困难，不符合条件二',
  );

  // ---- the worker is ill (健康状况 高血压病) → 条件二, 低保边缘户 ------------------------------------------
  await typeAutoComplete(page, fid('health'), '高血压病');
  await eventually(() => panelSummary(page)).toEqual({
    eligible: '符合',
    category: '低保边缘户',
    conditions: ['C2'],
    perCapita: '6,666.67 元',
    line: '6,240.00 元（每月 520 元）',
    ratio: '106.84%',
    flags: ['dibaoAboveLine'], // 享受低保 = 是, but the income is not below the line
    explanation:
      '家庭年人均收入 6,666.67 元，不低于当地年低保标准 6,240.00 元（每月 520 元），且不超过其 130%（8,112.00 元），有特殊困难（患病），符合条件二，建议困难类别：低保边缘户。' +
      '该户享受低保，但家庭年人均收入不低于当地低保标准，请核实低保资格。',
  });
  await setDibao(page, false);
  await eventually(() => panelSummary(page).then((s) => s.flags)).toEqual([]);

  // ---- T = 24,336 = exactly 130% of A·N: still 条件二 -------------------------------------------------
  await typeInto(page, fid('householdAnnualIncome'), '24336');
  await eventually(() => panelSummary(page)).toMatchObject({
    eligible: '符合',
    category: '低保边缘户',
    conditions: ['C2'],
    perCapita: '8,112.00 元',
    ratio: '130.00%',
  });

  // ---- T = 24,336.01: one fen above 130% → 不符合 (exact comparison, not the rounded 8,112.00) ------
  await typeInto(page, fid('householdAnnualIncome'), '24336.01');
  await eventually(() => panelSummary(page)).toEqual({
    eligible: '不符合',
    category: '无',
    conditions: [],
    perCapita: '8,112.00 元',
    line: '6,240.00 元（每月 520 元）',
    ratio: '130.00%',
    flags: [],
    explanation:
      '家庭年人均收入 8,112.00 元，超过当地年低保标准 6,240.00 元（每月 520 元）的 130%（8,112.00 元）' +
      '（人均收入为四舍五入值；精确比较：家庭年度总收入 24,336.01 元超过 3 人合计 24,336.00 元），不符合条件一、条件二；' +
      '无医疗费、学费或意外支出，不符合条件三。三项条件均不符合，不纳入精准帮扶（已在册的建议剔除）。',
  });
  expect(await textOf(page.locator('.id-verdict'))).toContain('三项条件均不符合');

  // ---- one more person: N = 4, A·N = 24,960 > 24,336.01 → 条件一 again -------------------------------
  await typeNumber(page, fid('householdSize'), '4');
  await eventually(() => panelSummary(page)).toMatchObject({
    eligible: '符合',
    category: '低保户',
    conditions: ['C1'],
    perCapita: '6,084.00 元', // 24,336.01 / 4 = 6,084.0025
    ratio: '97.50%', // 6,084.0025 / 6,240 = 0.975000…
    flags: ['dibaoNotReceived'],
  });

  // ---- a year without a line: 无法判定, never a guess -------------------------------------------------
  await setDate(page, fid('fillDate'), `${NO_LINE_YEAR}-06-20`);
  await eventually(() => panelSummary(page)).toEqual({
    eligible: '无法判定',
    category: '—',
    conditions: [],
    perCapita: '6,084.00 元',
    line: null, // 年低保标准 reads 未配置
    ratio: null, // 收入/标准 reads —
    flags: ['noLine'],
    explanation: `家庭年人均收入 6,084.00 元；${REGION_NAME}未配置 ${NO_LINE_YEAR} 年度低保标准，无法判定，请先配置低保标准。`,
  });
  expect(await textOf(page.locator('.id-verdict'))).toContain('该地区该年度未配置低保标准，请联系市总工会');
  expect(await textOf(page.locator('.id-fact', { hasText: '年低保标准' }).locator('dd'))).toBe('未配置');
  await visible(page.locator('[data-testid=identification-panel] a[href="/policy"]', { hasText: '前往设置低保标准' }));

  // back to 2015: decided again
  await setDate(page, fid('fillDate'), `${YEAR}-01-01`);
  await eventually(() => textOf(panelPart(page, 'identification-eligible'))).toBe('符合');
  expect(await textOf(panelPart(page, 'identification-line'))).toBe('6,240.00 元（每月 520 元）');
});
