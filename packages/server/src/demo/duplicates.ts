// The demo's 重复建档 clues: a 掇刀区 family filed again as a draft by the county (same phone), and a
// neighbour of another family with the same surname and the address written differently; a scan is
// queued so that the server finds them when it starts.
import { JINGMEN_REGIONS, todayInChina } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { createHousehold } from '../modules/households/households.service.js';
import { createJob } from '../modules/jobs/jobs.repository.js';
import { actorOf, EXAMPLE_LINES_CURRENT, filerOf } from './accounts.js';
import { createRng, syntheticHousehold } from './synthetic.js';

export async function seedDemoDuplicates(db: Db): Promise<number> {
  const region = JINGMEN_REGIONS[1].code;
  const filed = await db.selectFrom('households').select(['id', 'name', 'phone', 'address']).where('region_code', '=', region).where('status', '=', 'filed')
    .orderBy('id').limit(2).execute();
  if (filed.length < 2) return 0;
  const rng = createRng(20_161);
  const filer = await actorOf(db, filerOf(region));
  const like = (surname: string) => {
    const h = syntheticHousehold(rng, { regionCode: region, fillDate: todayInChina(), monthlyLine: EXAMPLE_LINES_CURRENT[region] });
    return { ...h, name: surname + [...h.name].slice(1).join('') };
  };
  const [first, second] = filed;
  await createHousehold(db, filer, { ...like([...first.name][0]), phone: first.phone });
  // the same flat, with the spaces and 号 written another way
  await createHousehold(db, filer, { ...like([...second.name][0]), address: `${second.address.replace(/号/g, ' 号 ')}` });
  await createJob(db, { kind: 'duplicateScan', params: {}, createdBy: null });
  return 2;
}
