// A signed-in page at a given screen size, for the layout tests (phones at 390×844, laptops at
// 1366×768): a phone context is mobile with touch, as a phone's browser is.
import type { Browser, Page } from 'playwright-core';
import { Api } from './api.js';
import { newPage, screenshotOnFailure } from './browser.js';

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };

export async function signedInPage(browser: Browser, baseUrl: string, who: { username: string; password: string }, viewport: { width: number; height: number }): Promise<Page> {
  const mobile = viewport.width < 992;
  const page = await newPage(browser, { viewport, ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  page.context().setDefaultTimeout(15_000);
  screenshotOnFailure(page);
  await Api.loginInPage(page, baseUrl, who.username, who.password);
  return page;
}
