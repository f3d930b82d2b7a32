// The demo's 民政低保名单: 东宝's county union imported last month's list from the civil-affairs
// bureau, as a CSV of the bureau's own headers. It holds most of the people who say they receive
// 低保, a wife whose file says 否, and people bangfu does not know; two declared families are missing
// from it. So each kind of finding is there to work on. Skipped on a bulk-loaded database (the bench
// imports its own list).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LIVE_STATUSES, idCheckChar, todayInChina } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { importDibaoList } from '../modules/dibao/dibao.service.js';
import { actorOf, filerOf } from './accounts.js';

const REGION = 'H04';
const MAX_FILES = 2000;

export async function seedDemoDibao(db: Db): Promise<number> {
  const files = await db.selectFrom('households').select(['id', 'name', 'id_number', 'receives_dibao', 'household_size'])
    .where('region_code', '=', REGION).where('status', 'in', [...LIVE_STATUSES]).orderBy('id').limit(MAX_FILES + 1).execute();
  if (!files.length || files.length > MAX_FILES) return 0;
  const declared = files.filter((f) => Number(f.receives_dibao) === 1);
  const notDeclared = files.filter((f) => Number(f.receives_dibao) === 0);
  const rows: string[][] = [];
  // two declared families the bureau does not list
  for (const f of declared.slice(2)) rows.push([f.name, f.id_number, String(f.household_size), String(600 + (Number(f.id) % 5) * 50)]);
  for (const f of notDeclared.slice(0, 2)) {
    const wife = await db.selectFrom('household_members').select(['name', 'id_number']).where('household_id', '=', f.id).where('id_number', 'is not', null).orderBy('seq').limit(1).executeTakeFirst();
    if (wife?.id_number) rows.push([wife.name, wife.id_number, String(f.household_size), '680']);
  }
  for (let i = 0; i < 5; i++) {
    const first17 = `42080419${60 + i}0${i + 1}1${i}00${i}`;
    rows.push([['周国平', '吴秀英', '郑建华', '冯玉兰', '陈志强'][i], first17 + idCheckChar(first17), '2', '560']);
  }
  const csv = [['序号', '户主姓名', '公民身份号码', '保障人口', '月保障金（元）'], ...rows.map((r, i) => [String(i + 1), ...r])].map((r) => r.join(',')).join('\r\n');
  const file = path.join(os.tmpdir(), `bangfu-demo-dibao-${process.pid}.csv`);
  fs.writeFileSync(file, `\uFEFF${csv}`);
  const today = todayInChina();
  const lastMonth = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  try {
    await importDibaoList(db, await actorOf(db, filerOf(REGION)), { path: file, name: '东宝区城市低保花名册.csv' }, {
      month: lastMonth.toISOString().slice(0, 7), regionCode: REGION, source: '东宝区民政局',
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
  return rows.length;
}
