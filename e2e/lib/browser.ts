// Chromium for the end-to-end tests: the Debian package at /usr/bin/chromium (or CHROMIUM_PATH),
// driven by playwright-core. Nothing here downloads a browser.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { CHROMIUM_PATH, SCREENS_DIR } from './env.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Launches headless Chromium. Playwright's `launch()` gives every browser a fresh temporary
 * user-data-dir (…/playwright_chromiumdev_profile-XXXXXX) and deletes it on `close()`.
 * (Playwright refuses `--user-data-dir` in `args`; use launchPersistentContext for a fixed one.)
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export const PAGE_DEFAULTS: BrowserContextOptions = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1440, height: 900 },
};

/**
 * A page in its own fresh context (own cookies/storage): locale zh-CN, viewport 1440×900.
 * Closing the page's context: `await page.context().close()`.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...PAGE_DEFAULTS, ...options });
  return context.newPage();
}

/** File-name-safe form of a test name (keeps CJK letters). */
export function screenshotName(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 120) || 'screenshot'
  );
}

/** Default screenshot name of a test: <file without .test.ts>--<suite > test name>. */
export function testScreenshotName(task: { name: string; fullTestName?: string; file?: { name: string } }): string {
  const file = task.file ? path.basename(task.file.name).replace(/\.test\.[cm]?[jt]sx?$/, '') : '';
  return `${file ? `${file}--` : ''}${task.fullTestName ?? task.name}`;
}

/** Saves a full-page screenshot to /work/main/.tmp/screens/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${screenshotName(name)}.png`);
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
  return file;
}

/**
 * Call inside a test: if the test fails, a screenshot of `page` is saved as .tmp/screens/<name>.png
 * (name defaults to the test's full name). The `test` from e2e/lib/test.ts does this automatically.
 */
export function screenshotOnFailure(page: Page, name?: string): void {
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    const file = await saveScreenshot(page, name ?? testScreenshotName(task)).catch((e: Error) => {
      process.stderr.write(`[e2e] screenshot failed: ${e.message}\n`);
      return undefined;
    });
    if (file) process.stderr.write(`[e2e] failure screenshot: ${file}\n`);
  });
}
