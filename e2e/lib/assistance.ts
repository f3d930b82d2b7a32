// 因户施策 · 常态帮扶 in the browser: accounts for the tests, switching the page's user, the detail
// page's 帮扶 sections (plan, responsibility, records), the record dialog and reading antd tables
// by column title.
//
// Files are taken to 已建档 with api.ts's createFiledHousehold (submit as the filer, 单位工会 and
// 市总工会 opinions by the run's reviewer accounts).
import type { Locator, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { Api, type Account, type UserView } from './api.js';
import { uniqueName } from './data.js';
import { setSwitch } from './form.js';
import { chooseOption, clickWhenStill, UI_TIMEOUT, visible } from './ui.js';

export type Role = 'city' | 'leader' | 'staff' | 'region' | 'unit' | 'viewer';
export type UserAccount = UserView & Account;

/** A fresh user (admins only): city/leader/staff/viewer belong to H, region to H01…H08. */
export function newUser(admin: Api, role: Role, orgCode: string, prefix = '帮'): Promise<UserAccount> {
  return admin.createUser({ role, orgCode, displayName: uniqueName(prefix).slice(0, 8) });
}

/** Ends the page's session and logs it in as `account` through the API (the page shares the cookies). */
export async function actAs(page: Page, baseUrl: string, account: Account): Promise<Api> {
  await page.context().clearCookies();
  return Api.loginInPage(page, baseUrl, account.username, account.password);
}

/** Today in China (YYYY-MM-DD), as the server counts days. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Resolves with the next answer to `method path` (path without the query). */
/** The next answer to `method path`; with `params`, only one whose query has them (not a slower earlier load). */
export function nextResponse(page: Page, method: string, path: string, params: Record<string, string> = {}): Promise<Response> {
  return page.waitForResponse((r) => {
    if (r.request().method() !== method) return false;
    const url = new URL(r.url());
    return url.pathname === path && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);
  }, { timeout: UI_TIMEOUT });
}

/** Collects the requests `method path` the page sends from now on (to prove that none was sent). */
export function requestsTo(page: Page, method: string, path: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.method() === method && new URL(r.url()).pathname === path) seen.push(r.postData() ?? '');
  });
  return seen;
}

/** Opens a filed file's detail page and waits for its 帮扶 sections. */
export async function openAssistance(page: Page, baseUrl: string, id: number): Promise<void> {
  await page.goto(`${baseUrl}/households/${id}`);
  await visible(page.locator('#household-view-workerNo'));
  await visible(page.locator('#household-plan [data-testid=plan-urgency]'));
  await visible(page.locator('#household-responsibility [data-testid=responsibility-cadre]'));
  await visible(page.locator('#household-records [data-testid=solved-this-year]'));
}

/** Rows of an antd table (without antd's hidden measure row). */
export function rowsOf(table: Locator): Locator {
  return table.locator('tbody tr.ant-table-row');
}

/** One row's cells by column title: { 地区: '…', 帮扶次数: '3', … } (whitespace collapsed). */
export async function cellsByTitle(table: Locator, row: Locator): Promise<Record<string, string>> {
  const titles = (await table.locator('thead th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const cells = (await row.locator('> td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  if (titles.length !== cells.length) throw new Error(`table has ${titles.length} titles but the row ${cells.length} cells: ${titles.join(' | ')}`);
  return Object.fromEntries(titles.map((t, i) => [t, cells[i]]));
}

/** The row with antd's data-row-key `key` (the table's rowKey). */
export function rowByKey(table: Locator, key: string | number): Locator {
  return table.locator(`tbody tr.ant-table-row[data-row-key="${key}"]`);
}

/** The record dialog (记录帮扶), desktop or phone. */
export function recordDialog(page: Page): Locator {
  return page.locator('.ant-modal.assistance-modal');
}

export interface RecordInput {
  type?: string;
  amount?: string;
  description: string;
  solved?: boolean;
  date?: string;
}

/** Fills the open record dialog (type first: it shows or hides 金额). Does not save. */
export async function fillRecord(page: Page, r: RecordInput): Promise<void> {
  const dialog = await visible(recordDialog(page));
  await visible(dialog.locator('#assistance_description'));
  if (r.date) {
    const input = page.locator('#assistance_date');
    await input.click();
    await input.fill(r.date);
    await input.press('Enter');
  }
  if (r.type && r.type !== '走访') await chooseOption(page, 'assistance_type', r.type);
  if (r.amount !== undefined) await page.locator('#assistance_amount').fill(r.amount);
  await page.locator('#assistance_description').fill(r.description);
  if (r.solved) await setSwitch(page, 'assistance_solvedProblem', true);
}

/** Clicks 保存记录, expects 201 and the dialog to close; returns the record the server answered. */
export async function saveRecord(page: Page, householdId: number): Promise<{ id: number; type: string; amount: number | null; solvedProblem: boolean; date: string }> {
  const answer = nextResponse(page, 'POST', `/api/households/${householdId}/assistance`);
  await clickWhenStill(page.locator('#assistance-ok'));
  const res = await answer;
  expect(res.status(), await res.text()).toBe(201);
  await recordDialog(page).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  return res.json();
}

/** Opens 记录帮扶 on the detail page, fills it and saves it. */
export async function recordOnDetail(page: Page, householdId: number, r: RecordInput) {
  await page.locator('#assistance-new').click();
  await fillRecord(page, r);
  return saveRecord(page, householdId);
}

/** 帮扶责任人: searches a person by name in the picker (#id) and takes the option that names them. */
export async function choosePerson(page: Page, id: string, displayName: string): Promise<void> {
  const select = page.locator(`.ant-select:has(#${id})`);
  await select.click();
  await page.locator(`#${id}`).fill(displayName);
  const option = page.locator(`.ant-select-dropdown:has(#${id}_list) .ant-select-item-option`, { hasText: displayName }).first();
  await option.waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  await option.dispatchEvent('click');
  await visible(select.locator('.ant-select-selection-item', { hasText: displayName }));
}
