// Security issue point 8: a multipart upload without a boundary, and a file name holding NUL or a
// path, are refused cleanly and leave nothing on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { sessionUserIn, type SessionClient } from '../../../test/session-client.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';

let ctx: TestContext;
let city: SessionClient;
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-upload-edge-'));
const filesNow = () => (fs.existsSync(uploadDir) ? fs.readdirSync(uploadDir).length : 0);

beforeAll(async () => {
  ctx = await createTestContext({ uploadDir });
  city = await sessionUserIn(ctx, 'H', 'city');
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe('hostile uploads', () => {
  it('multipart without a boundary: a 4xx in the error shape', async () => {
    const res = await city.request({ method: 'POST', url: '/api/imports', payload: 'xxxx', headers: { 'content-type': 'multipart/form-data' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a file name with NUL or a path is taken as a plain name, and the file does not stay on disk', async () => {
    const { worker, members } = rowsOf(makeHousehold({ regionCode: 'H02' }));
    const content = await workbookOf([worker], members);
    for (const name of ['a\u0000.xlsx', '../../../../tmp/evil.xlsx', '..\\..\\evil.xlsx']) {
      const before = filesNow();
      const res = await city.upload('/api/imports', [{ name, content }]);
      expect(res.statusCode, `${name}: ${res.body}`).toBeLessThan(500);
      await ctx.app.jobs.idle();
      // the checked upload is removed in the background: wait for that state, not for a time
      await expect.poll(filesNow, { timeout: 10_000 }).toBeLessThanOrEqual(before);
    }
    expect(fs.existsSync('/tmp/evil.xlsx')).toBe(false);
  });
});
