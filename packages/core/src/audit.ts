// Every action the audit log records, with the Chinese name the audit page shows. The server's
// audit helper takes only these; a test checks that each has its name.
export const AUDIT_ACTION_LABELS = {
  'household.create': '新建档案',
  'household.update': '修改档案',
  'household.view': '查看档案',
  'household.submit': '提交审核',
  'household.unitAgree': '单位工会同意',
  'household.unitReturn': '单位工会退回',
  'household.cityAgree': '市总工会同意',
  'household.cityReturn': '市总工会退回',
  'household.remove': '剔除',
  'household.exit': '脱困',
  'household.reopen': '重新纳入',
  'household.export': '导出档案',
  'household.print': '打印调查表',
  'household.duplicateRefused': '拒绝重复建档（范围外）',
  'session.login': '登录',
  'session.login_failed': '登录失败',
  'session.login_locked': '登录被锁定',
  'session.logout': '退出',
  'policy.update': '修改低保标准',
  'identification.reevaluate': '重新识别',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.approvalRequest': '申请账号审批',
  'user.approve': '批准账号申请',
  'user.refuse': '拒绝账号申请',
  'user.passwordChange': '修改本人密码',
  'user.passwordChangeFailed': '修改密码（当前密码错误）',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'removal_proposal.reject': '不予剔除',
  'import.upload': '上传导入文件',
  'import.commit': '确认导入',
  'import.cancel': '取消导入',
  'import.expire': '导入过期作废',
  'responsibility.set': '确定帮扶责任人',
  'responsibility.change': '变更帮扶责任人',
  'link.add': '安排定点联系',
  'link.remove': '取消定点联系',
  'groups.update': '调整工作组',
  'measure.save': '维护帮扶措施',
  'plan.update': '制定帮扶计划',
  'assistance.create': '记录帮扶',
  'settings.update': '修改帮扶设置',
  'demo.bulkLoad': '批量生成演示数据',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** What an audit row is about. */
export const AUDIT_ENTITY_LABELS = {
  household: '档案',
  user: '用户',
  org: '组织',
  policy: '低保标准',
  job: '任务',
  import: '导入批次',
  measure: '帮扶措施',
  settings: '帮扶设置',
  working_groups: '工作组',
} as const;

export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;
