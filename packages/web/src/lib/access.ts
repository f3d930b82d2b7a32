// Who may see which menu and which button: the server's permission rules (server
// modules/access/scope.ts, lifecycle.service.ts, users/orgs/audit services) mirrored in one place,
// like ant-design-pro's access.ts. The server stays the authority: a page shows the buttons this
// file allows and still shows the server's 403 message when it refuses.
import { canTransferStatus, editRule, inOrgSubtree, ROLES, roleLabel, type EditRule, type HouseholdStatus, type Role } from '@bangfu/core';

// the roles, their labels and organization kinds are core's (the server's very list)
export { inOrgSubtree, ROLE_LABELS, ROLE_ORG_KIND, ROLES, roleLabel, type OrgKind, type Role } from '@bangfu/core';

/** What each role does, as the 新建用户 dialog explains it. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  unit: '本基层工会建档、提交；签署单位工会意见',
  region: '本县（市、区）建档、提交；签署单位工会意见；处理剔除建议',
  city: '全市档案；签署市总工会意见；调整低保标准；处理剔除建议',
  leader: '查看定点联系的困难职工档案',
  staff: '查看定点联系的困难职工档案',
  viewer: '全市档案只读',
  admin: '管理组织机构、用户，查看审计日志；可签署市总工会意见',
};

/** What the signed-in user looks like to these rules. */
export interface AccessUser {
  id: number;
  role: Role;
  /** 'H' the city, 'H01' a region, 'H01-0001' a grassroots union */
  orgCode: string;
}

