// The review lifecycle in the browser: who is logged in, where a file stands, and the dialogs of
// the detail page's 「办理」 area (单位工会审核 / 市总工会审核, 脱困, 重新纳入).
import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import type { Account, HouseholdJson, HouseholdStatus, ReviewDecision, ReviewLevel } from './api.js';
import { UI_TIMEOUT, eventually, loginViaForm, textOf, visible } from './ui.js';

/** Ends the page's session (all its cookies) and logs in as `account` through the login form. */
export async function switchUser(page: Page, baseUrl: string, account: Account): Promise<void> {
  await page.context().clearCookies();
  await loginViaForm(page, baseUrl, account.username, account.password);
}

/** Opens the detail page of a file and waits for it. */
export async function openFile(page: Page, baseUrl: string, id: number): Promise<void> {
  await page.goto(`${baseUrl}/households/${id}`);
  await visible(page.locator('#household-view-workerNo'));
}

/** The status the detail page's title shows (its data-status: draft, submitted, …). */
export function shownStatus(page: Page): Promise<string | null> {
  return page.locator('.household-detail .page-header [data-status]').getAttribute('data-status', { timeout: UI_TIMEOUT });
}

/** Waits until the detail page shows `status`. */
export async function expectStatus(page: Page, status: HouseholdStatus): Promise<void> {
  await eventually(() => shownStatus(page), `the detail page's status`).toBe(status);
}

/** Resolves with the next answer to a POST on /api/households/<id>/<action>. */
export function nextAction(page: Page, id: number, action: string): Promise<Response> {
  return page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${id}/${action}` && r.request().method() === 'POST', { timeout: UI_TIMEOUT });
}

/** Clicks 提交审核 on the detail page; returns the file as the server answered. */
export async function submitInPage(page: Page, id: number): Promise<HouseholdJson> {
  const answer = nextAction(page, id, 'submit');
  await page.locator('#household-submit').click();
  const res = await answer;
  expect(res.status(), await res.text()).toBe(200);
  await expectStatus(page, 'submitted');
  return (await res.json()) as HouseholdJson;
}

/**
 * 单位工会审核 / 市总工会审核 on the detail page: opens the dialog, writes the opinion, clicks 同意 or
 * 退回, checks what was sent and that the dialog closed. Returns the file as the server answered.
 */
export async function reviewInPage(page: Page, id: number, level: ReviewLevel, decision: ReviewDecision, opinion: string): Promise<HouseholdJson> {
  await page.locator(`#household-review-${level}`).click();
  const dialog = await visible(page.getByRole('dialog'));
  await visible(page.locator('#review_opinion'));
  await page.locator('#review_opinion').fill(opinion);
  // the dialog shows the file's identification; agreeing to one that is not 符合 asks 我已核实
  // (review/review-gate.test.ts tests that gate itself)
  const eligible = await textOf(page.locator('[data-testid=review-facts-eligible]'));
  if (decision === 'agree' && eligible !== '符合') await page.locator('#review-ack').check();
  const answer = nextAction(page, id, 'review');
  await page.locator(`#review-${decision}`).click();
  const res = await answer;
  expect(res.status(), await res.text()).toBe(200);
  expect(res.request().postDataJSON()).toEqual({ level, decision, opinion });
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  return (await res.json()) as HouseholdJson;
}

/** The versions of the history card, oldest first: [version, action] pairs. */
export async function historySteps(page: Page): Promise<[number, string][]> {
  const entries = page.locator('#household-history [data-version]');
  const out: [number, string][] = [];
  for (let i = 0; i < (await entries.count()); i++) {
    const e = entries.nth(i);
    out.push([Number(await e.getAttribute('data-version')), (await e.getAttribute('data-action')) ?? '?']);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
