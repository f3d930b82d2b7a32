// 打印调查表（PDF）: the detail page's button downloads the server-made survey form of the file.
import fs from 'node:fs';
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { visible } from '../lib/ui.js';

test('the PDF button of a filed household downloads its survey form as a PDF', async ({ page, baseUrl }) => {
  const admin = await Api.login(baseUrl);
  const clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: '打印测试市总干部' });
  const api = await Api.loginInPage(page, baseUrl, clerk.username, clerk.password);
  const h = await api.createFiledHousehold({ name: uniqueName('印') });

  await page.goto(`${baseUrl}/households/${h.id}`);
  await visible(page.locator('#household-view-workerNo'));
  const button = await visible(page.locator('#household-print-pdf'));
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);

  expect(download.suggestedFilename()).toBe(`调查表-${h.workerNo}.pdf`);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.toString('latin1')).toContain('/FontFile2');
  // no error toast: the download went through
  expect(await page.locator('.ant-message-error').count()).toBe(0);

  // the browser's own print of the page still shows the sheet without the buttons
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('#household-print-pdf').isVisible()).toBe(false);
  expect(await page.locator('#household-view-workerNo').isVisible()).toBe(true);
});
