// Files and page readers for the 精准识别 tests (identification.md).
//
// idFile() makes the body of a small household whose identification depends only on what the
// test says: the worker and a spouse (householdSize 2), both healthy, no disability, married, no
// school-age child, no expenses, unless told otherwise. So with a monthly line L:
//   A·N = 12·L·2;  C1 ⇔ income < A·N;  C2 ⇔ A·N ≤ income ≤ 1.3·A·N and ill;  C3 ⇔ an expense > income/2.
import type { Locator, Page } from 'playwright-core';
import { makeHousehold, makeIdNumber, uniqueName, type Json } from './data.js';
import { textOf, visible } from './ui.js';

export interface IdFileOptions {
  regionCode: string;
  fillDate: string;
  /** 家庭年度总收入, yuan */
  income: number;
  /** the spouse's health is 高血压病 (a C2 special reason: 患病) */
  ill?: boolean;
  /** 申报困难类别 (default 低保户) */
  category?: '低保户' | '低保边缘户' | '意外致困户';
  /** 是否享受低保 (default false) */
  receivesDibao?: boolean;
  medicalExpense?: number;
  name?: string;
  namePrefix?: string;
}

export function idFile(o: IdFileOptions): Json {
  return makeHousehold({
    regionCode: o.regionCode,
    fillDate: o.fillDate,
    name: o.name ?? uniqueName(o.namePrefix ?? '识'),
    category: o.category ?? '低保户',
    receivesDibao: o.receivesDibao ?? false,
    health: '良好',
    disabilityGrade: '无',
    maritalStatus: '已婚',
    otherHardship: null,
    ownAnnualIncome: o.income,
    householdAnnualIncome: o.income,
    householdSize: 2,
    householdAnnualExpense: Math.max(10000, (o.medicalExpense ?? 0) + 2000),
    medicalExpense: o.medicalExpense ?? 0,
    tuitionExpense: 0,
    accidentExpense: 0,
    members: [
      {
        name: '李秀兰',
        relation: '配偶',
        gender: '女',
        education: '初中',
        idNumber: makeIdNumber('女'),
        health: o.ill ? '高血压病' : '良好',
        disabilityGrade: '无',
        annualIncome: 0,
        occupation: '灵活就业',
      },
    ],
    causes: o.ill || o.medicalExpense ? ['因病'] : ['因未就业'],
    causeDescription: o.ill ? '配偶患高血压病' : o.medicalExpense ? '本人住院，医疗费高' : '本人下岗',
  });
}

/** The 识别结果 panel (form or detail page). */
export function panel(page: Page): Locator {
  return page.locator('[data-testid=identification-panel]');
}

export function panelPart(page: Page, testId: string): Locator {
  return panel(page).locator(`[data-testid=${testId}]`);
}

/** Which of C1/C2/C3 the panel marks as met, e.g. ['C2']. */
export async function metConditions(page: Page): Promise<string[]> {
  const tags = panelPart(page, 'identification-conditions').locator('[data-condition]');
  const out: string[] = [];
  for (let i = 0; i < (await tags.count()); i++) {
    const t = tags.nth(i);
    if ((await t.getAttribute('data-met')) === 'true') out.push((await t.getAttribute('data-condition')) ?? '?');
  }
  return out;
}

/** The flags shown in the panel ([] when it shows none). */
export async function shownFlags(page: Page): Promise<string[]> {
  const tags = panelPart(page, 'identification-flags').locator('[data-flag]');
  const out: string[] = [];
  for (let i = 0; i < (await tags.count()); i++) out.push((await tags.nth(i).getAttribute('data-flag')) ?? '?');
  return out;
}

/**
 * Everything the panel says, in one object (so one expect shows every difference):
 * eligible, category, conditions met, per-capita income, line, ratio, flags, explanation.
 */
export async function panelSummary(page: Page): Promise<Record<string, unknown>> {
  await visible(panelPart(page, 'identification-eligible'));
  const opt = async (id: string) => {
    const l = panelPart(page, id);
    return (await l.count()) ? textOf(l) : null;
  };
  return {
    eligible: await textOf(panelPart(page, 'identification-eligible')),
    category: await textOf(panelPart(page, 'identification-category')),
    conditions: await metConditions(page),
    perCapita: await opt('identification-per-capita'),
    line: await opt('identification-line'),
    ratio: await opt('identification-ratio'),
    flags: await shownFlags(page),
    explanation: (await textOf(panelPart(page, 'identification-explanation'))).replace(/^识别说明\s*/, ''),
  };
}
