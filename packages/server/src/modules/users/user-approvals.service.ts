// The second person of the two-person rule on accounts that see personal data in full: a
// city-union cadre approves or refuses what the system administrator asked for. Approval makes
// the password and shows it once, to the approver, who hands it to the account's owner.
import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { generatePassword, hashPassword } from '../../lib/password.js';
import { parseInput } from '../../lib/validate.js';
import { ROLE_LABELS, type Actor, type Role } from '../access/actor.js';
import { appendAudit } from '../audit/audit.repository.js';

export type ApprovalKind = 'create' | 'reset' | 'activate';
export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = { create: '新建账号', reset: '重置密码', activate: '重新启用' };

/** Called inside the administrator's transaction; a second request of the same kind replaces the first. */
export async function requestApproval(trx: Transaction<Database> | Kysely<Database>, actor: Actor, userId: number, kind: ApprovalKind) {
  await trx.updateTable('user_approvals').set({ status: 'refused', decided_at: nowIso(), note: '已被新的申请取代' })
    .where('user_id', '=', userId).where('kind', '=', kind).where('status', '=', 'pending').execute();
  await trx.insertInto('user_approvals').values({ user_id: userId, kind, status: 'pending', requested_by: actor.id, requested_at: nowIso(), decided_by: null, decided_at: null, note: null }).execute();
  await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'user.approvalRequest', entity: 'user', entityId: userId, detail: { kind }, ip: actor.ip });
}

const canApprove = (actor: Actor) => actor.role === 'city';

export async function listApprovals(db: Db, actor: Actor) {
  if (!canApprove(actor)) throw forbidden('只有市总工会可以审批账号');
  const rows = await db.selectFrom('user_approvals as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('orgs as o', 'o.code', 'u.org_code')
    .innerJoin('users as r', 'r.id', 'a.requested_by')
    .select(['a.id', 'a.kind', 'a.requested_at', 'u.id as user_id', 'u.username', 'u.display_name', 'u.role', 'u.org_code', 'o.name as org_name', 'r.display_name as requested_by_name'])
    .where('a.status', '=', 'pending')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind as ApprovalKind, kindLabel: APPROVAL_KIND_LABELS[r.kind as ApprovalKind], requestedAt: r.requested_at, requestedBy: r.requested_by_name,
    user: { id: Number(r.user_id), username: r.username, displayName: r.display_name, role: r.role, roleLabel: ROLE_LABELS[r.role as Role] ?? r.role, orgCode: r.org_code, orgName: r.org_name },
  }));
}

export const approvalDecisionSchema = z.object({
  decision: z.enum(['approve', 'refuse'], { error: '审批意见应为 approve（批准）或 refuse（拒绝）' }),
  note: z.string().trim().max(200, { error: '说明不能超过200个字' }).optional(),
});

/** Approve or refuse; an approved create or reset answers the new password, once. */
export async function decideApproval(db: Db, actor: Actor, id: number, input: unknown): Promise<{ id: number; status: 'approved' | 'refused'; password?: string }> {
  if (!canApprove(actor)) throw forbidden('只有市总工会可以审批账号');
  const d = parseInput(approvalDecisionSchema, input, 'approval');
  const a = await db.selectFrom('user_approvals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('审批申请');
  if (a.status !== 'pending') throw new AppError(409, 'INVALID_TRANSITION', '该申请已审批');
  if (a.user_id === actor.id) throw forbidden('不能审批与自己账号有关的申请');
  const password = d.decision === 'approve' && a.kind !== 'activate' ? generatePassword() : undefined;
  const password_hash = password ? await hashPassword(password) : undefined;
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('user_approvals').set({ status: d.decision === 'approve' ? 'approved' : 'refused', decided_by: actor.id, decided_at: at, note: d.note ?? null })
      .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, 'INVALID_TRANSITION', '该申请已审批');
    if (d.decision === 'approve') {
      await trx.updateTable('users').set({
        ...(password_hash ? { password_hash, failed_logins: 0, locked_until: null } : {}),
        ...(a.kind !== 'reset' ? { active: 1 } : {}),
      }).where('id', '=', a.user_id).execute();
      if (a.kind === 'reset') await trx.deleteFrom('sessions').where('user_id', '=', a.user_id).execute();
    }
    await appendAudit(trx, {
      userId: actor.id, username: actor.username, action: d.decision === 'approve' ? 'user.approve' : 'user.refuse', entity: 'user', entityId: a.user_id,
      detail: { kind: a.kind, approvalId: id, note: d.note }, ip: actor.ip,
    });
  });
  return { id, status: d.decision === 'approve' ? 'approved' : 'refused', ...(password ? { password } : {}) };
}
