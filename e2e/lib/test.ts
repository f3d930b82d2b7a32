// `test` for end-to-end files: Vitest's test with Playwright fixtures.
//
//   import { expect } from 'vitest';
//   import { test } from '../lib/test.js';
//   test('首页', async ({ page, baseUrl }) => { await page.goto(baseUrl + '/'); … });
//
// - `browser`: one headless Chromium per test file (fresh profile), closed after the file;
// - `page`:    a fresh context + page per test (zh-CN, 1440×900, actions time out after 15 s); if the
//              test failed, a screenshot is saved to .tmp/screens/<file>--<test name>.png before the
//              context is closed;
// - `baseUrl`: inject('baseUrl'), the server started by e2e/global-setup.ts.
import type { Browser, Page } from 'playwright-core';
import { test as base, inject } from 'vitest';
import { launchBrowser, newPage, saveScreenshot, testScreenshotName } from './browser.js';

/** Default timeout of every Playwright action and wait on the fixture's page (its context). */
export const ACTION_TIMEOUT = 15_000;

export const test = base.extend<{ browser: Browser; page: Page; baseUrl: string }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchBrowser();
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'file' },
  ],
  baseUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(inject('baseUrl'));
    },
    { scope: 'file' },
  ],
  page: async ({ browser, task }, use) => {
    const page = await newPage(browser);
    // A stuck action fails with its own locator well inside the test's timeout (Playwright's
    // default of 30 s per action would let a single wait eat half of it).
    page.context().setDefaultTimeout(ACTION_TIMEOUT);
    try {
      await use(page);
      // Fixture teardown runs after the test and its afterEach hooks, when the result is known.
      if (task.result?.state === 'fail' && !page.isClosed()) {
        const file = await saveScreenshot(page, testScreenshotName(task)).catch((e: Error) => {
          process.stderr.write(`[e2e] screenshot failed: ${e.message}\n`);
          return undefined;
        });
        if (file) process.stderr.write(`[e2e] failure screenshot: ${file}\n`);
      }
    } finally {
      await page.context().close();
    }
  },
});

export { expect } from 'vitest';
