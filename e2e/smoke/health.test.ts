// Smoke test: the real server (started by e2e/global-setup.ts) answers its health check in Chromium.
import { expect } from 'vitest';
import { test } from '../lib/test.js';

test('GET /api/health answers {"status":"ok"} in Chromium', async ({ page, baseUrl }) => {
  const res = await page.goto(`${baseUrl}/api/health`);
  expect(res, 'navigation response').not.toBeNull();
  expect(res!.status()).toBe(200);
  expect(res!.headers()['content-type']).toMatch(/application\/json/);
  const body = await res!.json();
  expect(body).toMatchObject({ status: 'ok' });
});
