// The city union's settings for regular assistance: overdue days, urgency weights, batch thresholds.
import { z } from 'zod';
import { DEFAULT_BATCH_THRESHOLDS, DEFAULT_OVERDUE_DAYS, DEFAULT_URGENCY_WEIGHTS, toFieldErrors, type BatchThresholds, type UrgencyWeights } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { forbidden, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canEditPolicy } from '../access/scope.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { Q } from '../households/households.repository.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { createJob } from '../jobs/jobs.repository.js';

export interface AssistanceSettings {
  overdueDays: number;
  urgencyWeights: UrgencyWeights;
  batchThresholds: BatchThresholds;
}

const KEY = 'assistance';
const points = (label: string) => z.number({ error: `${label}应为整数` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}不能小于0` }).max(100, { error: `${label}不能大于100` });

export const settingsSchema = z.object({
  overdueDays: z.number({ error: '走访间隔天数应为整数' }).int({ error: '走访间隔天数应为整数' }).min(7, { error: '走访间隔天数不能少于7天' }).max(366, { error: '走访间隔天数不能超过366天' }),
  urgencyWeights: z.object({
    income: points('收入权重'), illness: points('患病权重'), disability: points('残疾权重'), school: points('在校子女权重'),
    noInsurance: points('无医保权重'), enterprise: points('企业停产破产权重'), lostWorkCapacity: points('丧失劳动能力权重'),
  }),
  batchThresholds: z.object({ first: points('第一批分数线'), second: points('第二批分数线') })
    .refine((t) => t.first > t.second, { error: '第一批分数线应高于第二批', path: ['first'] }),
});

export async function getAssistanceSettings(q: Q): Promise<AssistanceSettings> {
  const row = await q.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const defaults = { overdueDays: DEFAULT_OVERDUE_DAYS, urgencyWeights: DEFAULT_URGENCY_WEIGHTS, batchThresholds: DEFAULT_BATCH_THRESHOLDS };
  return row ? { ...defaults, ...(JSON.parse(row.value) as Partial<AssistanceSettings>) } : defaults;
}

/** Saves the settings; a change of weights or thresholds re-scores every live file in the background. */
export async function saveAssistanceSettings(db: Db, actor: Actor, runner: JobRunner | null, input: unknown) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以调整帮扶设置');
  const r = settingsSchema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(toFieldErrors(r.error), 'assistance settings');
  const before = await getAssistanceSettings(db);
  const rescore = JSON.stringify([before.urgencyWeights, before.batchThresholds]) !== JSON.stringify([r.data.urgencyWeights, r.data.batchThresholds]);
  const at = nowIso();
  const jobId = await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('settings').select('key').where('key', '=', KEY).executeTakeFirst();
    if (exists) await trx.updateTable('settings').set({ value: JSON.stringify(r.data), updated_by: actor.id, updated_at: at }).where('key', '=', KEY).execute();
    else await trx.insertInto('settings').values({ key: KEY, value: JSON.stringify(r.data), updated_by: actor.id, updated_at: at }).execute();
    const job = rescore ? await createJob(trx, { kind: 'urgency', params: {}, createdBy: actor.id }) : null;
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'settings.update', entity: 'settings', entityId: KEY, detail: { before, after: r.data, jobId: job }, ip: actor.ip });
    return job;
  });
  runner?.kick();
  return { settings: r.data, jobId };
}
