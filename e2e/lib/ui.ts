// Browser helpers for the bangfu pages (antd 5). Every helper waits for what it needs; none sleeps.
//
// Mind the tabs: a page that is not the front tab of its browser gets no animation frames, so
// antd's popups and Playwright's "stable" checks crawl (seconds per click). Open a second tab only
// when the first one is done, or call page.bringToFront() before going back to it.
import type { Locator, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { ADMIN_PASSWORD } from './env.js';

/** How long a UI expectation may take before it fails (the server is local; pages are small). */
export const UI_TIMEOUT = 10_000;

/** Waits until `fn` (re-run until then) passes; vitest's expect.poll with the suite's timeout. */
export function eventually<T>(fn: () => T | Promise<T>, message?: string) {
  return expect.poll(fn, { timeout: UI_TIMEOUT, interval: 100, message });
}

/** Visible text of a locator, whitespace collapsed (antd splits text across spans). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText({ timeout: UI_TIMEOUT })).replace(/\s+/g, ' ').trim();
}

/** Text content with all whitespace removed ("8,100.00 元" → "8,100.00元"). */
export async function compactText(locator: Locator): Promise<string> {
  return ((await locator.textContent({ timeout: UI_TIMEOUT })) ?? '').replace(/\s+/g, '');
}

export async function visible(locator: Locator, timeout = UI_TIMEOUT): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export async function gone(locator: Locator, timeout = UI_TIMEOUT): Promise<void> {
  await locator.waitFor({ state: 'detached', timeout });
}

/**
 * Clicks a button of a dialog once the dialog has stopped moving: on a busy machine a click during
 * antd's opening zoom can land beside the button and be lost (seen once in two parallel e2e runs).
 */
export async function clickWhenStill(button: Locator): Promise<void> {
  await visible(button);
  let last = '';
  await eventually(async () => {
    const now = JSON.stringify(await button.boundingBox());
    const still = now === last;
    last = now;
    return still;
  }, 'the button keeps moving').toBe(true);
  await button.click();
}

/** Fills the login form and submits it; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await visible(page.locator('#login_username'));
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('#login_submit').click();
}

/**
 * Logs in through the login page, lands on the first page (the 工作台, /), then opens the list of
 * files and waits for it (where the tests start their work).
 */
export async function loginViaForm(page: Page, baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, username, password);
  await page.waitForURL((u) => u.pathname === '/', { timeout: UI_TIMEOUT });
  await visible(page.locator('[data-testid=current-user]'));
  await page.goto(`${baseUrl}/households`);
  await visible(page.locator('#household-table'));
}

/** The number N of "共 N 户" above the list, once the list has loaded. */
export async function listTotal(page: Page): Promise<number> {
  const t = await textOf(await visible(page.locator('[data-testid=list-total]')));
  const m = /共\s*([\d,]+)\s*户/.exec(t);
  if (!m) throw new Error(`list total not understood: ${t}`);
  return Number(m[1].replace(/,/g, ''));
}

/** Resolves with the next answer of GET /api/households (the list's data request). */
export function nextListResponse(page: Page): Promise<Response> {
  // the list page always sends its sort; the menu's review badges ask the same path for a count without one
  return page.waitForResponse((r) => {
    const u = new URL(r.url());
    return u.pathname === '/api/households' && u.searchParams.has('sort') && r.request().method() === 'GET';
  }, { timeout: UI_TIMEOUT });
}

/** Rows of the household table (antd also renders a hidden measure row; skip it). */
export function tableRows(page: Page): Locator {
  return page.locator('#household-table tbody tr.ant-table-row');
}

/** Position (0-based) of the list column headed `title` (columns may be added or reordered). */
export async function columnIndex(page: Page, title: string): Promise<number> {
  const headers = (await page.locator('#household-table thead th').allInnerTexts()).map((t) => t.trim());
  const i = headers.indexOf(title);
  if (i < 0) throw new Error(`no list column headed ${title}; headers: ${headers.join(' | ')}`);
  return i;
}

