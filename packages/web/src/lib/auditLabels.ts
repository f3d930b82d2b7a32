// The audit log in words: Chinese names of the actions and objects, a one-line summary of a
// row's detail, and the chain check's reasons.
import {
  AUDIT_ACTION_LABELS as CORE_ACTION_LABELS, AUDIT_ENTITY_LABELS as CORE_ENTITY_LABELS, FOLLOW_UP_OUTCOME_LABELS, HOUSEHOLD_STATUS_LABELS, type FollowUpOutcome,
  type HouseholdStatus,
} from '@bangfu/core';
import { roleLabel } from './access';

// the names of the actions and objects are core's, the list the server writes with
export const AUDIT_ACTION_LABELS: Record<string, string> = CORE_ACTION_LABELS;

/** The 操作 filter offers these prefixes first, then every single action. */
export const AUDIT_ACTION_PREFIXES: { value: string; label: string }[] = [
  { value: 'household.', label: '档案（全部操作）' },
  { value: 'session.', label: '登录与退出（全部）' },
  { value: 'user.', label: '用户管理（全部）' },
  { value: 'org.', label: '组织机构（全部）' },
  { value: 'policy.', label: '低保标准（全部）' },
];

export const AUDIT_ENTITY_LABELS: Record<string, string> = CORE_ENTITY_LABELS;

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function entityLabel(entity: string | null | undefined): string {
  if (!entity) return '';
  return AUDIT_ENTITY_LABELS[entity] ?? entity;
}

/** The options of the 操作 filter: prefixes, then the named actions ('household.view' → 查看档案). */
export function actionOptions(): { value: string; label: string }[] {
  return [...AUDIT_ACTION_PREFIXES, ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))];
}

const statusText = (s: unknown) => (typeof s === 'string' ? HOUSEHOLD_STATUS_LABELS[s as HouseholdStatus] ?? s : '');

/** One line about a row's detail for the table; the whole JSON is in the expanded row. */
export function auditSummary(action: string, detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const d = detail as Record<string, unknown>;
  const parts: string[] = [];
  switch (action) {
    case 'household.create':
      if (d.workerNo) parts.push(`职工编号 ${d.workerNo}`);
      break;
    case 'household.update':
      if (typeof d.version === 'number') parts.push(`第 ${d.version} 版`);
      if (Array.isArray(d.fields)) parts.push(`改动 ${d.fields.length} 项`);
      if (d.reason) parts.push(`原因：${d.reason}`);
      if (d.backToReview) parts.push('识别结果变化，退回重新审核');
      break;
    case 'household.view':
      parts.push(d.fullIdentity ? '含完整身份证号' : '身份证号已脱敏');
      break;
    case 'user.create':
      if (d.username) parts.push(`用户名 ${d.username}`);
      if (d.role) parts.push(roleLabel(String(d.role)));
      if (d.orgCode) parts.push(String(d.orgCode));
      break;
    case 'user.update':
      if (d.displayName) parts.push(`姓名改为 ${d.displayName}`);
      if (d.active === true) parts.push('启用');
      if (d.active === false) parts.push('停用');
      if (d.passwordReset) parts.push('重置密码');
      if (d.unlock) parts.push('解锁');
      break;
    case 'org.create':
      if (d.name) parts.push(String(d.name));
      if (d.parentCode) parts.push(`上级 ${d.parentCode}`);
      if (d.source === 'import') parts.push('Excel 导入');
      break;
    case 'org.update': {
      const p = (d.patch ?? {}) as Record<string, unknown>;
      if (p.name !== undefined) parts.push(`名称改为 ${p.name}`);
      if (p.parentCode !== undefined) parts.push(`上级改为 ${p.parentCode}`);
      if (p.active === true) parts.push('启用');
      if (p.active === false) parts.push('停用');
      break;
    }
    case 'identification.reevaluate':
      if (typeof d.policyVersion === 'number') parts.push(`第 ${d.policyVersion} 版政策`);
      if (typeof d.files === 'number') parts.push(`${d.files} 户`);
      if (Array.isArray(d.changed)) parts.push(`结果变化 ${d.changed.length} 户`);
      break;
    case 'policy.update':
      if (Array.isArray(d.changes)) parts.push(`改动 ${d.changes.length} 项`);
      break;
    case 'followUp.create':
      if (d.date) parts.push(`回访日期 ${d.date}`);
      if (typeof d.outcome === 'string') parts.push(FOLLOW_UP_OUTCOME_LABELS[d.outcome as FollowUpOutcome] ?? d.outcome);
      if (d.reopened) parts.push('已重新纳入');
      break;
    case 'removal_proposal.reject':
      if (d.note) parts.push(`说明：${d.note}`);
      break;
    default:
      if (action.startsWith('household.') && (d.from || d.to)) {
        parts.push(`${statusText(d.from)} → ${statusText(d.to)}`);
        if (d.text) parts.push(String(d.text));
        if (d.batch) parts.push('批量');
      }
  }
  return parts.join('；');
}

/** The chain check's reason (the server words it in English) in Chinese. */
export function chainReasonText(reason: string): string {
  if (/prev_hash/.test(reason)) return '与前一条记录的链接不符（有记录被删除或调换了顺序）';
  if (/content does not match/.test(reason)) return '记录内容与其校验值不符（该记录被改动过）';
  if (/chain head/.test(reason)) return '链尾与最后一条记录不符（末尾有记录被删除）';
  if (/anchor/.test(reason)) return '与外部保存的锚点不符（审计链被改写，或末尾有记录被删除）';
  if (/start of the keyed chain/.test(reason)) return '密钥校验的起始位置被改动';
  if (/no audit key/.test(reason)) return '未配置审计密钥，无法校验加密钥的记录';
  if (/not keyed/.test(reason)) return '已配置审计密钥，但审计链的密钥起始标记被删除';
  return reason;
}
