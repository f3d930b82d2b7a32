import { describe, expect, it } from 'vitest';
import { fallenBackNotice, followUpMonthsText, followUpTag, myFollowUpTag, nextVisitNotice, nextVisitText, progressText, recordedText, reopenReasonOf, sortedMonths } from './followUpText';

const item = (p: Partial<Parameters<typeof followUpTag>[0]> = {}) => ({ next: { seq: 1, dueOn: '2026-11-07' }, due: false, overdue: false, daysOverdue: 0, pendingReopen: false, ...p });

describe('follow-up text', () => {
  it('words the schedule, the next visit and the progress', () => {
    expect(followUpMonthsText([3, 6, 12])).toBe('脱困后第3、6、12个月');
    expect(followUpMonthsText([])).toBe('未安排回访');
    expect(nextVisitText({ seq: 2, dueOn: '2027-02-07' })).toBe('第2次 2027-02-07');
    expect(nextVisitText(null)).toBe('—');
    expect(progressText(1, [3, 6, 12])).toBe('1/3');
    expect(progressText(4, [3, 6, 12])).toBe('3/3');
  });

  it('tags a household: fallen back first, then overdue, due, done, later', () => {
    expect(followUpTag(item({ pendingReopen: true, overdue: true, due: true, next: null }))).toEqual({ key: 'pendingReopen', text: '返困待重新纳入', color: 'red' });
    expect(followUpTag(item({ overdue: true, due: true, daysOverdue: 30 }))).toEqual({ key: 'overdue', text: '超期30天', color: 'red' });
    expect(followUpTag(item({ due: true }))).toEqual({ key: 'due', text: '即将到期', color: 'orange' });
    expect(followUpTag(item({ next: null }))).toEqual({ key: 'done', text: '已完成', color: 'green' });
    expect(followUpTag(item())).toEqual({ key: 'later', text: '未到期', color: 'default' });
  });

  it('tags 我的帮扶对象 only when a visit is due or past', () => {
    expect(myFollowUpTag({ followUpDue: true, followUpOverdue: true })).toEqual({ text: '回访超期', color: 'red' });
    expect(myFollowUpTag({ followUpDue: true, followUpOverdue: false })).toEqual({ text: '回访到期', color: 'orange' });
    expect(myFollowUpTag({ followUpDue: false, followUpOverdue: false })).toBeNull();
  });

  it('says where the next visit stands', () => {
    expect(nextVisitNotice({ next: { seq: 1, dueOn: '2026-11-07' }, overdue: true, daysOverdue: 30 })).toBe('第1次回访（计划 2026-11-07）已超期30天');
    expect(nextVisitNotice({ next: { seq: 3, dueOn: '2027-08-07' }, overdue: false, daysOverdue: 0 })).toBe('第3次回访（计划 2027-08-07）即将到期');
    expect(nextVisitNotice({ next: null, overdue: false, daysOverdue: 0 })).toBeNull();
  });

  it('says what a 返困 leads to, and starts a reopening from core\'s reason', () => {
    expect(fallenBackNotice(true)).toBe('提交后档案将重新纳入（回到草稿），请补充情况后重新提交审核');
    expect(fallenBackNotice(false)).toBe('提交后将提醒该户所在单位工会重新纳入');
    expect(reopenReasonOf({ date: '2026-12-07', note: '企业停产，再次失业' })).toBe('2026-12-07脱困回访发现返困：企业停产，再次失业');
    expect(reopenReasonOf({ date: '2026-12-07', note: '病'.repeat(1000) })).toHaveLength(500);
  });

  it('says what became of a saved follow-up', () => {
    expect(recordedText('张三', 'stable', 'exited')).toBe('已记录 张三 的回访（稳定脱困）');
    expect(recordedText('张三', 'fallenBack', 'draft')).toBe('张三 回访发现返困，档案已重新纳入（草稿），请补充情况后重新提交审核');
    expect(recordedText('张三', 'fallenBack', 'exited')).toBe('已记录 张三 的回访（返困），已提醒该户所在单位工会重新纳入');
  });

  it('keeps the settings\' schedule whole, once each and increasing', () => {
    expect(sortedMonths([12, 3, 6, 3])).toEqual([3, 6, 12]);
    expect(sortedMonths(['24', 1, 'x', 0])).toEqual([1, 24]);
    expect(sortedMonths(undefined)).toEqual([]);
  });
});