/** Texts of the column headed `title`, one per row of the list. */
export async function columnTexts(page: Page, title: string): Promise<string[]> {
  const i = await columnIndex(page, title);
  return (await tableRows(page).locator(`td:nth-child(${i + 1})`).allInnerTexts()).map((t) => t.trim());
}

/** The text of one row's cell in the column headed `title`. */
export async function cellText(page: Page, row: Locator, title: string): Promise<string> {
  const i = await columnIndex(page, title);
  return textOf(row.locator(`td:nth-child(${i + 1})`));
}

/**
 * Opens the antd Select whose input has `id` and picks the option titled `title`. The popup is
 * found through the select's own listbox (#<id>_list), so two open popups never get mixed up; a
 * long list (virtual scrolling) is scrolled until the option appears; a searchable select
 * (showSearch) gets the title typed first. `shown`: what the select shows once chosen, when it is not
 * the option's title (a select with labelRender, e.g. 满足条件 shows 条件一 for 条件一（…）).
 */
export async function chooseOption(page: Page, id: string, title: string, opts: { search?: boolean; shown?: string } = {}): Promise<void> {
  const input = page.locator(`#${id}`);
  const select = page.locator(`.ant-select:has(#${id})`);
  // Rarely the first click leaves the select focused but closed (the form re-rendering around it,
  // e.g. a field validated on blur just before): click again until antd marks it open.
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const opened = await page
      .locator(`.ant-select-open:has(#${id})`)
      .waitFor({ state: 'attached', timeout: 2000 })
      .then(() => true, () => false);
    if (opened) break;
    if (attempt === 3) throw new Error(`chooseOption: the select #${id} did not open after ${attempt} clicks`);
  }
  if (opts.search) await input.fill(title);
  const popup = page.locator(`.ant-select-dropdown:has(#${id}_list)`);
  const option = popup.locator(`.ant-select-item-option[title="${title}"]`);
  await popup.locator('.ant-select-item-option').first().waitFor({ state: 'attached', timeout: UI_TIMEOUT });
  for (let i = 0; i < 30 && (await option.count()) === 0; i++) {
    await popup.locator('.rc-virtual-list-holder').evaluate((el) => el.scrollBy(0, 96));
    await option.waitFor({ state: 'attached', timeout: 250 }).catch(() => undefined);
  }
  // A click event straight on the option: a real mouse click would first wait for the popup's
  // slide-in animation to settle (~0.35 s per select, 25 selects on the survey form). The check
  // below still proves that the select took exactly this option.
  await option.dispatchEvent('click', undefined, { timeout: UI_TIMEOUT });
  await visible(select.locator(`.ant-select-selection-item[title="${opts.shown ?? title}"]`));
}

/** What an antd Select shows as its chosen value ('' when none). */
export async function selectedOf(page: Page, id: string): Promise<string> {
  const item = page.locator(`.ant-select:has(#${id}) .ant-select-selection-item`);
  return (await item.count()) ? ((await item.first().getAttribute('title')) ?? (await textOf(item.first()))) : '';
}

/** The antd Form.Item around the control with this id. */
export function formItem(page: Page, id: string): Locator {
  return page.locator(`.ant-form-item:has(#${id})`);
}

/** The error message antd shows under the control with this id ('' when none). */
export async function fieldError(page: Page, id: string): Promise<string> {
  const err = formItem(page, id).locator('.ant-form-item-explain-error');
  return (await err.count()) ? (await err.allInnerTexts()).join(' ').trim() : '';
}

/** Whether the Form.Item of this control is marked as having an error. */
export async function hasError(page: Page, id: string): Promise<boolean> {
  return (await formItem(page, id).getAttribute('class'))?.includes('ant-form-item-has-error') ?? false;
}

/** Types into a text input/textarea and leaves it (the form validates on blur). */
export async function typeInto(page: Page, id: string, value: string): Promise<void> {
  const el = page.locator(`#${id}`);
  await el.fill(value);
  await el.blur();
}

/** The value of an input, or '' */
export function valueOf(page: Page, id: string): Promise<string> {
  return page.locator(`#${id}`).inputValue({ timeout: UI_TIMEOUT });
}
