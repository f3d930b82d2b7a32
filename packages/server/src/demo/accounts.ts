// The demo's accounts and example policy, shared by the per-file demo (cli/demo.ts) and the bulk
// loader (bulk.ts).
import { JINGMEN_REGIONS, todayInChina } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { loadActor } from '../modules/auth/auth.service.js';
import type { Actor, Role } from '../modules/access/actor.js';
import { generatePassword } from '../lib/password.js';
import { savePolicy } from '../modules/policy/policy.service.js';
import { createUsers } from '../modules/users/users.service.js';
import { addLink, saveGroups } from '../modules/assistance/responsibility.service.js';
import { DEMO_UNITS, ensureDemoUnits } from './units.js';

/**
 * Example monthly lines (yuan per person) for 2016, labelled 示例: the real figures are not in our
 * hands, so the policy page tells the city union to replace them.
 */
export const EXAMPLE_LINES_2016: Record<string, number> = { H01: 500, H02: 480, H03: 500, H04: 520, H05: 520, H06: 480, H07: 450, H08: 520 };

/** The demo's accounts: one password for all of them, printed once. */
export const DEMO_USERS: { username: string; displayName: string; orgCode: string; role: Role }[] = [
  { username: 'shizong', displayName: '张莎莎（市总生活保障部）', orgCode: 'H', role: 'city' },
  { username: 'lingdao', displayName: '领导小组', orgCode: 'H', role: 'viewer' },
  { username: 'liang', displayName: '梁实（市总领导）', orgCode: 'H', role: 'leader' },
  { username: 'wangfzx', displayName: '王副主席（市总领导）', orgCode: 'H', role: 'leader' },
  { username: 'zhaogb', displayName: '赵干部（机关干部）', orgCode: 'H', role: 'staff' },
  ...JINGMEN_REGIONS.flatMap((r) => [
    { username: filerOf(r.code), displayName: `${r.name}填报员`, orgCode: r.code, role: 'region' as const },
    { username: reviewerOf(r.code), displayName: `${r.name}审核员`, orgCode: r.code, role: 'region' as const },
  ]),
];

/** The county-union account that files a region's demo households, and the one that reviews them. */
export function filerOf(regionCode: string): string {
  return `${regionCode.toLowerCase()}_tianbiao`;
}
export function reviewerOf(regionCode: string): string {
  return `${regionCode.toLowerCase()}_shenhe`;
}

export interface DemoUsers {
  usernames: string[];
  password: string;
}

/** Creates the demo accounts unless they exist; returns them (with the password) when created now. */
export async function ensureDemoUsers(db: Db, password: string | undefined): Promise<DemoUsers | undefined> {
  const exists = await db.selectFrom('users').select('id').where('username', '=', DEMO_USERS[0].username).executeTakeFirst();
  if (exists) return undefined;
  const pw = password ?? generatePassword(12);
  // the 大中型企事业单位 submit to the city themselves: a unit account each
  const units = await ensureDemoUnits(db);
  const unitUsers = DEMO_UNITS.filter((u) => u.account).map((u) => ({ username: u.account!, displayName: `${u.name}（基层工会）`, orgCode: units.get(u.name)!, role: 'unit' as const }));
  const all = [...DEMO_USERS, ...unitUsers];
  await createUsers(db, null, all.map((u) => ({ ...u, password: pw })));
  return { usernames: all.map((u) => u.username), password: pw };
}

export async function actorOf(db: Db, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(db, Number(u.id), null))!;
}

/**
 * The current year's example lines: new filings default to today, and without a line of their
 * year every one came out 无法判定. Marked 示例 like the 2016 ones.
 */
export const EXAMPLE_LINES_CURRENT: Record<string, number> = { H01: 730, H02: 710, H03: 730, H04: 750, H05: 750, H06: 710, H07: 680, H08: 750 };

/**
 * The example lines (2016, the seed's year, and the current year), saved through the policy
 * service so the change is versioned and audited. Once the city has entered a line of its own,
 * nothing is added.
 */
export async function ensureExampleLines(db: Db, city: Actor): Promise<void> {
  const lines = await db.selectFrom('policy_lines').select(['region_code', 'year', 'is_example']).execute();
  if (lines.some((l) => l.is_example !== 1)) return;
  const year = Number(todayInChina().slice(0, 4));
  const has = new Set(lines.map((l) => `${l.region_code}/${Number(l.year)}`));
  const wanted = [
    ...Object.entries(EXAMPLE_LINES_2016).map(([regionCode, monthlyLine]) => ({ regionCode, year: 2016, monthlyLine })),
    ...(year === 2016 ? [] : Object.entries(EXAMPLE_LINES_CURRENT).map(([regionCode, monthlyLine]) => ({ regionCode, year, monthlyLine }))),
  ].filter((l) => !has.has(`${l.regionCode}/${l.year}`));
  if (wanted.length)
    await savePolicy(db, city, null, { lines: wanted, reason: '演示数据：示例低保标准，请市总工会替换为正式标准' }, { example: true });
}

/** The city's own links (each leader 2 households, each staff member 1) and two working groups. */
export async function cityLinksAndGroups(db: Db, city: Actor, filedIds: number[]): Promise<void> {
  if (filedIds.length < 3) return;
  const pick = (i: number) => filedIds[Math.floor((i * filedIds.length) / 7)];
  await addLink(db, city, pick(1), 'liang');
  await addLink(db, city, pick(2), 'liang');
  await addLink(db, city, pick(3), 'wangfzx'); // one short of two: the quota page shows it
  await addLink(db, city, pick(4), 'zhaogb');
  await saveGroups(db, city, { groups: [
    { regionCode: 'H01', name: '京山工作组', leaderUsername: 'liang', memberUsernames: ['zhaogb'] },
    { regionCode: 'H03', name: '钟祥工作组', leaderUsername: 'wangfzx' },
  ] });
}
