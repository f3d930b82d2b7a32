// Demo data: example lines, demo users for each role, and households spread over the review path
// (most 已建档, some waiting for review, a few drafts), all filed through the normal services so
// they are versioned and audited like real ones.
import { JINGMEN_REGIONS } from '@bangfu/core';
import type { Db } from '../db/index.js';
import { loadActor } from '../modules/auth/auth.service.js';
import { createHousehold } from '../modules/households/households.service.js';
import { reviewHousehold, submitHousehold } from '../modules/households/lifecycle.service.js';
import type { Actor, Role } from '../modules/access/actor.js';
import { AppError } from '../lib/errors.js';
import { generatePassword } from '../lib/password.js';
import { createRng, syntheticHouseholds } from '../demo/synthetic.js';
import { savePolicy } from '../modules/policy/policy.service.js';
import { createUser } from '../modules/users/users.service.js';
import { addRecord } from '../modules/assistance/records.service.js';
import { addLink, saveGroups, setResponsibility } from '../modules/assistance/responsibility.service.js';
import { addDays, todayInChina } from '@bangfu/core';

/**
 * Example monthly lines (yuan per person) for 2016, labelled 示例: the real figures are not in our
 * hands, so the policy page tells the city union to replace them.
 */
export const EXAMPLE_LINES_2016: Record<string, number> = { H01: 500, H02: 480, H03: 500, H04: 520, H05: 520, H06: 480, H07: 450, H08: 520 };

/** The demo's accounts: one password for all of them, printed once. */
const DEMO_USERS: { username: string; displayName: string; orgCode: string; role: Role }[] = [
  { username: 'shizong', displayName: '张莎莎（市总生活保障部）', orgCode: 'H', role: 'city' },
  { username: 'lingdao', displayName: '领导小组', orgCode: 'H', role: 'viewer' },
  { username: 'liang', displayName: '梁实（市总领导）', orgCode: 'H', role: 'leader' },
  { username: 'wangfzx', displayName: '王副主席（市总领导）', orgCode: 'H', role: 'leader' },
  { username: 'zhaogb', displayName: '赵干部（机关干部）', orgCode: 'H', role: 'staff' },
  ...JINGMEN_REGIONS.flatMap((r) => [
    { username: `${r.code.toLowerCase()}_tianbiao`, displayName: `${r.name}填报员`, orgCode: r.code, role: 'region' as const },
    { username: `${r.code.toLowerCase()}_shenhe`, displayName: `${r.name}审核员`, orgCode: r.code, role: 'region' as const },
  ]),
];

export interface DemoResult {
  households: number;
  /** set when the demo users were created now */
  users?: { usernames: string[]; password: string };
}

async function ensureDemoUsers(db: Db, password: string | undefined): Promise<DemoResult['users']> {
  const exists = await db.selectFrom('users').select('id').where('username', '=', DEMO_USERS[0].username).executeTakeFirst();
  if (exists) return undefined;
  const pw = password ?? generatePassword(12);
  for (const u of DEMO_USERS) await createUser(db, null, { ...u, password: pw });
  return { usernames: DEMO_USERS.map((u) => u.username), password: pw };
}

async function actorOf(db: Db, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(db, Number(u.id), null))!;
}

export async function seedDemo(db: Db, count: number, opts: { seed?: number; demoPassword?: string } = {}): Promise<DemoResult> {
  const seed = opts.seed ?? 20160322;
  const users = await ensureDemoUsers(db, opts.demoPassword);
  const city = await actorOf(db, 'shizong');
  const lines = await db.selectFrom('policy_lines').select('region_code').executeTakeFirst();
  if (!lines)
    await savePolicy(db, city, null, {
      lines: Object.entries(EXAMPLE_LINES_2016).map(([regionCode, monthlyLine]) => ({ regionCode, year: 2016, monthlyLine })),
      reason: '演示数据：示例低保标准，请市总工会替换为正式标准',
    }, { example: true });
  const existing = await db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const filers = new Map<string, Actor>();
  const reviewers = new Map<string, Actor>();
  for (const r of JINGMEN_REGIONS) {
    filers.set(r.code, await actorOf(db, `${r.code.toLowerCase()}_tianbiao`));
    reviewers.set(r.code, await actorOf(db, `${r.code.toLowerCase()}_shenhe`));
  }
  const rng = createRng(seed + 7);
  let created = 0;
  const filedIds: { id: number; regionCode: string }[] = [];
  for (const h of syntheticHouseholds(count, seed + Number(existing.n), undefined, EXAMPLE_LINES_2016)) {
    try {
      const file = await createHousehold(db, filers.get(h.regionCode)!, h);
      created++;
      // most files have been through both reviews; some wait at each step; a few are drafts
      const stage = rng.next();
      if (stage < 0.05) continue;
      await submitHousehold(db, filers.get(h.regionCode)!, file.id);
      if (stage < 0.1) continue;
      await reviewHousehold(db, reviewers.get(h.regionCode)!, file.id, { level: 'unit', decision: 'agree', opinion: '经入户核实，情况属实，同意上报。' });
      if (stage < 0.15) continue;
      await reviewHousehold(db, city, file.id, { level: 'city', decision: 'agree', opinion: '同意纳入精准帮扶城镇困难职工数据库。' });
      filedIds.push({ id: file.id, regionCode: h.regionCode });
      await assist(db, rng, filers.get(h.regionCode)!, reviewers.get(h.regionCode)!, file.id);
    } catch (e) {
      // a generated worker may collide with one already on file; skip it
      if (!(e instanceof AppError && e.code === 'DUPLICATE_ID_NUMBER')) throw e;
    }
  }
  if (users && filedIds.length >= 3) {
    // the city's own links (each leader 2 households, each staff member 1) and three working groups
    const pick = (i: number) => filedIds[Math.floor((i * filedIds.length) / 7)].id;
    await addLink(db, city, pick(1), 'liang');
    await addLink(db, city, pick(2), 'liang');
    await addLink(db, city, pick(3), 'wangfzx'); // one short of two: the quota page shows it
    await addLink(db, city, pick(4), 'zhaogb');
    await saveGroups(db, city, { groups: [
      { regionCode: 'H01', name: '京山工作组', leaderUsername: 'liang' },
      { regionCode: 'H03', name: '钟祥工作组', leaderUsername: 'wangfzx' },
    ] });
  }
  return { households: created, users };
}

const daysAgo = (n: number) => addDays(todayInChina(), -n);

/** Responsibility and a few assistance records, so the quota, summary and overdue pages have content. */
async function assist(db: Db, rng: ReturnType<typeof createRng>, cadre: Actor, leader: Actor, id: number) {
  await setResponsibility(db, cadre, id, { leaderUsername: leader.username, cadreUsername: cadre.username });
  const visits = rng.int(0, 3);
  for (let i = 0; i < visits; i++) {
    const kind = rng.pick(['走访', '走访', '慰问金', '岗位推荐', '技能培训', '物资'] as const);
    await addRecord(db, cadre, id, {
      date: daysAgo(rng.int(3, 200)), type: kind,
      amount: kind === '慰问金' ? rng.pick([300, 500, 800]) : kind === '物资' ? rng.pick([150, 200.5]) : undefined,
      description: { 走访: '入户走访，了解家庭近况和帮扶需求', 慰问金: '送去慰问金', 岗位推荐: '推荐到本地企业就业', 技能培训: '参加工会组织的技能培训', 物资: '送去米、油等生活物资' }[kind],
      solvedProblem: kind === '岗位推荐' || (kind === '慰问金' && rng.chance(0.5)),
    });
  }
}
