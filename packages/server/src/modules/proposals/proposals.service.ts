// Removal proposals (剔除建议): files that meet no condition wait here for a person. The rule
// that makes and withdraws them is core's proposalStep, taken whenever a result is stored
// (households/evaluation.service.ts). Confirming removes the file with the proposal's reason and
// the result that caused it, in one transaction with its audit row; rejecting keeps the file.
// Many can be decided at once.
import { z } from 'zod';
import { maskIdNumber, PROPOSAL_STATUSES, type ProposalStatus } from '@bangfu/core';
import type { Db } from '../../db/transaction.js';
import { eachInOwnTransaction } from '../../lib/batch.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { canDecideProposals } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import { updateProposal } from '../households/households.repository.js';
import { findProposalInScope, listProposalRows } from '../households/households.queries.js';
import { transitionInTransaction } from '../households/lifecycle.service.js';
import { listOrgs } from '../orgs/orgs.repository.js';

export const proposalQuerySchema = z.object({
  status: z.enum(PROPOSAL_STATUSES, { error: '状态应为 pending、confirmed、rejected 或 withdrawn' }).default('pending'),
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
  const f = parseQuery(proposalQuerySchema, query, 'proposal list');
  const { rows, total } = await listProposalRows(db, actor, f);
  const names = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  return {
    total,
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
        status: x.status as ProposalStatus,
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
  const { ids, decision, note } = parseInput(decideSchema, input, 'proposal decision');
  if (!canDecideProposals(actor)) throw forbidden('只有市总工会和县（市、区）工会可以处理剔除建议');
  const results = await eachInOwnTransaction(db, ids, async (trx, id) => {
    const p = await findProposalInScope(trx, actor, id);
    if (!p) throw new AppError('NOT_FOUND', { message: '剔除建议不存在或无权处理' });
    if (p.status !== 'pending') throw new AppError('ALREADY_DECIDED', { message: '该剔除建议已处理' });
    const at = nowIso();
    if (decision === 'confirm') {
      const result = JSON.parse(p.result);
      await transitionInTransaction(trx, actor, Number(p.household_id), 'remove', { reason: p.reason.slice(0, 500) }, {
        proposalId: id, result: { conditions: result.conditions, perCapitaIncome: result.perCapitaIncome, annualLine: result.annualLine, policyVersion: result.policy?.version },
      });
    } else {
      await audit(trx, actor, 'removal_proposal.reject', 'household', Number(p.household_id), { proposalId: id, note });
    }
    await updateProposal(trx, id, { status: decision === 'confirm' ? 'confirmed' : 'rejected', decided_by: actor.id, decided_at: at, note: note ?? null });
  });
  return { decided: results.filter((x) => x.ok).length, results };
}
