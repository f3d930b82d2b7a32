import { describe, expect, it } from 'vitest';
import type { ImportCounts, ImportStatus } from '../../api/exchange';
import { changeText, changeValueText, checkOutcome, commitBlock, commitSentence, isImportBusy, progressPercent, progressText, recentImportText, stepOf, uploadProblem } from './importModel';

const counts = (c: Partial<ImportCounts>): ImportCounts => ({ rows: 0, new: 0, changed: 0, unchanged: 0, error: 0, warning: 0, ...c });

describe('import steps', () => {
  it('puts each status on its step', () => {
    const at = (status: ImportStatus, extra: { analyzedAt?: string | null } = {}) => stepOf({ status, analyzedAt: '2025-01-01T00:00:00Z', ...extra });
    expect(stepOf(null)).toEqual({ current: 0, status: 'process' });
    expect(at('analyzing', { analyzedAt: null })).toEqual({ current: 0, status: 'process' });
    expect(at('analyzed')).toEqual({ current: 1, status: 'process' });
    expect(at('cancelled')).toEqual({ current: 1, status: 'error' });
    expect(at('committing')).toEqual({ current: 2, status: 'process' });
    expect(at('committed')).toEqual({ current: 2, status: 'finish' });
    // a whole-file problem stops at 检查结果; a commit that failed after the check at 导入完成
    expect(at('failed', { analyzedAt: null })).toEqual({ current: 1, status: 'error' });
    expect(at('failed')).toEqual({ current: 2, status: 'error' });
  });

  it('polls only while the server works', () => {
    expect((['analyzing', 'committing'] as const).every(isImportBusy)).toBe(true);
    expect((['analyzed', 'committed', 'failed', 'cancelled'] as const).some(isImportBusy)).toBe(false);
  });

  it('shows progress of the current phase', () => {
    expect(progressPercent({ phase: 'checking', done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ phase: null, done: 0, total: 0 })).toBe(0);
    expect(progressText({ progress: { phase: 'writing', done: 1200, total: 3000 } })).toBe('正在写入档案：1,200 / 3,000 行');
    expect(progressText({ progress: { phase: 'reading', done: 0, total: 0 } })).toBe('正在读取文件…');
  });
});

describe('确认导入', () => {
  it('is blocked by errors until 只导入无错误的行 is ticked', () => {
    const c = counts({ rows: 3, new: 2, error: 1 });
    expect(commitBlock(c, false)).toContain('只导入无错误的行');
    expect(commitBlock(c, true)).toBeNull();
  });

  it('says an empty file is empty, not 检查通过, and blocks it', () => {
    expect(commitBlock(counts({}), false)).toBe('文件中没有数据行');
    expect(checkOutcome(counts({}), 0)).toMatchObject({ type: 'warning', message: '文件中没有数据行，没有可导入的档案' });
    expect(checkOutcome(counts({ rows: 3, unchanged: 3 }), 0)).toMatchObject({ type: 'info', message: expect.stringContaining('3 户与系统中的档案一致') });
    expect(checkOutcome(counts({ rows: 3, new: 2, error: 1 }), 4)).toMatchObject({ type: 'error', message: '有 1 户数据有错误（共 4 处），见下方“有错误”清单' });
    expect(checkOutcome(counts({ rows: 3, new: 3 }), 0).type).toBe('success');
  });

  it('is blocked when nothing would be written', () => {
    expect(commitBlock(counts({ rows: 2, unchanged: 2 }), false)).toBe('没有需要新增或变更的档案');
    expect(commitBlock(counts({ rows: 1, error: 1 }), true)).toBe('没有需要新增或变更的档案');
  });

  it('states exactly what will happen', () => {
    expect(commitSentence(counts({ new: 2, changed: 1, error: 1, unchanged: 4 }))).toBe('将新增 2 户，变更 1 户，跳过 1 户有错误的行；无变化的 4 户不作改动。');
    expect(commitSentence(counts({ new: 3 }))).toBe('将新增 3 户，变更 0 户。');
  });
});

describe('changes', () => {
  it('formats a field change as 字段：旧值 → 新值', () => {
    expect(changeText({ path: 'phone', label: '联系电话', old: '13907240001', new: '13907240002' })).toBe('联系电话：13907240001 → 13907240002');
    expect(changeText({ path: 'receivesDibao', label: '', old: false, new: true })).toBe('receivesDibao：否 → 是');
  });

  it('shows blanks and lists readably', () => {
    expect(changeValueText(null)).toBe('（空）');
    expect(changeValueText('')).toBe('（空）');
    expect(changeValueText(['因病', '子女上学'])).toBe('因病、子女上学');
    expect(changeValueText([])).toBe('（空）');
    expect(changeValueText(0)).toBe('0');
  });
});

describe('upload choice', () => {
  it('takes one workbook, or one or two CSV files', () => {
    expect(uploadProblem(['职工.xlsx'])).toBeNull();
    expect(uploadProblem(['职工.csv'])).toBeNull();
    expect(uploadProblem(['职工.csv', '家庭成员.CSV'])).toBeNull();
    expect(uploadProblem([])).toBe('请选择要导入的文件');
    expect(uploadProblem(['a.xls'])).toBe('只能导入 .xlsx 或 .csv 文件');
    expect(uploadProblem(['a.xlsx', 'b.csv'])).toContain('无需另选');
    expect(uploadProblem(['a.csv', 'b.xlsx'])).toBe('CSV 与 Excel 不能混合上传');
  });
});

describe('最近导入', () => {
  const counts = { rows: 5, new: 3, changed: 1, unchanged: 1, error: 0, warning: 0 };
  it('says what a commit wrote, and the rows it left out only when there are some', () => {
    const done = { status: 'committed' as const, fileError: null, counts };
    expect(recentImportText({ ...done, result: { created: 3, updated: 1, skipped: 0, stale: 0 } })).toBe('新增 3，更新 1，跳过 0');
    expect(recentImportText({ ...done, result: { created: 2, updated: 1, skipped: 0, stale: 1 } })).toBe('新增 2，更新 1，跳过 0，未导入 1（检查后已变化）');
  });
  it('says why a stopped commit stopped, and what a check found', () => {
    const stopped = { status: 'failed' as const, result: { created: 100, updated: 0, skipped: 0, stale: 0 }, fileError: '上传文件的账号已停用，导入已终止；已写入 100 户', counts };
    expect(recentImportText(stopped)).toBe(stopped.fileError);
    expect(recentImportText({ status: 'analyzed', result: null, fileError: null, counts })).toBe('共 5 户：新增 3，变更 1，无变化 1，有错误 0');
  });
});