export const PERMISSIONS = [
  'household.list',
  'household.create',
  'household.edit',
  'household.submit',
  'household.remove',
  'household.exit',
  'household.reopen',
  'household.personalData',
  'household.reviewUnit',
  'household.reviewCity',
  'policy.view',
  'policy.edit',
  'proposals.view',
  'proposals.decide',
  'reviews.queue',
  'orgs.manage',
  'users.manage',
  'users.approve',
  'audit.view',
  'plan.edit',
  'responsibility.edit',
  'assistance.record',
  'assistance.my',
  'assistance.summary',
  'followUps.view',
  'followUps.record',
  'transfers.view',
  'transfers.handle',
  'transfers.receive',
  'duplicates.view',
  'duplicates.handle',
  'dibao.view',
  'dibao.import',
  'dibao.resolve',
  'batches.view',
  'links.view',
  'links.edit',
  'groups.view',
  'groups.edit',
  'measures.view',
  'measures.edit',
  'exchange.import',
  'exchange.export',
  'report.regionSummary',
  'campaigns.view',
  'campaigns.edit',
  'campaigns.submit',
  'campaigns.researchDraft',
  'bulletins.view',
  'bulletins.issue',
  'bulletins.reads',
  'assessment.view',
  'assessment.edit',
  'commendations.view',
  'commendations.propose',
  'commendations.decide',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = ROLES;
/** The unions that file and keep files (server canFile): their own subtree; the city all. */
const FILERS = ['admin', 'city', 'region', 'unit'] as const;

/**
 * The rules table: which roles hold each permission at all. Whether a permission applies to one
 * file (its place, its status, its filer) is fileActions' business below.
 */
export const RULES: Record<Permission, readonly Role[]> = {
  'household.list': ALL, // leader/staff: only their linked households (the server scopes the list)
  'household.create': FILERS,
  // the system admin sees identity and phone numbers masked, so cannot send a whole file back
  'household.edit': ['city', 'region', 'unit'],
  'household.submit': FILERS,
  'household.remove': FILERS,
  'household.exit': FILERS,
  'household.reopen': FILERS,
  // 个人信息副本 (server modules/privacy): the unions that work the files (they see them unmasked)
  'household.personalData': ['city', 'region', 'unit'],
  'household.reviewUnit': ['unit', 'region'], // 职工所在单位工会意见: the unit union or the county union
  'household.reviewCity': ['city', 'admin'], // 市总工会意见
  'policy.view': ALL,
  'policy.edit': ['admin', 'city'],
  'proposals.view': ['admin', 'city', 'region', 'unit', 'viewer'],
  'proposals.decide': ['admin', 'city', 'region'],
  'reviews.queue': ['unit', 'region', 'city', 'admin'],
  'orgs.manage': ['admin'],
  'users.manage': ['admin'],
  // the second person of the two-person rule on accounts that read identity numbers in full
  'users.approve': ['city'],
  'audit.view': ['admin'],
  // 因户施策 · 常态帮扶 (server modules/assistance): a plan and the responsible people are set by
  // the unions that keep the file (the server also lets the household's 具体责任人 edit its plan);
  // every role but the read-only steering group records assistance.
  'plan.edit': FILERS,
  'responsibility.edit': FILERS,
  'assistance.record': ['admin', 'city', 'leader', 'staff', 'region', 'unit'],
  'assistance.my': ['city', 'leader', 'staff', 'region', 'unit'],
  'assistance.summary': ['admin', 'city', 'leader', 'region', 'viewer'],
  // 脱困回访 (server follow-ups.service): everyone sees the exited households of their scope; every
  // role but the read-only steering group records a follow-up (a 返困 reopens the file only when
  // the recorder files it, see fileActions' reopen)
  'followUps.view': ALL,
  'followUps.record': ['admin', 'city', 'leader', 'staff', 'region', 'unit'],
  // 档案转移 (server transfers.service): the cadres who file ask for a move and agree to or refuse
  // the other side's request (the admin sees masked data and does not); the steering group and the
  // admin read the list; a county or grassroots cadre finds a family that moved in (申请转入)
  'transfers.view': ['admin', 'city', 'region', 'unit', 'viewer'],
  'transfers.handle': ['city', 'region', 'unit'],
  'transfers.receive': ['region', 'unit'],
  // 重复建档排查 (server duplicates.service): the cadres who file look for duplicates and resolve the
  // pairs of files they both keep (a pair across two counties is the city union's); the steering
  // group and the admin read the queue
  'duplicates.view': ['admin', 'city', 'region', 'unit', 'viewer'],
  'duplicates.handle': ['city', 'region', 'unit'],
  // 民政低保名单核对 (server modules/dibao): the city union and the county unions import the civil-affairs
  // list of their region (the city's for the whole city); the cadres who file resolve the findings of
  // their files; the steering group and the admin read them
  'dibao.view': ['admin', 'city', 'region', 'unit', 'viewer'],
  'dibao.import': ['city', 'region'],
  'dibao.resolve': ['city', 'region', 'unit'],
  'batches.view': ['admin', 'city', 'leader', 'region', 'unit', 'viewer'],
  'links.view': ['admin', 'city', 'viewer'],
  'links.edit': ['admin', 'city'],
  // a 机关干部 is a member of one group: the groups, and their own group's households
  'groups.view': ['admin', 'city', 'leader', 'staff', 'viewer'],
  'groups.edit': ['admin', 'city'],
  'measures.view': ['admin', 'city', 'viewer'],
  'measures.edit': ['admin', 'city'],
  // Excel exchange (server exchange routes): the unions that file import; whoever lists exports
  // the list (identity numbers masked as the list shows them) and sees the summary of its scope
  'exchange.import': ['city', 'region', 'unit'],
  'exchange.export': ALL,
  'report.regionSummary': ALL,
  // 专项行动 (server modules/campaigns): everyone reads them (each their own scope's progress); the
  // city union creates, edits, enters 原数据库户数 and decides on submissions; the county unions and
  // the grassroots unions of the required organizations submit (上报)
  'campaigns.view': ALL,
  'campaigns.edit': ['admin', 'city'],
  'campaigns.submit': ['region', 'unit'],
  // 调研报告数据稿 (server research-draft.service): its typical cases are households' stories, so the
  // organization's own subtree and the city's people who see every file; not leaders and staff
  'campaigns.researchDraft': ['admin', 'city', 'region', 'unit', 'viewer'],
  // 通报 (server modules/bulletins): everyone reads the published ones; the city union (its 领导小组
  // 办公室) and the administrator draft, edit and publish, and see the drafts; the city's people
  // see who has read one (a reading by anyone but the issuers is recorded)
  'bulletins.view': ALL,
  'bulletins.issue': ['admin', 'city'],
  'bulletins.reads': ['admin', 'city', 'leader', 'viewer'],
  // 考核 (server modules/assessment): the organizations assessed see their own rows, the city's
  // people all; only the city union sets the rubric and adjusts by hand. Staff are not assessed.
  'assessment.view': ['admin', 'city', 'leader', 'viewer', 'region', 'unit'],
  'assessment.edit': ['city'],
  // 表彰: everyone sees the nominations of their scope; the city union and the county unions (within
  // their region) nominate; the city union approves or declines
  'commendations.view': ALL,
  'commendations.propose': ['city', 'region'],
  'commendations.decide': ['city'],
};

export function can(role: Role | string, permission: Permission): boolean {
  return (RULES[permission] as readonly string[]).includes(role);
}

/** The region a region or unit cadre is confined to ('H01' for H01 and H01-0001), else null. */
export function ownRegionOf(user: Pick<AccessUser, 'role' | 'orgCode'>): string | null {
  return user.role === 'region' || user.role === 'unit' ? user.orgCode.slice(0, 3) : null;
}

/** The grassroots union a unit cadre files for, else null. */
export function ownUnitOf(user: Pick<AccessUser, 'role' | 'orgCode'>): string | null {
  return user.role === 'unit' ? user.orgCode : null;
}

/** File, edit, submit, remove, exit, reopen a file at this place (server canFile). */
export function canFileAt(user: Pick<AccessUser, 'role' | 'orgCode'>, regionCode: string, unitId: string | null | undefined): boolean {
  return can(user.role, 'household.create') && inOrgSubtree(user, regionCode, unitId);
}

/** The review level a role signs in the queue 待我审核, and the status it waits for. */
export interface ReviewQueue {
  level: 'unit' | 'city';
  status: Extract<HouseholdStatus, 'submitted' | 'unitApproved'>;
}

export function reviewQueueOf(role: Role | string): ReviewQueue | null {
  if (can(role, 'household.reviewCity')) return { level: 'city', status: 'unitApproved' };
  if (can(role, 'household.reviewUnit')) return { level: 'unit', status: 'submitted' };
  return null;
}

/** The part of a file the rules look at. */
export interface FileRef {
  status: HouseholdStatus;
  regionCode: string;
  unitId?: string | null;
  /** the filer's user id; the filer never reviews their own file */
  createdBy?: number | null;
  /** a duplicate merged into another file: that file is the family's now, this one is not reopened */
  mergedInto?: { id: number; workerNo: string } | null;
}

export interface FileActions {
  /** how the edit page treats the file for this user; null: no 编辑 at all */
  edit: EditRule | null;
  submit: boolean;
  reviewUnit: boolean;
  reviewCity: boolean;
  remove: boolean;
  exit: boolean;
  reopen: boolean;
  /** 转移: a file of the user's subtree that is not under review nor removed */
  transfer: boolean;
  /** the user could review at this stage but filed the file themselves */
  ownFile: boolean;
}

/** What this user may do to this file now: the buttons of the detail page's 「办理」 area. */
export function fileActions(user: AccessUser, f: FileRef): FileActions {
  const files = canFileAt(user, f.regionCode, f.unitId);
  const own = f.createdBy !== undefined && f.createdBy !== null && f.createdBy === user.id;
  const unitReviewer = can(user.role, 'household.reviewUnit') && inOrgSubtree(user, f.regionCode, f.unitId);
  const cityReviewer = can(user.role, 'household.reviewCity');
  const rule = editRule(f.status);
  return {
    // the admin may file, but not edit (the form would send back masked numbers): no 编辑 to a 403
    edit: files && can(user.role, 'household.edit') && rule !== 'locked' ? rule : null,
    submit: files && f.status === 'draft',
    reviewUnit: unitReviewer && !own && f.status === 'submitted',
    reviewCity: cityReviewer && !own && f.status === 'unitApproved',
    remove: files && f.status === 'filed',
    exit: files && f.status === 'filed',
    reopen: files && (f.status === 'removed' || f.status === 'exited') && !f.mergedInto,
    transfer: files && can(user.role, 'transfers.handle') && canTransferStatus(f.status),
    ownFile: own && ((unitReviewer && f.status === 'submitted') || (cityReviewer && f.status === 'unitApproved')),
  };
}

/** What this user may do in the detail page's 帮扶 sections for this file. */
export interface AssistanceActions {
  /** 编辑计划: a filed file in the user's subtree, or the user is its 具体责任人 */
  editPlan: boolean;
  /** 确定/变更 the responsible leader and cadre of a filed file */
  editResponsibility: boolean;
  /** 记录帮扶: a filed or exited file, any role but viewer */
  record: boolean;
}

export function assistanceActions(user: AccessUser & { username?: string }, f: FileRef, cadreUsername?: string | null): AssistanceActions {
  const files = canFileAt(user, f.regionCode, f.unitId);
  const isCadre = !!cadreUsername && !!user.username && cadreUsername === user.username;
  return {
    editPlan: f.status === 'filed' && ((can(user.role, 'plan.edit') && files) || isCadre),
    editResponsibility: f.status === 'filed' && can(user.role, 'responsibility.edit') && files,
    record: (f.status === 'filed' || f.status === 'exited') && can(user.role, 'assistance.record'),
  };
}

/**
 * Whether a 返困 this user records reopens a listed household at once (server canFile). The lists
 * of 脱困回访 and 我的帮扶对象 hold the user's scope, which for the filing unions is their subtree;
 * on a file's own page fileActions' reopen says it exactly.
 */
export function reopensListed(role: Role | string): boolean {
  return can(role, 'household.reopen');
}

/** Whether the list's 编辑 link shows for a row (the list is already the user's scope). */
export function canEditListed(role: Role | string, status: HouseholdStatus): boolean {
  return can(role, 'household.edit') && editRule(status) !== 'locked';
}

/** Everything a page asks about the signed-in user, computed once (ant-design-pro's access). */
export interface Access {
  role: Role;
  roleLabel: string;
  canCreateHousehold: boolean;
  canViewPolicy: boolean;
  canEditPolicy: boolean;
  canViewProposals: boolean;
  canDecideProposals: boolean;
  reviewQueue: ReviewQueue | null;
  canManageOrgs: boolean;
  canManageUsers: boolean;
  canApproveUsers: boolean;
  canViewAudit: boolean;
  /** any page of 系统管理 */
  isAdmin: boolean;
  canRecordAssistance: boolean;
  canViewMyHouseholds: boolean;
  canViewAssistanceSummary: boolean;
  canViewFollowUps: boolean;
  /** 记录回访 of an exited household */
  canRecordFollowUps: boolean;
  /** 档案转移: the list of transfers */
  canViewTransfers: boolean;
  /** ask for, agree to, refuse and withdraw transfers */
  canHandleTransfers: boolean;
  /** 申请转入: find a family that moved in by its worker number and identity number */
  canReceiveTransfers: boolean;
  /** 重复档案: the queue of pairs found alike */
  canViewDuplicates: boolean;
  /** 重新查找, 不是重复, 合并 (a pair both of whose files the user keeps: the server's canResolve) */
  canHandleDuplicates: boolean;
  /** 民政低保核对: the findings, the lists imported, a file's 民政名单核实 */
  canViewDibao: boolean;
  /** 导入民政低保名单 (of the user's county; the city union also for the whole city) */
  canImportDibao: boolean;
  /** 核实处理 of a finding (one of the user's files: the server's canResolve) */
  canResolveDibao: boolean;
  canViewBatches: boolean;
  canViewLinks: boolean;
  canEditLinks: boolean;
  canViewGroups: boolean;
  canEditGroups: boolean;
  canViewMeasures: boolean;
  canEditMeasures: boolean;
  canImport: boolean;
  canExport: boolean;
  canViewRegionSummary: boolean;
  canViewCampaigns: boolean;
  /** 新建 / 修改专项行动, 原数据库户数, 接收 / 退回上报 */
  canEditCampaigns: boolean;
  /** 上报数据 (when the user's organization is required by the campaign) */
  canSubmitCampaign: boolean;
  /** 生成数据稿 of a research report */
  canDraftResearchReport: boolean;
  canViewBulletins: boolean;
  /** 起草 / 修改 / 发布通报; sees the drafts; their own readings are not recorded (no 未读) */
  canIssueBulletins: boolean;
  /** 阅读情况 of a published bulletin, 已阅 in the list */
  canSeeBulletinReads: boolean;
  canViewAssessment: boolean;
  /** 考核细则, 加减分, 导出 of the whole ranking */
  canEditAssessment: boolean;
  canViewCommendations: boolean;
  /** 新增推荐 (a county union: within its own region) */
  canProposeCommendations: boolean;
  /** 批准 / 不批准 a nomination */
  canDecideCommendations: boolean;
  canCopyPersonalData: boolean;
  /** 市总领导 / 机关干部: the list holds only the households linked to them (定点联系) */
  linkedOnly: boolean;
}

export function accessOf(user: Pick<AccessUser, 'role'>): Access {
  const r = user.role;
  return {
    role: r,
    roleLabel: roleLabel(r),
    canCreateHousehold: can(r, 'household.create'),
    canCopyPersonalData: can(r, 'household.personalData'),
    canViewPolicy: can(r, 'policy.view'),
    canEditPolicy: can(r, 'policy.edit'),
    canViewProposals: can(r, 'proposals.view'),
    canDecideProposals: can(r, 'proposals.decide'),
    reviewQueue: reviewQueueOf(r),
    canManageOrgs: can(r, 'orgs.manage'),
    canManageUsers: can(r, 'users.manage'),
    canApproveUsers: can(r, 'users.approve'),
    canViewAudit: can(r, 'audit.view'),
    isAdmin: can(r, 'orgs.manage') || can(r, 'users.manage') || can(r, 'audit.view'),
    linkedOnly: r === 'leader' || r === 'staff',
    canRecordAssistance: can(r, 'assistance.record'),
    canViewMyHouseholds: can(r, 'assistance.my'),
    canViewAssistanceSummary: can(r, 'assistance.summary'),
    canViewFollowUps: can(r, 'followUps.view'),
    canRecordFollowUps: can(r, 'followUps.record'),
    canViewTransfers: can(r, 'transfers.view'),
    canHandleTransfers: can(r, 'transfers.handle'),
    canReceiveTransfers: can(r, 'transfers.receive'),
    canViewDuplicates: can(r, 'duplicates.view'),
    canHandleDuplicates: can(r, 'duplicates.handle'),
    canViewDibao: can(r, 'dibao.view'),
    canImportDibao: can(r, 'dibao.import'),
    canResolveDibao: can(r, 'dibao.resolve'),
    canViewBatches: can(r, 'batches.view'),
    canViewLinks: can(r, 'links.view'),
    canEditLinks: can(r, 'links.edit'),
    canViewGroups: can(r, 'groups.view'),
    canEditGroups: can(r, 'groups.edit'),
    canViewMeasures: can(r, 'measures.view'),
    canEditMeasures: can(r, 'measures.edit'),
    canImport: can(r, 'exchange.import'),
    canExport: can(r, 'exchange.export'),
    canViewRegionSummary: can(r, 'report.regionSummary'),
    canViewCampaigns: can(r, 'campaigns.view'),
    canEditCampaigns: can(r, 'campaigns.edit'),
    canSubmitCampaign: can(r, 'campaigns.submit'),
    canDraftResearchReport: can(r, 'campaigns.researchDraft'),
    canViewBulletins: can(r, 'bulletins.view'),
    canIssueBulletins: can(r, 'bulletins.issue'),
    canSeeBulletinReads: can(r, 'bulletins.reads'),
    canViewAssessment: can(r, 'assessment.view'),
    canEditAssessment: can(r, 'assessment.edit'),
    canViewCommendations: can(r, 'commendations.view'),
    canProposeCommendations: can(r, 'commendations.propose'),
    canDecideCommendations: can(r, 'commendations.decide'),
  };
}
