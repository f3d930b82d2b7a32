// Every 合计 row of the product against the column above it (issue #12, point 3): 帮扶统计's
// per-region table once put 44,670.50 under 其中走访 because its 合计 had one cell too few. For each
// table: the 合计 row has one cell per column, each additive column's total is the sum of the rows
// above, and a rate is recomputed from the sums of its two columns.
import { beforeAll, afterAll, expect, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { todayInChina } from '../lib/assistance.js';
import { eventually, loginViaForm, textOf, visible } from '../lib/ui.js';

let admin: Api;
let clerk: { username: string; password: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('合') });
  // filed files with this year's visits and money in two regions, so that every table has rows to add up
  for (const [regionCode, amount] of [['H01', 300.5], ['H08', 1200]] as const) {
    const h = await admin.createFiledHousehold({ regionCode });
    await admin.post(`/api/households/${h.id}/assistance`, { date: todayInChina(), type: '走访', description: '入户走访，了解家庭近况' }, 201);
    await admin.post(`/api/households/${h.id}/assistance`, { date: todayInChina(), type: '慰问金', amount, description: '春节慰问金', solvedProblem: true }, 201);
  }
});

afterAll(async () => {
  await admin?.dispose();
});

/** "44,670.50" → 4467050 (hundredths, to add exactly); null when the cell is not a number. */
function hundredths(text: string): number | null {
  const t = text.replace(/[,\s元户]/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Math.round(Number(t) * 100) : null;
}

const pct = (a: number, b: number) => (b ? `${((a * 100) / b).toFixed(1)}%` : '—'); // one decimal always, as the page writes it

async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

/**
 * Checks a table's 合计 row. `rates` maps a rate column's index to the indexes of its numerator and
 * denominator columns; every other column after the first must be a number in every row, summed.
 */
async function checkTotals(table: Locator, total: Locator, rates: Record<number, [number, number]> = {}): Promise<void> {
  const rows: string[][] = [];
  for (const r of await table.locator('.ant-table-tbody tr.ant-table-row').all()) rows.push(await cellTexts(r));
  expect(rows.length).toBeGreaterThan(1);
  const totals = await cellTexts(total);
  expect(totals[0]).toBe('合计');
  expect(totals.length, `合计 has ${totals.length} cells, the rows ${rows[0].length}`).toBe(rows[0].length);
  for (let i = 1; i < totals.length; i++) {
    const rate = rates[i];
    if (rate) {
      const sum = (j: number) => rows.reduce((n, r) => n + (hundredths(r[j]) as number), 0);
      expect(totals[i], `column ${i}`).toBe(pct(sum(rate[0]), sum(rate[1])));
      continue;
    }
    const values = rows.map((r) => hundredths(r[i]));
    expect(values.every((v) => v !== null), `column ${i}: ${rows.map((r) => r[i]).join(' | ')}`).toBe(true);
    expect(hundredths(totals[i]), `column ${i}`).toBe(values.reduce((a, b) => (a as number) + (b as number), 0));
  }
}

async function open(page: Page, baseUrl: string, path: string, tableId: string): Promise<Locator> {
  await page.goto(`${baseUrl}${path}`);
  const table = await visible(page.locator(`#${tableId}`));
  await eventually(() => table.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(1);
  return table;
}

test('帮扶统计, 分期分批 and 地区汇总: each 合计 cell is the sum of its column', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, clerk.username, clerk.password);

  // 帮扶统计: 地区 建档户数 已帮扶户数 帮扶次数 其中走访 帮扶金额 解决实际问题 达标户数 达标率 超期未走访
  const regions = await open(page, baseUrl, '/assistance', 'summary-regions');
  await checkTotals(regions, page.locator('[data-testid=summary-regions-total]'), { 8: [7, 1] });

  const batches = await open(page, baseUrl, '/batches', 'batches-table');
  await checkTotals(batches, page.locator('[data-testid=batches-total]'));

  const summary = await open(page, baseUrl, '/reports/region-summary', 'summary-table');
  await checkTotals(summary, page.locator('[data-testid=summary-total-row]'));
});
