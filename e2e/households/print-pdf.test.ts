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

test('the browser print of a reviewed file has the worker\'s signature line and the unit\'s stamp, and stays off the screen', async ({ page, baseUrl }) => {
  const admin = await Api.login(baseUrl);
  const clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: '签字测试市总干部' });
  const api = await Api.loginInPage(page, baseUrl, clerk.username, clerk.password);
  const h = await api.createFiledHousehold({ name: uniqueName('签') });

  await page.goto(`${baseUrl}/households/${h.id}`);
  await visible(page.locator('#household-view-workerNo'));
  const signature = page.getByTestId('sheet-signature');
  const stamp = page.getByTestId('opinion-unit').locator('.sheet-review-stamp');
  // on screen there is nothing to sign
  expect(await signature.isVisible()).toBe(false);
  expect(await stamp.isVisible()).toBe(false);

  await page.emulateMedia({ media: 'print' });
  await visible(signature);
  expect(await signature.innerText()).toContain('职工签字');
  expect(await signature.innerText()).toContain('签字：');
  // the signature sits between 三 and 四 (the order of the paper form)
  const sigBox = await signature.boundingBox();
  const opinions = await page.locator('#household-opinions').boundingBox();
  expect(sigBox && opinions && sigBox.y < opinions.y).toBe(true);
  await visible(stamp);
  expect(await stamp.innerText()).toContain('单位盖章');
  // a filed file has both opinions: the stamp does not sit on the reviewer's name
  const meta = await page.getByTestId('opinion-unit').locator('.sheet-review-meta').boundingBox();
  const stampBox = await stamp.boundingBox();
  expect(meta && stampBox && stampBox.x + stampBox.width <= meta.x).toBe(true);
  await page.emulateMedia({ media: 'screen' });
});
