// 低保标准 (/policy): an admin changes two lines in the table, 预览影响 shows exactly which of the
// files of those (region, year) pairs change result, 保存并重新识别 with a reason runs the
// re-identification to the end and lists the changed files, their detail pages show the new
// stored result, and 修改记录 keeps the change with its reason. A region user only reads.
//
// 钟祥 (H03) is this file's own region. Households of N = 2 (worker + spouse):
//
// 2014: 500 → 600 元/月. A·N: 12,000 → 14,400; 130%: 15,600 → 18,720
//   A  T 13,000, ill     C2 低保边缘户 → C1 低保户        (category changes)
//   B  T 17,000, ill     不符合        → C2 低保边缘户    (becomes eligible)
//   C  T 12,000          不符合 (= A·N, no reason) → C1 低保户   (becomes eligible)
//   E  T  8,000          C1 低保户     → C1 低保户        (unchanged)
// 2013: 500 → 450 元/月. A·N: 12,000 → 10,800; 130%: 15,600 → 14,040
//   F  T 11,000          C1 低保户     → 不符合           (becomes ineligible)
//
// Preview: 5 files, 3 change eligibility (2 up, 1 down), 4 change category (A, B, C, F).
//
// The files are 已建档 (taken through review through the API): only filed files carry removal
// proposals (B and C start with one, F gets one).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, ApiError, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { idFile, panelPart, panelSummary } from '../lib/identification.js';
import { eventually, gone, loginViaForm, textOf, visible } from '../lib/ui.js';
import type { Locator, Page } from 'playwright-core';

const REGION = 'H03';
const REGION_NAME = '钟祥';
const Y1 = 2014;
const Y2 = 2013;

let admin: Api;
let files: Record<'A' | 'B' | 'C' | 'E' | 'F', HouseholdJson>;
let regionUser: { username: string; password: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  await admin.setPolicyLines(
    [
      { regionCode: REGION, year: Y1, monthlyLine: 500 },
      { regionCode: REGION, year: Y2, monthlyLine: 500 },
    ],
    'e2e policy-whatif: 钟祥 2013/2014',
  );
  const mk = (fillDate: string, income: number, ill = false) => admin.createFiledHousehold(idFile({ regionCode: REGION, fillDate, income, ill, namePrefix: '钟' }));
  files = {
    A: await mk(`${Y1}-03-01`, 13000, true),
    B: await mk(`${Y1}-03-02`, 17000, true),
    C: await mk(`${Y1}-03-03`, 12000),
    E: await mk(`${Y1}-03-04`, 8000),
    F: await mk(`${Y2}-07-01`, 11000),
  };
  // the starting point, as worked out above
  const stored = Object.fromEntries(Object.entries(files).map(([k, h]) => [k, [h.identification?.eligible, h.identification?.category]]));
  expect(stored).toEqual({ A: [true, '低保边缘户'], B: [false, null], C: [false, null], E: [true, '低保户'], F: [true, '低保户'] });
  expect(new Set(Object.values(files).map((h) => h.status))).toEqual(new Set(['filed']));
  // B and C do not qualify: as filed files they are proposed for removal from the start
  const pending = (await admin.listProposals({ status: 'pending', regionCode: REGION })).items.map((p) => p.householdId).sort((a, b) => a - b);
  expect(pending).toEqual([files.B.id, files.C.id].sort((a, b) => a - b));
  regionUser = await admin.createUser({ orgCode: REGION, displayName: uniqueName('钟') });
});

afterAll(async () => {
  await admin?.dispose();
});

const STATS = ['files', 'eligibilityChanged', 'becomeEligible', 'becomeIneligible', 'categoryChanged'] as const;

async function previewStats(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const k of STATS) out[k] = await textOf(page.locator(`[data-testid=preview-${k}] .ant-statistic-content-value`));
  return out;
}

/** Rows of a ChangedFilesTable: name → [old outcome, new outcome]. */
async function changedRows(table: Locator): Promise<Record<string, string[]>> {
  const rows = table.locator('tbody tr.ant-table-row');
  const out: Record<string, string[]> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('td');
    out[await textOf(cells.nth(1))] = (await cells.nth(3).locator('.ant-tag').allInnerTexts()).map((t) => t.trim());
  }
  return out;
}

