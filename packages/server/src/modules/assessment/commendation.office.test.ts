// The year's approved commendations as a printed list, read back by pdftotext (poppler): the title,
// the groups with their counts, the names (organizations, then people with their units), the
// signature; a nomination not approved is not on it. Runs in the `office` project.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-commendation-'));
let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  const cadre = await ctx.userIn('H03', 'region');
  const nominate = async (body: object, approve: boolean) => {
    const res = await city.post('/api/commendations', { year: 2016, reason: '成效显著', ...body });
    expect(res.statusCode, res.body).toBe(201);
    if (approve) expect((await city.post(`/api/commendations/${res.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
  };
  await nominate({ kind: 'org', orgCode: 'H03', title: '精准帮扶工作先进单位' }, true);
  await nominate({ kind: 'org', orgCode: 'H04', title: '精准帮扶工作先进单位' }, true);
  await nominate({ kind: 'org', orgCode: 'H01', title: '精准帮扶工作先进单位' }, false);
  await nominate({ kind: 'person', username: cadre.username, title: '精准帮扶工作先进个人' }, true);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('表彰名单 as PDF', () => {
  it('holds the title, the approved organizations and people in their groups, and the signature', async () => {
    const pdf = path.join(work, 'c.pdf');
    fs.writeFileSync(pdf, (await city.get('/api/commendations.pdf?year=2016')).rawPayload);
    const flat = (await run('pdftotext', [pdf, '-'])).stdout.replace(/\s+/g, '');
    expect(flat).toContain('2016年度精准帮扶工作先进单位和先进个人名单');
    expect(flat).toContain('一、精准帮扶工作先进单位（2个）钟祥东宝');
    expect(flat).toMatch(/二、精准帮扶工作先进个人（1名）.+（钟祥）/);
    expect(flat).not.toContain('京山');
    expect(flat).toContain('荆门市总工会“三万”活动工作领导小组办公室');
  });
});
