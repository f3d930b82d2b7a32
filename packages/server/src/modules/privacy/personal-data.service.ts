// 个人信息副本 (PIPL 第45条: a person may consult and copy their personal information): on the
// worker's request, the union that keeps the file gives them everything bangfu holds about the
// household — the file as the spec writes it, its review opinions and identification, its versions
// with every change, the plan, the assistance records, the follow-ups after an exit, its transfers between regions and units — and who processed it when (the file's audit
// rows). Only the unions that work the file (they see it unmasked) may make the copy; it is audited.
import { AUDIT_ACTION_LABELS, nowInChinaText, type AuditAction } from '@bangfu/core';
import type { Db } from '../../db/transaction.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { seesFullIdentity } from '../access/scope.js';
import { auditNow, listAudit } from '../audit/audit.repository.js';
import { getHistory, loadJson } from '../households/households.service.js';
import { listRecords } from '../assistance/records.service.js';
import { getPlan } from '../assistance/plans.service.js';
import { householdFollowUps } from '../assistance/follow-ups.service.js';
import { householdTransfers } from '../transfers/transfers.service.js';
import { householdDibaoRecords } from '../dibao/dibao.service.js';

/** The processing records a copy lists (a household's audit rows), at most: a file is read a few times a year. */
const MAX_PROCESSING_ROWS = 5000;

export async function personalDataCopy(db: Db, actor: Actor, id: number) {
  if (!seesFullIdentity(actor)) throw forbidden('只有经办档案的工会（市总工会、县区工会、基层工会）可以导出个人信息副本');
  const file = await loadJson(db, actor, id);
  if (!file) throw notFound('档案');
  const [history, records, followUps, transfers, dibao, plan, processing] = await Promise.all([
    getHistory(db, actor, id),
    listRecords(db, actor, id),
    householdFollowUps(db, actor, id),
    householdTransfers(db, actor, id),
    householdDibaoRecords(db, actor, id),
    file.status === 'filed' || file.status === 'exited' ? getPlan(db, actor, id).catch(() => null) : Promise.resolve(null),
    listAudit(db, { entity: 'household', entityId: String(id), page: 1, pageSize: MAX_PROCESSING_ROWS }),
  ]);
  await auditNow(db, actor, 'household.personalData', 'household', id, { versions: history.length, records: records.length, processing: processing.total });
  return {
    说明: '本文件是困难职工帮扶管理系统中关于该户的全部个人信息副本（依据《个人信息保护法》第四十五条），包括档案、审核意见、识别结果、修改历史、帮扶计划、帮扶记录、脱困回访记录、档案转移记录、民政低保名单核对记录以及处理记录（何时由谁查看、修改、打印、导出）。',
    exportedAt: nowInChinaText(),
    exportedBy: { name: actor.displayName, org: actor.orgName },
    file,
    history,
    plan: plan ? { urgency: plan.urgency, items: plan.items } : null,
    assistanceRecords: records,
    followUps: followUps.items,
    transfers: { formerWorkerNos: transfers.formerWorkerNos, items: transfers.items.map(({ canDecide: _d, canCancel: _c, canOpen: _o, ...t }) => t) },
    dibaoCheck: dibao,
    processing: {
      total: processing.total,
      items: processing.rows.map((r) => ({
        at: r.at, action: AUDIT_ACTION_LABELS[r.action as AuditAction] ?? r.action, by: r.username,
      })),
    },
  };
}
