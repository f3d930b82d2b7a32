import { z } from 'zod';
import { toFieldErrors } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, validationFailed } from '../../lib/errors.js';
import { generatePassword, hashPassword } from '../../lib/password.js';
import { ROLE_LABELS, ROLE_ORG_KIND, ROLES, type Actor, type Role } from '../access/actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findOrg } from '../orgs/orgs.repository.js';

export const newUserSchema = z
  .object({
    username: z
      .string({ error: '请填写用户名' })
      .trim()
      .regex(/^[A-Za-z0-9_.-]{3,32}$/, { error: '用户名应为3至32位字母、数字、下划线、点或横线' }),
    password: z.string({ error: '请填写密码' }).min(10, { error: '密码至少10个字符' }).max(128, { error: '密码不能超过128个字符' }),
    displayName: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(32, { error: '姓名不能超过32个字' }),
    orgCode: z.string({ error: '请选择所属组织' }).min(1, { error: '请选择所属组织' }),
    role: z.enum(ROLES, { error: `角色应为：${ROLES.join('、')}` }).optional(),
  })
  .refine((u) => u.password.toLowerCase() !== u.username.toLowerCase(), { path: ['password'], error: '密码不能与用户名相同' });

export type NewUser = z.input<typeof newUserSchema>;

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
}

/** Creates a user. The role follows the organization unless given: the city org → city, a region → region. */
export async function createUser(db: Db, actor: Actor | null, input: unknown): Promise<UserView> {
  if (actor && actor.role !== 'admin') throw forbidden('只有系统管理员可以创建用户');
  const r = newUserSchema.safeParse(input);
  if (!r.success) throw validationFailed(toFieldErrors(r.error), 'new user');
  const u = r.data;
  const org = await findOrg(db, u.orgCode);
  if (!org || !org.active) throw validationFailed([{ path: 'orgCode', message: `组织代码 ${u.orgCode} 不存在` }], 'new user');
  const role: Role = u.role ?? (org.kind === 'city' ? 'city' : org.kind === 'region' ? 'region' : 'unit');
  const ORG_KIND_LABELS = { city: '市总工会', region: '县（市、区）工会', unit: '基层工会' } as const;
  if (ROLE_ORG_KIND[role] !== org.kind)
    throw validationFailed([{ path: 'orgCode', message: `${ROLE_LABELS[role]}用户应属于${ORG_KIND_LABELS[ROLE_ORG_KIND[role]]}` }], 'new user');
  const taken = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
  if (taken) throw new AppError(409, 'USERNAME_TAKEN', `用户名 ${u.username} 已被使用`, [{ path: 'username', message: '用户名已被使用' }]);
  const password_hash = await hashPassword(u.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({ username: u.username, password_hash, display_name: u.displayName, org_code: org.code, role, active: 1, failed_logins: 0, locked_until: null, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await appendAudit(trx, {
      userId: actor?.id ?? null, username: actor?.username ?? 'system', action: 'user.create', entity: 'user', entityId: id,
      detail: { username: u.username, role, orgCode: org.code }, ip: actor?.ip ?? null,
    });
    return { id, username: u.username, displayName: u.displayName, role, orgCode: org.code };
  });
}

/**
 * On first start: creates `admin` with ADMIN_PASSWORD, or a generated password that the caller
 * prints once. Returns the password only when it was generated now.
 */
export async function ensureAdmin(db: Db, adminPassword: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  const any = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (any) return { created: false };
  const password = adminPassword ?? generatePassword();
  await createUser(db, null, { username: 'admin', password, displayName: '系统管理员', orgCode: 'H', role: 'admin' });
  return { created: true, generatedPassword: adminPassword ? undefined : password };
}

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  if (actor.role !== 'admin') throw forbidden('只有系统管理员可以查看用户列表');
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'org_code']).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), username: r.username, displayName: r.display_name, role: r.role as Role, orgCode: r.org_code }));
}
