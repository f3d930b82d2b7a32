// `bangfu import | export | template`: the same import check, commit and export as the web, run
// in this process through the same jobs. Import writes nothing without --commit.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';
import { JobRunner } from '../modules/jobs/jobs.runner.js';
import { importAnalyzeJob, importCommitJob } from '../modules/exchange/import.jobs.js';
import { fileKind, type UploadedFile } from '../modules/exchange/import.read.js';
import { allImportErrors, cancelImport, createImport, getImport, importView, listImportRows, requestCommit, type ImportView } from '../modules/exchange/import.service.js';
import { findImport } from '../modules/exchange/exchange.repository.js';
import { getProgress } from '../modules/exchange/import.progress.js';
import { exportHouseholds, parseExportFilter, writeTemplate } from '../modules/exchange/export.workbook.js';
import { cliActor } from './actor.js';

type Print = (line: string) => void;

const quietLog = { info() {}, error(obj: unknown, msg?: string) { console.error(msg ?? 'job failed', obj); } };

const PHASES = { reading: '读取文件', checking: '检查', writing: '写入' } as const;

/** Runs the queued jobs, printing progress every second (a check's from this process, a commit's from its job row). */
async function runJobs(db: Db, importId: number, print: Print): Promise<void> {
  const runner = new JobRunner(db, { 'import.analyze': importAnalyzeJob, 'import.commit': importCommitJob }, quietLog, { params: JSON.stringify({ importId }) });
  const timer = setInterval(() => {
    findImport(db, importId).then((row) => {
      const p = row ? importView(row).progress : getProgress(importId);
      if (p?.phase) print(`  ${PHASES[p.phase]} ${p.done}${p.total ? ` / ${p.total}` : ''}`);
    }).catch(() => undefined);
  }, 1000);
  try {
    runner.kick();
    await runner.idle();
  } finally {
    clearInterval(timer);
  }
}

function printSummary(v: ImportView, print: Print): void {
  const c = v.counts;
  print(`检查结果 check: 共 ${c.rows} 户 — 新增 new ${c.new}，变更 changed ${c.changed}，无变化 unchanged ${c.unchanged}，有错误 error ${c.error}（${v.errorCount} 处 lines）${c.warning ? `，提示 ${c.warning} 户` : ''}`);
}

export async function importCommand(db: Db, files: string[], opts: { commit: boolean; goodRowsOnly: boolean; user?: string; uploadDir: string }, print: Print): Promise<number> {
  if (files.length === 0 || files.length > 2) throw new Error('用法 usage: bangfu import FILE.xlsx|FILE.csv [MEMBERS.csv] [--commit] [--good-rows-only] [--user U]');
  const actor = await cliActor(db, opts.user);
  await fs.promises.mkdir(opts.uploadDir, { recursive: true });
  // the job removes its copies when done; the user's own files are never touched
  const uploaded: UploadedFile[] = [];
  for (const f of files) {
    if (!fs.existsSync(f)) throw new Error(`文件不存在 file not found: ${f}`);
    const kind = fileKind(f);
    if (!kind) throw new Error(`不支持的文件类型 unsupported file: ${f}（.xlsx 或 .csv）`);
    const dest = path.join(opts.uploadDir, `${randomUUID()}.${kind}`);
    await fs.promises.copyFile(f, dest);
    uploaded.push({ path: dest, name: path.basename(f) });
  }
  const created = await createImport(db, actor, uploaded, () => {});
  print(`导入批次 import #${created.id}（${actor.displayName}）：检查中 checking…`);
  await runJobs(db, created.id, print);
  let view = await getImport(db, actor, created.id);
  if (view.status === 'failed') {
    print(`文件无法导入 the file cannot be imported: ${view.fileError}`);
    return 1;
  }
  printSummary(view, print);
  for await (const e of allImportErrors(db, view.id)) print(`  ✗ ${e.sheet} 第${e.row}行 ${e.column}${e.value === null ? '' : `「${e.value}」`}：${e.message}`);
  const changed = await listImportRows(db, actor, view.id, { status: 'changed', pageSize: 100 });
  for (const r of changed.items)
    print(`  ~ 第${r.row}行 ${r.name}（${r.workerNo}）：${(r.changes as { label: string; old: unknown; new: unknown }[]).map((c) => `${c.label} ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}`).join('；')}`);
  if (changed.total > changed.items.length) print(`  … 另有 ${changed.total - changed.items.length} 户变更 more changed`);
  if (!opts.commit || (view.errorCount && !opts.goodRowsOnly)) {
    // a check that will not be committed keeps no personal data behind
    await cancelImport(db, actor, view.id);
    print(!opts.commit
      ? '未写入 nothing written: 加 --commit 写入' + (view.errorCount ? '（有错误时须同时加 --good-rows-only，只导入无错误的行）' : '')
      : '有错误，未写入 nothing written: 请改正后重新导入，或加 --good-rows-only 只导入无错误的行');
    return view.errorCount ? 2 : 0;
  }
  await requestCommit(db, actor, view.id, { goodRowsOnly: opts.goodRowsOnly }, () => {});
  print('写入中 writing, batch by batch…');
  await runJobs(db, view.id, print);
  view = await getImport(db, actor, view.id);
  if (view.status !== 'committed') {
    print(`导入失败 import failed: ${view.fileError}`);
    return 1;
  }
  const r = view.result!;
  print(`导入完成 committed: 新增 created ${r.created}，更新 updated ${r.updated}，跳过 skipped ${r.skipped}${r.stale ? `，检查后已变化未导入 stale ${r.stale}` : ''}`);
  const stale = await listImportRows(db, actor, view.id, { status: 'stale', pageSize: 100 });
  for (const x of stale.items) print(`  ! 第${x.row}行 ${x.name ?? ''}${x.workerNo ? `（${x.workerNo}）` : ''}：${x.note}`);
  return 0;
}

export async function exportCommand(db: Db, out: string, opts: { region?: string; status?: string; user?: string }, print: Print): Promise<void> {
  const actor = await cliActor(db, opts.user);
  const filter = parseExportFilter({ regionCode: opts.region?.toUpperCase(), status: opts.status });
  const r = await exportHouseholds(db, actor, filter, out);
  print(`已导出 exported ${r.households} 户 households, ${r.members} 名家庭成员 members → ${out}${r.masked ? '（身份证号已脱敏 masked）' : ''}`);
}

export async function templateCommand(out: string, print: Print): Promise<void> {
  await writeTemplate(out);
  print(`已生成导入模板 template → ${out}`);
}