test('admin: change two lines → preview → save with a reason → job done → details and 修改记录', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  const api = await Api.loginInPage(page, baseUrl);
  const me = (await api.get<{ user: { displayName: string; username: string } }>('/api/session')).user;
  const reason = `依据${REGION_NAME}民政局文件调整 ${uniqueName('据')}`;
  const versionBefore = (await api.getPolicy()).version;

  await page.goto(`${baseUrl}/policy`);
  const in2014 = page.locator(`#policy_line_${REGION}_${Y1}`);
  const in2013 = page.locator(`#policy_line_${REGION}_${Y2}`);
  await visible(in2014);
  expect(await in2014.inputValue()).toBe('500');
  expect(await in2013.inputValue()).toBe('500');
  expect(await page.locator('[data-testid=policy-readonly]').count()).toBe(0);
  expect(await page.locator('#policy-save').isDisabled()).toBe(true);
  expect(await page.locator('#policy-preview').isDisabled()).toBe(true);

  // ---- edit the two lines: pending, and 保存 waits for a preview ----------------------------------
  await in2014.fill('600');
  await in2013.fill('450');
  const pending = page.locator('[data-testid=policy-pending]');
  await eventually(() => pending.locator('.policy-pending-list li').allInnerTexts()).toEqual([
    `${REGION_NAME} ${Y1}年 低保标准 500 → 600 元`,
    `${REGION_NAME} ${Y2}年 低保标准 500 → 450 元`,
  ]);
  expect(await textOf(pending.locator('.ant-card-head'))).toContain('待保存的修改（2 项）');
  // the 年标准 column follows the typed amount: 600 × 12
  expect(await textOf(page.locator('#policy-lines-table tr', { has: in2014 }).locator('.policy-annual'))).toBe('7,200.00');
  expect(await page.locator('#policy-save').isDisabled()).toBe(true);

  // ---- 预览影响 ---------------------------------------------------------------------------------
  const previewed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/policy/preview');
  await page.locator('#policy-preview').click();
  const previewRes = await previewed;
  expect(previewRes.status()).toBe(200);
  expect(previewRes.request().postDataJSON()).toEqual({
    lines: [
      { regionCode: REGION, year: Y1, monthlyLine: 600 },
      { regionCode: REGION, year: Y2, monthlyLine: 450 },
    ],
  });
  await visible(page.locator('[data-testid=preview-files]'));
  expect(await previewStats(page)).toEqual({ files: '5', eligibilityChanged: '3', becomeEligible: '2', becomeIneligible: '1', categoryChanged: '4' });
  const pairRows = page.locator('[data-testid=preview-by-pair] tbody tr.ant-table-row');
  expect(await pairRows.count()).toBe(2);
  // 地区, 年度, 修改后每月标准, 涉及档案, 识别结果变化, 新增符合, 转为不符合, 建议类别变化
  const pairCells = async (i: number) => (await pairRows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
  const pairs = [await pairCells(0), await pairCells(1)].sort((a, b) => a[1].localeCompare(b[1]));
  expect(pairs).toEqual([
    [REGION_NAME, `${Y2} 年`, '450', '1', '1', '0', '1', '1'],
    [REGION_NAME, `${Y1} 年`, '600', '4', '2', '2', '0', '3'],
  ]);
  const expectedChanges = {
    [files.A.name]: ['符合 · 低保边缘户', '符合 · 低保户'],
    [files.B.name]: ['不符合', '符合 · 低保边缘户'],
    [files.C.name]: ['不符合', '符合 · 低保户'],
    [files.F.name]: ['符合 · 低保户', '不符合'],
  };
  expect(await changedRows(page.locator('[data-testid=preview-samples]'))).toEqual(expectedChanges);
  await eventually(() => textOf(page.locator('[data-testid=policy-pending-impact]'))).toBe(
    '预览影响：涉及 5 户，识别结果变化 3 户（新增符合 2，转为不符合 1），建议类别变化 4 户。',
  );
  await eventually(() => page.locator('#policy-save').isEnabled()).toBe(true);
  // nothing is saved by a preview
  expect((await api.getPolicy()).version).toBe(versionBefore);
  expect((await api.getHousehold(files.F.id)).identification?.eligible).toBe(true);

  // ---- another amount makes the preview stale; typing the previewed one back makes it fresh -------
  await in2014.fill('610');
  await visible(page.locator('[data-testid=policy-preview-stale]'));
  await eventually(() => page.locator('#policy-save').isDisabled()).toBe(true);
  await in2014.fill('600');
  await gone(page.locator('[data-testid=policy-preview-stale]'));
  await eventually(() => page.locator('#policy-save').isEnabled()).toBe(true);

  // ---- 保存并重新识别 with a reason -----------------------------------------------------------------
  await page.locator('#policy-reason').fill(reason);
  // the save asks first, naming how many files will be re-identified and how many change; 再想想 sends nothing
  let puts = 0;
  const countPuts = (r: { url(): string; method(): string }) => {
    if (new URL(r.url()).pathname === '/api/policy' && r.method() === 'PUT') puts++;
  };
  page.on('request', countPuts);
  await page.locator('#policy-save').click();
  const question = await visible(page.locator('[data-testid=policy-save-question]'));
  expect(await textOf(question)).toContain(`保存为第 ${versionBefore + 1} 版后，系统将在后台重新识别受影响的 5 户档案：识别结果变化 3 户（新增符合 2，转为不符合 1），建议类别变化 4 户。`);
  await page.getByRole('button', { name: '再想想' }).click();
  await gone(question);
  expect(puts).toBe(0);
  page.off('request', countPuts);
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/policy' && r.request().method() === 'PUT');
  await page.locator('#policy-save').click();
  await visible(page.locator('[data-testid=policy-save-question]'));
  await page.locator('#policy-save-confirm').click();
  const saveRes = await saved;
  expect(saveRes.status(), await saveRes.text()).toBe(200);
  expect(saveRes.request().postDataJSON()).toMatchObject({ reason, expectedVersion: versionBefore });
  const { version, jobId } = (await saveRes.json()) as { version: number; jobId: number };
  expect(version).toBe(versionBefore + 1);
  expect(jobId).toEqual(expect.any(Number));

  // the job runs to the end over the 5 files of the two pairs, then lists the 4 changed ones
  const progress = page.locator('#policy-job-progress');
  await visible(progress);
  await page.locator('#policy-job-progress[data-status=done]').waitFor({ timeout: 20_000 });
  expect({ done: await progress.getAttribute('data-done'), total: await progress.getAttribute('data-total') }).toEqual({ done: '5', total: '5' });
  expect(await textOf(progress)).toContain('已完成：重新识别 5 户，识别结果或建议类别变化 4 户');
  const jobChanges = page.locator('[data-testid=job-changes]');
  await eventually(() => jobChanges.locator('tbody tr.ant-table-row').count()).toBe(4);
  expect(await changedRows(jobChanges)).toEqual(expectedChanges);

  // the table shows the saved lines; nothing is pending any more
  await eventually(() => in2014.inputValue()).toBe('600');
  expect(await in2013.inputValue()).toBe('450');
  await eventually(() => textOf(pending.locator('.ant-card-head'))).toBe('待保存的修改');
  expect(await page.locator('#policy-save').isDisabled()).toBe(true);

  // ---- a changed file's detail page shows the new stored result -------------------------------------
  await jobChanges.getByRole('link', { name: files.A.workerNo }).click();
  await page.waitForURL((u) => u.pathname === `/households/${files.A.id}`);
  await eventually(() => panelSummary(page)).toMatchObject({
    eligible: '符合',
    category: '低保户',
    conditions: ['C1'],
    perCapita: '6,500.00 元', // 13,000 / 2
    line: '7,200.00 元（每月 600 元）',
    ratio: '90.28%', // 13,000 / 14,400
  });
  expect(await textOf(panelPart(page, 'identification-basis'))).toContain(`依据：第 ${files.A.version} 版档案 · 第 ${version} 版政策`);
  expect(await panelPart(page, 'identification-outdated').count()).toBe(0);
  expect(await page.locator('[data-testid=household-removal-proposal]').count()).toBe(0);

  // F no longer qualifies: 不符合, and it is now proposed for removal
  await page.goto(`${baseUrl}/households/${files.F.id}`);
  await eventually(() => panelSummary(page)).toMatchObject({
    eligible: '不符合',
    category: '无',
    conditions: [],
    perCapita: '5,500.00 元',
    line: '5,400.00 元（每月 450 元）',
    ratio: '101.85%', // 11,000 / 10,800
  });
  await visible(page.locator('[data-testid=household-removal-proposal]'));
  expect(await page.locator('#household-proposal-link').getAttribute('href')).toBe(`/removal-proposals?regionCode=${REGION}`);

  // B qualifies again: its pending proposal is withdrawn; F's is pending
  await page.goto(`${baseUrl}/households/${files.B.id}`);
  await eventually(() => textOf(panelPart(page, 'identification-category'))).toBe('低保边缘户');
  expect(await page.locator('[data-testid=household-removal-proposal]').count()).toBe(0);
  const ours = (items: { householdId: number }[]) => items.map((p) => p.householdId).filter((id) => Object.values(files).some((h) => h.id === id)).sort((a, b) => a - b);
  expect(ours((await api.listProposals({ status: 'withdrawn', regionCode: REGION })).items)).toEqual([files.B.id, files.C.id].sort((a, b) => a - b));
  expect(ours((await api.listProposals({ status: 'pending', regionCode: REGION })).items)).toEqual([files.F.id]);

  // ---- 修改记录: the change, who made it, the reason, the job -----------------------------------------
  await page.goto(`${baseUrl}/policy`);
  await page.getByRole('tab', { name: '修改记录' }).click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'history');
  const historyRow = page.locator('#policy-history-table tbody tr.ant-table-row', { hasText: reason });
  await visible(historyRow);
  // 版本, 时间, 修改人, 修改内容, 说明, 重新识别任务
  const cells = historyRow.locator('td');
  expect(await textOf(cells.nth(0))).toBe(`第 ${version} 版`);
  expect(await textOf(cells.nth(2))).toBe(me.displayName); // people by name, not login name
  expect((await cells.nth(3).locator('li').allInnerTexts()).map((t) => t.trim())).toEqual([
    `${REGION_NAME} ${Y1}年 低保标准 500 → 600 元`,
    `${REGION_NAME} ${Y2}年 低保标准 500 → 450 元`,
  ]);
  expect(await textOf(cells.nth(4))).toBe(reason);
  const job = historyRow.locator('[data-testid=history-job]');
  await eventually(() => job.getAttribute('data-status')).toBe('done');
  expect(await textOf(job)).toContain(`任务 #${jobId}`);
  expect(await textOf(job)).toContain('变化 4 户');
  // it is the newest change
  expect(await textOf(page.locator('#policy-history-table tbody tr.ant-table-row').first().locator('td').first())).toBe(`第 ${version} 版`);
});

