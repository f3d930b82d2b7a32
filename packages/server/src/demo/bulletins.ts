// The demo's 通报, so that the pages are alive: a published bulletin of the 2016 campaign (read by a
// few counties) and a draft of this year's campaign. Both as of today: the demo's files were all
// entered when it was loaded, so an earlier day would count none.
import { todayInChina } from '@bangfu/core';
import type { Db } from '../db/index.js';
import type { Actor } from '../modules/access/actor.js';
import { createBulletin, getBulletin, publishBulletin } from '../modules/bulletins/bulletins.service.js';

export async function seedDemoBulletins(db: Db, city: Actor, campaigns: { y2016: number; current: number }, readers: Actor[]): Promise<void> {
  const today = todayInChina();
  const b = await createBulletin(db, city, { campaignId: campaigns.y2016, asOf: today, title: '关于“万名工会干部进万企帮万户”活动精准帮扶工作情况的通报' });
  await publishBulletin(db, city, String(b.id));
  for (const r of readers) await getBulletin(db, r, String(b.id));
  await createBulletin(db, city, { campaignId: campaigns.current, asOf: today });
}
