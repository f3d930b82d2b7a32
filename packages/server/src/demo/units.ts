// The demo's grassroots unions: two or so per region, two of them 大中型企事业单位 that submit to the
// city themselves (with a unit account each), so that the campaign's progress per unit is alive.
import type { Db } from '../db/index.js';
import { SYSTEM } from '../modules/audit/audit.repository.js';
import { findUnitByName } from '../modules/orgs/orgs.repository.js';
import { addUnit } from '../modules/orgs/orgs.service.js';

export const DEMO_UNITS: readonly { parentCode: string; name: string; largeEnterprise?: boolean; account?: string }[] = [
  { parentCode: 'H01', name: '京山县棉纺厂工会' },
  { parentCode: 'H01', name: '京山县轻工机械厂工会' },
  { parentCode: 'H02', name: '沙洋县纺织厂工会' },
  { parentCode: 'H03', name: '钟祥市磷化工有限公司工会' },
  { parentCode: 'H03', name: '钟祥市第一人民医院工会' },
  { parentCode: 'H04', name: '东宝区水泥厂工会' },
  { parentCode: 'H05', name: '中石化荆门分公司工会', largeEnterprise: true, account: 'shihua_gonghui' },
  { parentCode: 'H05', name: '掇刀区纺织工业园工会' },
  { parentCode: 'H06', name: '漳河新区物业公司工会' },
  { parentCode: 'H07', name: '屈家岭农垦公司工会' },
  { parentCode: 'H08', name: '荆门热电厂工会', largeEnterprise: true, account: 'redian_gonghui' },
  { parentCode: 'H08', name: '市直环卫处工会' },
];

/** Creates the demo units that do not exist yet (by name); returns every demo unit's code by name. */
export async function ensureDemoUnits(db: Db): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const found = await findUnitByName(db, u.parentCode, u.name);
    codes.set(u.name, found ? found.code : await addUnit(db, SYSTEM, u, 'demo'));
  }
  return codes;
}
