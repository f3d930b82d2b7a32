// What the 数据导入 page shows for an import, as pure functions of the server's ImportView: the
// step, the labels, what 确认导入 will do and whether it may, and the text of a field change.
import type { ImportChange, ImportCounts, ImportPhase, ImportStatus, ImportView, RowStatus } from '../../api/exchange';

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  analyzing: '正在检查',
  analyzed: '待确认',
  committing: '正在导入',
  committed: '已导入',
  failed: '失败',
  cancelled: '已取消',
};

export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  analyzing: 'processing',
  analyzed: 'warning',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
  cancelled: 'default',
};

export const PHASE_LABELS: Record<ImportPhase, string> = { reading: '正在读取文件', checking: '正在逐行检查', writing: '正在写入档案' };

export const ROW_STATUS_LABELS: Record<RowStatus, string> = { new: '新增', changed: '变更', unchanged: '无变化', error: '有错误', stale: '检查后已变化' };

/** The sentence above the rows a commit left out because their file changed after the check. */
export function staleSentence(stale: number): string {
  return `有 ${stale} 户在检查之后已有变化（档案被他人修改，或身份证号、职工编号已被他人建档），没有导入，其余各户已写入。请核对下表各户，需要时重新导出后再导入。`;
}

/** The server is still working on it: read it again in a second. */
export function isImportBusy(status: ImportStatus): boolean {
  return status === 'analyzing' || status === 'committing';
}

export type StepIndex = 0 | 1 | 2;
export interface StepState {
  current: StepIndex;
  status: 'wait' | 'process' | 'finish' | 'error';
}

/** Steps 上传文件 → 检查结果 → 导入完成; null: nothing uploaded yet. */
export function stepOf(view: Pick<ImportView, 'status' | 'analyzedAt'> | null): StepState {
  if (!view) return { current: 0, status: 'process' };
  switch (view.status) {
    case 'analyzing':
      return { current: 0, status: 'process' };
    case 'analyzed':
      return { current: 1, status: 'process' };
    case 'cancelled':
      return { current: 1, status: 'error' };
    case 'committing':
      return { current: 2, status: 'process' };
    case 'committed':
      return { current: 2, status: 'finish' };
    case 'failed':
      // before the check finished: a whole-file problem; after it: the commit failed (nothing written)
      return { current: view.analyzedAt ? 2 : 1, status: 'error' };
  }
}

/** Percent of the current phase (0 while the server has not counted the rows yet). */
export function progressPercent(p: ImportView['progress']): number {
  if (p.total <= 0) return 0;
  return Math.min(100, Math.floor((p.done / p.total) * 100));
}

export function progressText(view: Pick<ImportView, 'progress'>): string {
  const { phase, done, total } = view.progress;
  const what = phase ? PHASE_LABELS[phase] : '正在排队';
  return total > 0 ? `${what}：${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 行` : `${what}…`;
}

export interface CommitPlan {
  create: number;
  update: number;
  /** households with errors left out */
  skip: number;
  unchanged: number;
}

export function commitPlan(counts: ImportCounts): CommitPlan {
  return { create: counts.new, update: counts.changed, skip: counts.error, unchanged: counts.unchanged };
}

/** Whether 确认导入 may be pressed, and if not the sentence saying why. */
export function commitBlock(counts: ImportCounts, goodRowsOnly: boolean): string | null {
  if (counts.rows === 0) return '文件中没有数据行';
  if (counts.error > 0 && !goodRowsOnly) return `有 ${counts.error} 户数据有错误：请修改后重新上传，或勾选“只导入无错误的行”`;
  if (counts.new + counts.changed === 0) return '没有需要新增或变更的档案';
  return null;
}

/** What the check found, in one line above the lists: an empty file and a file with nothing new are said as such, not as 检查通过. */
export function checkOutcome(counts: ImportCounts, errorCount: number): { type: 'success' | 'info' | 'warning' | 'error'; message: string; description?: string } {
  if (counts.rows === 0)
    return { type: 'warning', message: '文件中没有数据行，没有可导入的档案', description: '请在模板表头下方逐行填写各户（家庭成员填在“家庭成员”工作表），保存后重新上传。' };
  if (counts.error > 0)
    return {
      type: 'error',
      message: `有 ${counts.error} 户数据有错误（共 ${errorCount} 处），见下方“有错误”清单`,
      description: '可以修改文件后重新上传；也可以勾选“只导入无错误的行”，先导入其余各户，有错误的户修改后再单独导入。',
    };
  if (counts.new + counts.changed === 0) return { type: 'info', message: `检查完成：文件中的 ${counts.rows} 户与系统中的档案一致，没有需要导入的内容。` };
  return { type: 'success', message: '检查通过，没有发现错误。确认无误后请点击“确认导入”。' };
}

/** The confirmation's sentence: exactly what will be written. */
export function commitSentence(counts: ImportCounts): string {
  const p = commitPlan(counts);
  const parts = [`新增 ${p.create} 户`, `变更 ${p.update} 户`];
  if (p.skip) parts.push(`跳过 ${p.skip} 户有错误的行`);
  const tail = p.unchanged ? `；无变化的 ${p.unchanged} 户不作改动` : '';
  return `将${parts.join('，')}${tail}。`;
}

/** A value of a change as the user reads it; blank shows as （空）. */
export function changeValueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.map(changeValueText).join('、') : '（空）';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** 字段: 旧值 → 新值 */
export function changeText(c: ImportChange): string {
  return `${c.label || c.path}：${changeValueText(c.old)} → ${changeValueText(c.new)}`;
}

/** A cell value of the error report ('' for an empty cell). */
export function cellValueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The files picked for upload: one .xlsx, or one or two .csv (职工 and 家庭成员; the server tells them by their headers). */
export function uploadProblem(names: string[]): string | null {
  if (names.length === 0) return '请选择要导入的文件';
  const ext = (n: string) => n.toLowerCase().split('.').pop() ?? '';
  const kinds = names.map(ext);
  if (kinds.some((k) => k !== 'xlsx' && k !== 'csv')) return '只能导入 .xlsx 或 .csv 文件';
  if (kinds[0] === 'xlsx') return names.length === 1 ? null : 'Excel 工作簿已包含“家庭成员”表，无需另选文件';
  if (names.length > 2) return 'CSV 最多两个文件：职工、家庭成员';
  return kinds.every((k) => k === 'csv') ? null : 'CSV 与 Excel 不能混合上传';
}

/** An import's line in 最近导入: what it wrote (with the rows left out), or what the check found, or why it failed. */
export function recentImportText(v: Pick<ImportView, 'status' | 'result' | 'fileError' | 'counts'>): string {
  if (v.status === 'committed' && v.result)
    return `新增 ${v.result.created}，更新 ${v.result.updated}，跳过 ${v.result.skipped}${v.result.stale ? `，未导入 ${v.result.stale}（检查后已变化）` : ''}`;
  if (v.fileError) return v.fileError;
  if (v.status === 'analyzing') return '—';
  const c = v.counts;
  return `共 ${c.rows} 户：新增 ${c.new}，变更 ${c.changed}，无变化 ${c.unchanged}，有错误 ${c.error}`;
}
