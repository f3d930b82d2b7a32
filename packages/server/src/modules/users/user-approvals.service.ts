// The second person of the two-person rule on accounts that see personal data in full: a
// city-union cadre approves or refuses what the system administrator asked for. Approval makes
// the password and shows it once, to the approver, who hands it to the account's owner.
import { z } from 'zod';
import type { ApprovalItem, ApprovalKind } from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import * as repo from './users.repository.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { generatePassword, hashPassword } from '../../lib/password.js';
import { parseInput } from '../../lib/validate.js';
import { ROLE_LABELS, type Actor, type Role } from '../access/actor.js';
import { audit } from '../audit/audit.repository.js';

export type { ApprovalKind };
export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = { create: '新建账号', reset: '重置密码', activate: '重新启用' };

/** Called inside the administrator's transaction; a second request of the same kind replaces the first. */
export async function requestApproval(trx: Q, actor: Actor, userId: number, kind: ApprovalKind) {
  await repo.insertApproval(trx, { userId, kind, requestedBy: actor.id, at: nowIso() });
  await audit(trx, actor, 'user.approvalRequest', 'user', userId, { kind });
}

const canApprove = (actor: Actor) => actor.role === 'city';

export async function listApprovals(db: Db, actor: Actor): Promise<ApprovalItem[]> {
  if (!canApprove(actor)) throw forbidden('只有市总工会可以审批账号');
  const rows = await repo.pendingApprovals(db);
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind as ApprovalKind, kindLabel: APPROVAL_KIND_LABELS[r.kind as ApprovalKind], requestedAt: r.requested_at, requestedBy: r.requested_by_name,
    user: { id: Number(r.user_id), username: r.username, displayName: r.display_name, role: r.role as Role, roleLabel: ROLE_LABELS[r.role as Role] ?? r.role, orgCode: r.org_code, orgName: r.org_name },
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
  const a = await repo.findApproval(db, id);
  if (!a) throw notFound('审批申请');
  if (a.status !== 'pending') throw new AppError('INVALID_TRANSITION', { message: '该申请已审批' });
  if (a.user_id === actor.id) throw forbidden('不能审批与自己账号有关的申请');
  const password = d.decision === 'approve' && a.kind !== 'activate' ? generatePassword() : undefined;
  const password_hash = password ? await hashPassword(password) : undefined;
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    if (!(await repo.decideApprovalRow(trx, id, { status: d.decision === 'approve' ? 'approved' : 'refused', by: actor.id, at, note: d.note ?? null }))) throw new AppError('INVALID_TRANSITION', { message: '该申请已审批' });
    if (d.decision === 'approve') {
      await repo.updateUserRow(trx, a.user_id, {
        ...(password_hash ? { password_hash, failed_logins: 0, locked_until: null } : {}),
        ...(a.kind !== 'reset' ? { active: 1 } : {}),
      });
      if (a.kind === 'reset') await repo.deleteSessionsOfUser(trx, a.user_id);
    }
    await audit(trx, actor, d.decision === 'approve' ? 'user.approve' : 'user.refuse', 'user', a.user_id, { kind: a.kind, approvalId: id, note: d.note });
  });
  return { id, status: d.decision === 'approve' ? 'approved' : 'refused', ...(password ? { password } : {}) };
}