test('a region user sees 低保标准 read-only, and the server refuses their changes', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, regionUser.username, regionUser.password);
  const policy = await admin.getPolicy();
  const line = policy.lines.find((l) => l.regionCode === REGION && l.year === Y1)!;

  await page.goto(`${baseUrl}/policy`);
  const readonly = await visible(page.locator('[data-testid=policy-readonly]'));
  expect(await textOf(readonly)).toContain('低保标准由市总工会统一设置和调整，您可以查看，不能修改。');
  await visible(page.locator('#policy-lines-table'));
  // the amounts are text, not inputs
  expect(await textOf(page.locator(`[data-testid=policy-amount-${REGION}_${Y1}]`))).toBe(`${line.monthlyLine} 元`);
  expect(await page.locator(`#policy_line_${REGION}_${Y1}`).count()).toBe(0);
  for (const id of ['#policy-save', '#policy-preview', '#policy-add-line', '#policy-discard', '#policy-reason', '#policy_marginalRatio', '#policy_expenseRatio']) {
    expect(await page.locator(id).count(), id).toBe(0);
  }
  expect(policy.marginalRatio).toBe('1.3');
  expect(await textOf(page.locator('[data-testid=policy-marginalRatio]'))).toBe('1.3（130%）');

  // 修改记录 is readable too
  await page.getByRole('tab', { name: '修改记录' }).click();
  await visible(page.locator('#policy-history-table tbody tr.ant-table-row').first());

  // and the server holds the line, whatever the page shows
  const cadre = await Api.login(baseUrl, regionUser.username, regionUser.password);
  try {
    const body = { lines: [{ regionCode: REGION, year: Y1, monthlyLine: 1 }], expectedVersion: policy.version };
    for (const call of [() => cadre.post('/api/policy/preview', body, 200), () => cadre.put('/api/policy', body)]) {
      const err = await call().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(403);
    }
  } finally {
    await cadre.dispose();
  }
  expect((await admin.getPolicy()).version).toBe(policy.version);
});
