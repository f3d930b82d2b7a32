// The 数据导入 page in the end-to-end tests: upload a workbook, wait for the check, confirm.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { clickWhenStill, eventually, textOf, visible } from './ui.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** On /exchange/import: picks the workbook, 开始检查, and waits until the check is done. */
export async function uploadAndCheck(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('.import-upload input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
  await page.locator('#import-start').click();
  await page.waitForURL((u) => /^\/exchange\/import\/\d+$/.test(u.pathname));
  await eventually(() => page.locator('[data-testid=import-body]').getAttribute('data-status')).toBe('analyzed');
}

/** A count of the check's summary cards (新增 new, 变更 changed, 无变化 unchanged, 有错误 error, 提示 warning). */
export function statOf(page: Page, key: 'new' | 'changed' | 'unchanged' | 'error' | 'warning'): Promise<string | null> {
  return page.locator(`.import-stat[data-stat=${key}]`).getAttribute('data-value');
}

/**
 * 确认导入 → the confirmation: returns its sentence, then confirms once the dialog has stopped
 * moving (a click during antd's opening animation can be lost) and waits for the server's 202.
 */
export async function confirmImport(page: Page, check: (sentence: string) => void): Promise<void> {
  await page.locator('#import-commit').click();
  const dialog = await visible(page.locator('.ant-modal-confirm'));
  check(await textOf(dialog.locator('[data-testid=import-confirm-text]')));
  const committed = page.waitForResponse((r) => r.request().method() === 'POST' && /^\/api\/imports\/\d+\/commit$/.test(new URL(r.url()).pathname));
  await clickWhenStill(dialog.locator('.ant-modal-confirm-btns .ant-btn-primary'));
  const res = await committed;
  expect(res.status(), await res.text()).toBe(202);
  await visible(page.locator('#import-done'), 30_000);
}
