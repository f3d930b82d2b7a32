// Removal proposals (剔除建议): files that meet no condition wait here for a person. Confirming
// removes the file with the proposal's reason and the result that caused it, in one
// transaction with its audit row; rejecting keeps the file. Many can be decided at once.
import { z } from 'zod';
import { maskIdNumber, toFieldErrors } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canDecideProposals, householdScope } from '../access/scope.js';
import { appendAudit } from '../audit/audit.repository.js';
import { transitionInTransaction } from '../households/lifecycle.service.js';
import { listOrgs } from '../orgs/orgs.repository.js';

export const proposalQuerySchema = z.object({
  status: z.enum(['pending', 'confirmed', 'rejected', 'withdrawn'], { error: '状态应为 pending、confirmed、rejected 或 withdrawn' }).default('pending'),
  regionCode: z.string().regex(/^[A-Z]\d{2}$/, { error: '地区代码格式不正确' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, { error: '每页条数应为1至200' }).default(50),
});

export const decideSchema = z.object({
  ids: z.array(z.number().int().positive().max(2_147_483_647, { error: '剔除建议编号无效' }), { error: '请选择剔除建议' }).min(1, { error: '请至少选择一条剔除建议' }).max(1000, { error: '一次最多处理1000条' }),
  decision: z.enum(['confirm', 'reject'], { error: '处理意见应为 confirm（确认剔除）或 reject（不予剔除）' }),
  note: z.string().trim().max(500, { error: '说明不能超过500个字' }).optional(),
});

export async function listProposals(db: Db, actor: Actor, query: unknown) {
  const clean = Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
  const r = proposalQuerySchema.safeParse(clean);
  if (!r.success) throw validationFailed(toFieldErrors(r.error), 'proposal list');
  const f = r.data;
  const base = db
    .selectFrom('removal_proposals')
    .innerJoin('households', 'households.id', 'removal_proposals.household_id')
    .where(householdScope(actor))
    .where('removal_proposals.status', '=', f.status)
    .$if(!!f.regionCode, (q) => q.where('removal_proposals.region_code', '=', f.regionCode!));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .select(['removal_proposals.id', 'removal_proposals.household_id', 'removal_proposals.reason', 'removal_proposals.result', 'removal_proposals.status',
      'removal_proposals.created_at', 'removal_proposals.decided_at', 'removal_proposals.note', 'removal_proposals.policy_version',
      'households.worker_no', 'households.name', 'households.id_number', 'households.region_code', 'households.category'])
    .orderBy('removal_proposals.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const names = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  return {
    total: Number(total),
    items: rows.map((x) => {
      const result = JSON.parse(x.result);
      return {
        id: Number(x.id),
        householdId: Number(x.household_id),
        workerNo: x.worker_no,
        name: x.name,
        idNumber: maskIdNumber(x.id_number),
        regionCode: x.region_code,
        regionName: names.get(x.region_code) ?? x.region_code,
        category: x.category,
        status: x.status,
        reason: x.reason,
        perCapitaIncome: result.perCapitaIncome,
        annualLine: result.annualLine,
        explanation: result.explanation,
        policyVersion: x.policy_version,
        createdAt: x.created_at,
        decidedAt: x.decided_at,
        note: x.note,
      };
    }),
  };
}

export async function decideProposals(db: Db, actor: Actor, input: unknown) {
  const r = decideSchema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(toFieldErrors(r.error), 'proposal decision');
  const { ids, decision, note } = r.data;
  if (!canDecideProposals(actor)) throw new AppError(403, 'FORBIDDEN', '只有市总工会和县（市、区）工会可以处理剔除建议');
  const results: { id: number; ok: boolean; code?: string; message?: string }[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await db.transaction().execute(async (trx) => {
        const p = await trx
          .selectFrom('removal_proposals')
          .innerJoin('households', 'households.id', 'removal_proposals.household_id')
          .select(['removal_proposals.id', 'removal_proposals.household_id', 'removal_proposals.status', 'removal_proposals.reason', 'removal_proposals.result', 'households.region_code'])
          .where('removal_proposals.id', '=', id)
          .where(householdScope(actor))
          .executeTakeFirst();
        if (!p) throw new AppError(404, 'NOT_FOUND', '剔除建议不存在或无权处理');
        if (p.status !== 'pending') throw new AppError(409, 'ALREADY_DECIDED', '该剔除建议已处理');
        const at = nowIso();
        if (decision === 'confirm') {
          const result = JSON.parse(p.result);
          await transitionInTransaction(trx, actor, Number(p.household_id), 'remove', { reason: p.reason.slice(0, 500) }, {
            proposalId: id, result: { conditions: result.conditions, perCapitaIncome: result.perCapitaIncome, annualLine: result.annualLine, policyVersion: result.policy?.version },
          });
        } else {
          await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'removal_proposal.reject', entity: 'household', entityId: Number(p.household_id), detail: { proposalId: id, note }, ip: actor.ip });
        }
        await trx.updateTable('removal_proposals')
          .set({ status: decision === 'confirm' ? 'confirmed' : 'rejected', decided_by: actor.id, decided_at: at, note: note ?? null })
          .where('id', '=', id).execute();
      });
      results.push({ id, ok: true });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: e.userMessage });
    }
  }
  return { decided: results.filter((x) => x.ok).length, results };
}
