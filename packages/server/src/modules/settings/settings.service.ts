// The city union's settings for regular assistance: overdue days, urgency weights, batch thresholds.
// A change of weights or thresholds re-scores every live file (households' urgency job).
import { z } from 'zod';
import { DEFAULT_BATCH_THRESHOLDS, DEFAULT_FOLLOW_UP_MONTHS, DEFAULT_OVERDUE_DAYS, DEFAULT_URGENCY_WEIGHTS, followUpMonthsSchema, type AssistanceSettings } from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { forbidden } from '../../lib/errors.js';
import { parseInput } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { canEditPolicy } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { createJob } from '../jobs/jobs.repository.js';
import { readSetting, writeSetting } from './settings.repository.js';

// their shape is core's (assistanceSettingsViewSchema), the one the routes answer with
export type { AssistanceSettings };

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
  // left out: kept as it was (older clients send the three settings above only)
  followUpMonths: followUpMonthsSchema.optional(),
});

export async function getAssistanceSettings(q: Q): Promise<AssistanceSettings> {
  const value = await readSetting(q, KEY);
  const defaults = { overdueDays: DEFAULT_OVERDUE_DAYS, urgencyWeights: DEFAULT_URGENCY_WEIGHTS, batchThresholds: DEFAULT_BATCH_THRESHOLDS, followUpMonths: [...DEFAULT_FOLLOW_UP_MONTHS] };
  return value ? { ...defaults, ...(JSON.parse(value) as Partial<AssistanceSettings>) } : defaults;
}

/** Saves the settings; a change of weights or thresholds re-scores every live file in the background, one of the follow-up months re-plans the exited files. */
export async function saveAssistanceSettings(db: Db, actor: Actor, runner: JobRunner | null, input: unknown) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以调整帮扶设置');
  const parsed = parseInput(settingsSchema, input, 'assistance settings');
  const before = await getAssistanceSettings(db);
  const data: AssistanceSettings = { ...parsed, followUpMonths: parsed.followUpMonths ?? before.followUpMonths };
  const rescore = JSON.stringify([before.urgencyWeights, before.batchThresholds]) !== JSON.stringify([data.urgencyWeights, data.batchThresholds]);
  const replan = JSON.stringify(before.followUpMonths) !== JSON.stringify(data.followUpMonths);
  const at = nowIso();
  const jobId = await inTransaction(db, async (trx) => {
    await writeSetting(trx, KEY, JSON.stringify(data), actor.id, at);
    const job = rescore ? await createJob(trx, { kind: 'urgency', params: {}, createdBy: actor.id }) : null;
    // every exited file's next follow-up moves with the schedule (its own job: the answer names the re-scoring one)
    const replanJob = replan ? await createJob(trx, { kind: 'followUpSchedule', params: {}, createdBy: actor.id }) : null;
    await audit(trx, actor, 'settings.update', 'settings', KEY, { before, after: data, jobId: job, replanJobId: replanJob });
    return job;
  });
  runner?.kick();
  return { settings: data, jobId };
}
