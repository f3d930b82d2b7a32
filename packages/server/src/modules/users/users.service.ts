import os from 'node:os';
import { z } from 'zod';
import { ORG_KIND_LABELS, passwordProblem, type UserItem } from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import * as repo from './users.repository.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, validationFailed } from '../../lib/errors.js';
import { generatePassword, hashPassword } from '../../lib/password.js';
import { ROLE_LABELS, ROLE_ORG_KIND, ROLES, type Actor, type Role } from '../access/actor.js';
import { audit, SYSTEM } from '../audit/audit.repository.js';
import { parseInput } from '../../lib/validate.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { mapConcurrently } from '../../lib/concurrency.js';
import { requestApproval } from './user-approvals.service.js';

export const newUserSchema = z
  .object({
    username: z
      .string({ error: '请填写用户名' })
      .trim()
      .regex(/^[A-Za-z0-9_.-]{3,32}$/, { error: '用户名应为3至32位字母、数字、下划线、点或横线' }),
    // not given for an account that needs the city union's approval: its password is made at approval
    password: z.string({ error: '请填写密码' }).min(10, { error: '密码至少10个字符' }).max(128, { error: '密码不能超过128个字符' }).optional(),
    displayName: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(32, { error: '姓名不能超过32个字' }),
    orgCode: z.string({ error: '请选择所属组织' }).min(1, { error: '请选择所属组织' }),
    role: z.enum(ROLES, { error: `角色应为：${ROLES.join('、')}` }).optional(),
  })
  .superRefine((u, ctx) => {
    const problem = u.password === undefined ? null : passwordProblem(u.password, u.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export type NewUser = z.input<typeof newUserSchema>;

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  /** the account waits for a city-union cadre's approval before it can log in */
  pendingApproval: boolean;
}

/**
 * Accounts that read identity numbers in full. What the system administrator (who sees them masked)
 * asks for on such an account takes effect only when a city-union cadre approves it, and the
 * password is made then and shown to the approver only: the administrator never holds a key to
 * personal data. The command line (`bangfu user add`, run by whoever runs the server) is exempt.
 */
export const needsApproval = (actor: Actor | null, role: Role) => actor?.role === 'admin' && (role === 'city' || role === 'region' || role === 'unit');

/** Creates a user. The role follows the organization unless given: the city org → city, a region → region. */
export async function createUser(db: Db, actor: Actor | null, input: unknown): Promise<UserView> {
  return (await createUsers(db, actor, [input]))[0];
}

/**
 * Several users (the demo's accounts): each checked and its password hashed side by side, one
 * hash per core (a hash takes about 0.1 s of one core by design), then created in the order given.
 */
export async function createUsers(db: Db, actor: Actor | null, inputs: readonly unknown[]): Promise<UserView[]> {
  if (actor && actor.role !== 'admin') throw forbidden('只有系统管理员可以创建用户');
  const ready = await mapConcurrently(inputs, os.availableParallelism(), (input) => checkNewUser(db, actor, input));
  const out: UserView[] = [];
  for (const u of ready) out.push(await insertNewUser(db, actor, u));
  return out;
}

async function checkNewUser(db: Db, actor: Actor | null, input: unknown) {
  const u = parseInput(newUserSchema, input, 'new user');
  const org = await findOrg(db, u.orgCode);
  if (!org || !org.active) throw validationFailed([{ path: 'orgCode', message: `组织代码 ${u.orgCode} 不存在` }], 'new user');
  const role: Role = u.role ?? (org.kind === 'city' ? 'city' : org.kind === 'region' ? 'region' : 'unit');
  if (ROLE_ORG_KIND[role] !== org.kind)
    throw validationFailed([{ path: 'orgCode', message: `${ROLE_LABELS[role]}用户应属于${ORG_KIND_LABELS[ROLE_ORG_KIND[role]]}` }], 'new user');
  const taken = await repo.findUserByName(db, u.username);
  if (taken) throw new AppError('USERNAME_TAKEN', { message: `用户名 ${u.username} 已被使用`, errors: [{ path: 'username', message: '用户名已被使用' }] });
  const pending = needsApproval(actor, role);
  if (!pending && u.password === undefined) throw validationFailed([{ path: 'password', message: '请填写密码' }], 'new user');
  // a pending account gets a password nobody knows; approval replaces it
  const password_hash = await hashPassword(pending ? generatePassword() : u.password!);
  return { u, org, role, pending, password_hash };
}

async function insertNewUser(db: Db, actor: Actor | null, { u, org, role, pending, password_hash }: Awaited<ReturnType<typeof checkNewUser>>): Promise<UserView> {
  return inTransaction(db, async (trx) => {
    const id = await repo.insertUser(trx, { username: u.username, passwordHash: password_hash, displayName: u.displayName, orgCode: org.code, role, active: !pending, at: nowIso() });
    await audit(trx, actor ?? SYSTEM, 'user.create', 'user', id, { username: u.username, role, orgCode: org.code, pendingApproval: pending });
    if (pending) await requestApproval(trx, actor!, id, 'create');
    return { id, username: u.username, displayName: u.displayName, role, orgCode: org.code, pendingApproval: pending };
  });
}

/**
 * On first start: creates `admin` with ADMIN_PASSWORD, or a generated password that the caller
 * prints once. Returns the password only when it was generated now.
 */
export async function ensureAdmin(db: Db, adminPassword: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await repo.anyAdmin(db)) return { created: false };
  const password = adminPassword ?? generatePassword();
  await createUser(db, null, { username: 'admin', password, displayName: '系统管理员', orgCode: 'H', role: 'admin' });
  return { created: true, generatedPassword: adminPassword ? undefined : password };
}

export async function listUsers(db: Db, actor: Actor): Promise<UserItem[]> {
  if (actor.role !== 'admin') throw forbidden('只有系统管理员可以查看用户列表');
  const rows = await repo.listUserRows(db);
  const pending = await repo.usersWithPendingApproval(db);
  const now = new Date().toISOString();
  return rows.map((r) => ({
    id: Number(r.id), username: r.username, displayName: r.display_name, role: r.role as Role, roleLabel: ROLE_LABELS[r.role as Role] ?? r.role,
    orgCode: r.org_code, orgName: r.org_name, active: !!r.active, locked: !!r.locked_until && r.locked_until > now, createdAt: r.created_at, pendingApproval: pending.has(Number(r.id)),
  }));
}

export const userPatchSchema = z.object({
  displayName: z.string().trim().min(1, { error: '请填写姓名' }).max(32, { error: '姓名不能超过32个字' }).optional(),
  active: z.boolean({ error: '启用状态应为 true 或 false' }).optional(),
  password: z.string().min(10, { error: '密码至少10个字符' }).max(128, { error: '密码不能超过128个字符' }).optional(),
  /** ask the city union for a new password (accounts that see identity numbers in full) */
  requestPasswordReset: z.literal(true).optional(),
  unlock: z.literal(true).optional(),
});

/** Rename, (de)activate, reset a password or lift a lock (admins). A deactivated user's sessions end. */
export async function updateUser(db: Db, actor: Actor, id: number, input: unknown) {
  if (actor.role !== 'admin') throw forbidden('只有系统管理员可以管理用户');
  const p = parseInput(userPatchSchema, input, 'user update');
  if (p.displayName === undefined && p.active === undefined && p.password === undefined && !p.requestPasswordReset && !p.unlock)
    throw validationFailed([{ path: 'displayName', message: '请至少修改一项：姓名、启用状态、密码或解锁' }], 'empty user update');
  const user = await repo.findUserById(db, id);
  if (!user) throw new AppError('NOT_FOUND', { message: '用户不存在' });
  const weak = p.password === undefined ? null : passwordProblem(p.password, user.username);
  if (weak) throw validationFailed([{ path: 'password', message: weak }], 'user update');
  if (p.active === false && user.id === actor.id) throw validationFailed([{ path: 'active', message: '不能停用自己的账号' }], 'user update');
  const gated = needsApproval(actor, user.role as Role);
  const reset = gated && (p.password !== undefined || p.requestPasswordReset === true);
  const activate = gated && p.active === true && !user.active;
  const password_hash = p.password && !gated ? await hashPassword(p.password) : undefined;
  await inTransaction(db, async (trx) => {
    if (reset) await requestApproval(trx, actor, id, 'reset');
    if (activate) await requestApproval(trx, actor, id, 'activate');
    const set = {
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.active !== undefined && !activate ? { active: p.active ? 1 : 0 } : {}),
      ...(password_hash ? { password_hash } : {}),
      ...(p.unlock || password_hash ? { locked_until: null, failed_logins: 0 } : {}),
    };
    if (Object.keys(set).length) await repo.updateUserRow(trx, id, set);
    if (p.active === false || password_hash) await repo.deleteSessionsOfUser(trx, id);
    await audit(trx, actor, 'user.update', 'user', id, { displayName: p.displayName, active: p.active, passwordReset: !!password_hash, unlock: p.unlock, approvalRequested: reset || activate ? (reset ? 'reset' : 'activate') : undefined });
  });
  return (await listUsers(db, actor)).find((u) => u.id === id)!;
}
