import { describe, expect, it } from 'vitest';
import { actionLabel, actionOptions, auditSummary, chainReasonText, entityLabel } from './auditLabels';

describe('audit log in words', () => {
  it('names the common actions in Chinese and keeps unknown codes', () => {
    expect(actionLabel('household.create')).toBe('新建档案');
    expect(actionLabel('household.unitReturn')).toBe('单位工会退回');
    expect(actionLabel('session.login_failed')).toBe('登录失败');
    expect(actionLabel('removal_proposal.reject')).toBe('不予剔除');
    expect(actionLabel('something.new')).toBe('something.new');
    expect(entityLabel('household')).toBe('档案');
    expect(entityLabel(null)).toBe('');
  });

  it('offers prefixes first in the 操作 filter', () => {
    const o = actionOptions();
    expect(o[0]).toEqual({ value: 'household.', label: '档案（全部操作）' });
    expect(o.find((x) => x.value === 'session.login')?.label).toBe('登录');
  });

  it('summarizes a row in one line', () => {
    expect(auditSummary('household.cityReturn', { from: 'unitApproved', to: 'draft', text: '材料不全' })).toBe('待市总审核 → 草稿；材料不全');
    expect(auditSummary('household.update', { version: 5, fields: ['name', 'phone'], reason: '复核', backToReview: true })).toBe('第 5 版；改动 2 项；原因：复核；识别结果变化，退回重新审核');
    expect(auditSummary('user.create', { username: 'h01_a', role: 'unit', orgCode: 'H01-0001' })).toBe('用户名 h01_a；基层工会；H01-0001');
    expect(auditSummary('org.update', { patch: { active: false } })).toBe('停用');
    expect(auditSummary('session.login', null)).toBe('');
    expect(auditSummary('followUp.create', { followUpId: 3, date: '2026-12-07', outcome: 'fallenBack', exitDate: '2026-08-07', reopened: true })).toBe('回访日期 2026-12-07；返困；已重新纳入');
    expect(actionLabel('followUp.create')).toBe('记录脱困回访');
  });

  it('words the chain check reasons', () => {
    expect(chainReasonText('content does not match its hash (the row was edited)')).toContain('被改动');
    expect(chainReasonText('prev_hash does not match the previous row (a row was removed or reordered)')).toContain('删除');
    expect(chainReasonText('the chain head does not match the last row (rows were removed from the end)')).toContain('末尾');
    expect(chainReasonText('other')).toBe('other');
  });
});
