// The demo's 档案转移: one family that moved from 东宝区 to 掇刀区 last month (its old number still
// finds it), and one waiting in 东宝区's 待办: 钟祥市 asks to hand over a family that moved to 东宝区.
import { JINGMEN_REGIONS } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { decideTransfer, requestTransfer } from '../modules/transfers/transfers.service.js';
import { actorOf, filerOf } from './accounts.js';

/** A filed file of the region, the county's own before its units' (a small demo may have few of either). */
async function filedOf(db: Db, regionCode: string, skip: number): Promise<number | undefined> {
  const row = await db.selectFrom('households').select('id').where('region_code', '=', regionCode).where('status', '=', 'filed')
    .orderBy((eb) => eb.case().when('unit_id', 'is', null).then(0).else(1).end()).orderBy('id').offset(skip).limit(1).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function seedDemoTransfers(db: Db): Promise<number> {
  const [h01, h02] = JINGMEN_REGIONS;
  const h03 = JINGMEN_REGIONS[2];
  let n = 0;
  const moved = await filedOf(db, h01.code, 1);
  if (moved !== undefined) {
    const asked = await requestTransfer(db, await actorOf(db, filerOf(h01.code)), moved, { toRegionCode: h02.code, reason: '全家随子女迁居掇刀区，户籍已迁入' });
    await decideTransfer(db, await actorOf(db, filerOf(h02.code)), asked.id, { decision: 'agree', opinion: '经核实已在本区居住，同意接收' });
    n++;
  }
  const waiting = await filedOf(db, h03.code, 0);
  if (waiting !== undefined) {
    await requestTransfer(db, await actorOf(db, filerOf(h03.code)), waiting, { toRegionCode: h01.code, reason: '职工调入东宝区工作，全家随迁' });
    n++;
  }
  return n;
}
