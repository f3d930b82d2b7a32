// 保存期限 (PIPL 第47条: personal information is deleted once the purpose is met and the retention
// period has passed): a file that ended (剔除 or 脱困) more than the retention years ago loses its
// personal data for good — name, identity and phone numbers, address, employer, health, free text,
// family members, the versions' snapshots, the opinions' and records' text — while what the counts and
// the year's statistics read stays, so the kept counts and past assessments do not move. Run by the
// administrator (`bangfu retention`), in batches, each one transaction with an audit row per file.
import { todayInChina } from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import { appendAuditMany, SYSTEM, type AuditActor } from '../audit/audit.repository.js';
import { endedFilesBefore, erasePersonalData } from '../households/households.repository.js';
import { eraseAssistanceText } from '../assistance/assistance.repository.js';
import { eraseTransferText } from '../transfers/transfers.repository.js';
import { eraseDibaoRecords } from '../dibao/dibao.repository.js';

/** Years after a file ends that its personal data is kept: the default when the command names none. */
export const DEFAULT_RETENTION_YEARS = 5;
const BATCH = 500;

export interface RetentionResult {
  cutoff: string;
  /** files whose personal data is (dry run: would be) erased, per region and status */
  byRegion: { regionCode: string; removed: number; exited: number }[];
  total: number;
  applied: boolean;
}

/** The first day that is kept: files that ended before it are past retention. */
export function retentionCutoff(years: number, today = todayInChina()): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years); // 29 February of a leap year becomes 1 March
  return d.toISOString().slice(0, 10);
}

export async function applyRetention(db: Db, opts: { years?: number; apply?: boolean; by?: AuditActor; today?: string } = {}): Promise<RetentionResult> {
  const years = opts.years ?? DEFAULT_RETENTION_YEARS;
  if (!Number.isInteger(years) || years < 1 || years > 100) throw new Error('--years must be a whole number from 1 to 100');
  const cutoff = retentionCutoff(years, opts.today);
  const by = opts.by ?? SYSTEM;
  const counts = new Map<string, { removed: number; exited: number }>();
  let after = 0;
  let total = 0;
  for (;;) {
    const batch = await endedFilesBefore(db, cutoff, after, BATCH);
    if (!batch.length) break;
    after = Number(batch[batch.length - 1]!.id);
    for (const f of batch) {
      const c = counts.get(f.region_code) ?? counts.set(f.region_code, { removed: 0, exited: 0 }).get(f.region_code)!;
      c[f.status as 'removed' | 'exited']++;
    }
    total += batch.length;
    if (!opts.apply) continue;
    const ids = batch.map((f) => Number(f.id));
    await inTransaction(db, async (trx) => {
      await erasePersonalData(trx, ids);
      await eraseAssistanceText(trx, ids);
      await eraseTransferText(trx, ids);
      await eraseDibaoRecords(trx, ids);
      await appendAuditMany(trx, batch.map((f) => ({
        userId: by.id, username: by.username, ip: by.ip, action: 'household.erase' as const, entity: 'household' as const, entityId: Number(f.id),
        detail: { status: f.status, endedOn: f.ended_on, retentionYears: years },
      })));
    });
  }
  return {
    cutoff, total, applied: !!opts.apply,
    byRegion: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([regionCode, c]) => ({ regionCode, ...c })),
  };
}
