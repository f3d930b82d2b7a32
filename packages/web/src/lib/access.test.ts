import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '@bangfu/core';
import { PERMISSIONS, ROLES, RULES, accessOf, can, canEditListed, canFileAt, fileActions, inOrgSubtree, ownRegionOf, ownUnitOf, reviewQueueOf, type AccessUser, type Permission, type Role } from './access';

const user = (role: Role, orgCode = role === 'region' ? 'H01' : role === 'unit' ? 'H01-0001' : 'H', id = 100): AccessUser => ({ id, role, orgCode });

/** The whole table, role by role: a change to the rules shows up here as a diff. */
const EXPECTED: Record<Role, Permission[]> = {
  admin: [
    'household.list', 'household.create', 'household.submit', 'household.remove', 'household.exit', 'household.reopen',
    'household.reviewCity', 'policy.view', 'policy.edit', 'proposals.view', 'proposals.decide', 'reviews.queue', 'orgs.manage', 'users.manage', 'audit.view',
    'plan.edit', 'responsibility.edit', 'assistance.record', 'assistance.summary', 'followUps.view', 'followUps.record', 'transfers.view', 'duplicates.view', 'dibao.view', 'batches.view', 'links.view', 'links.edit', 'groups.view', 'groups.edit',
    'measures.view', 'measures.edit', 'exchange.export', 'report.regionSummary', 'campaigns.view', 'campaigns.edit', 'campaigns.researchDraft', 'bulletins.view', 'bulletins.issue', 'bulletins.reads',
    'assessment.view', 'commendations.view',
  ],
  city: [
    'household.list', 'household.create', 'household.edit', 'household.submit', 'household.remove', 'household.exit', 'household.reopen', 'household.personalData',
    'household.reviewCity', 'policy.view', 'policy.edit', 'proposals.view', 'proposals.decide', 'reviews.queue', 'users.approve',
    'plan.edit', 'responsibility.edit', 'assistance.record', 'assistance.my', 'assistance.summary', 'followUps.view', 'followUps.record', 'transfers.view', 'transfers.handle', 'duplicates.view', 'duplicates.handle', 'dibao.view', 'dibao.import', 'dibao.resolve', 'batches.view', 'links.view', 'links.edit', 'groups.view',
    'groups.edit', 'measures.view', 'measures.edit', 'exchange.import', 'exchange.export', 'report.regionSummary', 'campaigns.view', 'campaigns.edit', 'campaigns.researchDraft', 'bulletins.view', 'bulletins.issue', 'bulletins.reads',
    'assessment.view', 'assessment.edit', 'commendations.view', 'commendations.propose', 'commendations.decide',
  ],
  leader: ['household.list', 'policy.view', 'assistance.record', 'assistance.my', 'assistance.summary', 'followUps.view', 'followUps.record', 'batches.view', 'groups.view', 'exchange.export', 'report.regionSummary', 'campaigns.view', 'bulletins.view', 'bulletins.reads', 'assessment.view', 'commendations.view'],
  staff: ['household.list', 'policy.view', 'assistance.record', 'assistance.my', 'followUps.view', 'followUps.record', 'groups.view', 'exchange.export', 'report.regionSummary', 'campaigns.view', 'bulletins.view', 'commendations.view'],
  region: [
    'household.list', 'household.create', 'household.edit', 'household.submit', 'household.remove', 'household.exit', 'household.reopen', 'household.personalData',
    'household.reviewUnit', 'policy.view', 'proposals.view', 'proposals.decide', 'reviews.queue',
    'plan.edit', 'responsibility.edit', 'assistance.record', 'assistance.my', 'assistance.summary', 'followUps.view', 'followUps.record', 'transfers.view', 'transfers.handle', 'transfers.receive', 'duplicates.view', 'duplicates.handle', 'dibao.view', 'dibao.import', 'dibao.resolve', 'batches.view',
    'exchange.import', 'exchange.export', 'report.regionSummary', 'campaigns.view', 'campaigns.submit', 'campaigns.researchDraft', 'bulletins.view',
    'assessment.view', 'commendations.view', 'commendations.propose',
  ],
  unit: [
    'household.list', 'household.create', 'household.edit', 'household.submit', 'household.remove', 'household.exit', 'household.reopen', 'household.personalData',
    'household.reviewUnit', 'policy.view', 'proposals.view', 'reviews.queue',
    'plan.edit', 'responsibility.edit', 'assistance.record', 'assistance.my', 'followUps.view', 'followUps.record', 'transfers.view', 'transfers.handle', 'transfers.receive', 'duplicates.view', 'duplicates.handle', 'dibao.view', 'dibao.resolve', 'batches.view',
    'exchange.import', 'exchange.export', 'report.regionSummary', 'campaigns.view', 'campaigns.submit', 'campaigns.researchDraft', 'bulletins.view',
    'assessment.view', 'commendations.view',
  ],
  viewer: ['household.list', 'policy.view', 'proposals.view', 'assistance.summary', 'followUps.view', 'transfers.view', 'duplicates.view', 'dibao.view', 'batches.view', 'links.view', 'groups.view', 'measures.view', 'exchange.export', 'report.regionSummary', 'campaigns.view', 'campaigns.researchDraft', 'bulletins.view', 'bulletins.reads', 'assessment.view', 'commendations.view'],
};

describe('access: the rules table', () => {
  it('gives each role exactly its permissions', () => {
    for (const role of ROLES) expect(PERMISSIONS.filter((p) => can(role, p)), role).toEqual(EXPECTED[role]);
  });

  it('names only known roles and refuses unknown ones', () => {
    for (const p of PERMISSIONS) for (const r of RULES[p]) expect(ROLES).toContain(r);
    expect(can('someone', 'household.list')).toBe(false);
  });

  it('mirrors the server: policy edit admin+city, proposals decide admin+city+region, admin pages admin only', () => {
    expect(ROLES.filter((r) => can(r, 'policy.edit'))).toEqual(['admin', 'city']);
    expect(ROLES.filter((r) => can(r, 'proposals.decide'))).toEqual(['admin', 'city', 'region']);
    expect(ROLES.filter((r) => can(r, 'household.reviewUnit'))).toEqual(['region', 'unit']);
    expect(ROLES.filter((r) => can(r, 'household.reviewCity'))).toEqual(['admin', 'city']);
    for (const p of ['orgs.manage', 'users.manage', 'audit.view'] as const) expect(ROLES.filter((r) => can(r, p))).toEqual(['admin']);
  });

  it('mirrors the campaign routes: everyone reads, the city union edits and decides, the county and grassroots unions submit', () => {
    expect(ROLES.filter((r) => can(r, 'campaigns.view'))).toEqual([...ROLES]);
    expect(ROLES.filter((r) => can(r, 'campaigns.edit'))).toEqual(['admin', 'city']);
    expect(ROLES.filter((r) => can(r, 'campaigns.submit'))).toEqual(['region', 'unit']);
    expect(accessOf({ role: 'region' })).toMatchObject({ canViewCampaigns: true, canEditCampaigns: false, canSubmitCampaign: true });
    expect(accessOf({ role: 'viewer' })).toMatchObject({ canViewCampaigns: true, canEditCampaigns: false, canSubmitCampaign: false });
  });

  it('mirrors the bulletin routes: everyone reads, the city union drafts and publishes, the city\'s people see who read', () => {
    expect(ROLES.filter((r) => can(r, 'bulletins.view'))).toEqual([...ROLES]);
    expect(ROLES.filter((r) => can(r, 'bulletins.issue'))).toEqual(['admin', 'city']);
    expect(ROLES.filter((r) => can(r, 'bulletins.reads'))).toEqual(['admin', 'city', 'leader', 'viewer']);
    expect(accessOf({ role: 'region' })).toMatchObject({ canViewBulletins: true, canIssueBulletins: false, canSeeBulletinReads: false });
  });

  it('mirrors the assessment and commendation routes: the assessed and the city\'s people see, the city union edits and decides, the county unions nominate too', () => {
    expect(ROLES.filter((r) => can(r, 'assessment.view'))).toEqual(['admin', 'city', 'leader', 'region', 'unit', 'viewer']);
    expect(ROLES.filter((r) => can(r, 'assessment.edit'))).toEqual(['city']);
    expect(ROLES.filter((r) => can(r, 'commendations.view'))).toEqual([...ROLES]);
    expect(ROLES.filter((r) => can(r, 'commendations.propose'))).toEqual(['city', 'region']);
    expect(ROLES.filter((r) => can(r, 'commendations.decide'))).toEqual(['city']);
    expect(accessOf({ role: 'region' })).toMatchObject({ canViewAssessment: true, canEditAssessment: false, canProposeCommendations: true, canDecideCommendations: false });
    expect(accessOf({ role: 'staff' })).toMatchObject({ canViewAssessment: false, canViewCommendations: true, canProposeCommendations: false });
    expect(accessOf({ role: 'admin' })).toMatchObject({ canViewAssessment: true, canEditAssessment: false, canDecideCommendations: false });
  });

  it('mirrors the follow-up routes: everyone sees their scope\'s exited households, all but the steering group record', () => {
    expect(ROLES.filter((r) => can(r, 'followUps.view'))).toEqual([...ROLES]);
    expect(ROLES.filter((r) => can(r, 'followUps.record'))).toEqual(ROLES.filter((r) => r !== 'viewer'));
    expect(accessOf({ role: 'viewer' })).toMatchObject({ canViewFollowUps: true, canRecordFollowUps: false });
    expect(accessOf({ role: 'staff' })).toMatchObject({ canViewFollowUps: true, canRecordFollowUps: true });
  });

  it('mirrors the transfer routes: the filing cadres ask and decide, the steering group and the admin read, the county and grassroots unions receive', () => {
    expect(ROLES.filter((r) => can(r, 'transfers.view'))).toEqual(['admin', 'city', 'region', 'unit', 'viewer']);
    expect(ROLES.filter((r) => can(r, 'transfers.handle'))).toEqual(['city', 'region', 'unit']);
    expect(ROLES.filter((r) => can(r, 'transfers.receive'))).toEqual(['region', 'unit']);
    expect(accessOf({ role: 'viewer' })).toMatchObject({ canViewTransfers: true, canHandleTransfers: false, canReceiveTransfers: false });
    expect(accessOf({ role: 'city' })).toMatchObject({ canViewTransfers: true, canHandleTransfers: true, canReceiveTransfers: false });
    expect(accessOf({ role: 'unit' })).toMatchObject({ canViewTransfers: true, canHandleTransfers: true, canReceiveTransfers: true });
    for (const r of ['leader', 'staff'] as const) expect(accessOf({ role: r })).toMatchObject({ canViewTransfers: false, canHandleTransfers: false });
  });

  it('mirrors the duplicate routes: the filing cadres scan and resolve, the steering group and the admin read, leaders and staff see nothing', () => {
    expect(ROLES.filter((r) => can(r, 'duplicates.view'))).toEqual(['admin', 'city', 'region', 'unit', 'viewer']);
    expect(ROLES.filter((r) => can(r, 'duplicates.handle'))).toEqual(['city', 'region', 'unit']);
    expect(accessOf({ role: 'viewer' })).toMatchObject({ canViewDuplicates: true, canHandleDuplicates: false });
    expect(accessOf({ role: 'admin' })).toMatchObject({ canViewDuplicates: true, canHandleDuplicates: false });
    expect(accessOf({ role: 'unit' })).toMatchObject({ canViewDuplicates: true, canHandleDuplicates: true });
    for (const r of ['leader', 'staff'] as const) expect(accessOf({ role: r })).toMatchObject({ canViewDuplicates: false, canHandleDuplicates: false });
  });

  it('mirrors the dibao routes: the city union and the county unions import, the filing cadres resolve, the steering group and the admin read', () => {
    expect(ROLES.filter((r) => can(r, 'dibao.view'))).toEqual(['admin', 'city', 'region', 'unit', 'viewer']);
    expect(ROLES.filter((r) => can(r, 'dibao.import'))).toEqual(['city', 'region']);
    expect(ROLES.filter((r) => can(r, 'dibao.resolve'))).toEqual(['city', 'region', 'unit']);
    expect(accessOf({ role: 'viewer' })).toMatchObject({ canViewDibao: true, canImportDibao: false, canResolveDibao: false });
    expect(accessOf({ role: 'unit' })).toMatchObject({ canViewDibao: true, canImportDibao: false, canResolveDibao: true });
    expect(accessOf({ role: 'region' })).toMatchObject({ canViewDibao: true, canImportDibao: true, canResolveDibao: true });
    for (const r of ['leader', 'staff'] as const) expect(accessOf({ role: r })).toMatchObject({ canViewDibao: false, canImportDibao: false, canResolveDibao: false });
  });

  it('mirrors the research draft: the organization\'s own subtree and the city\'s people who see every file', () => {
    expect(ROLES.filter((r) => can(r, 'campaigns.researchDraft'))).toEqual(['admin', 'city', 'region', 'unit', 'viewer']);
  });

  it('mirrors the exchange routes: import by the filing unions only, export and summary by whoever lists', () => {
    expect(ROLES.filter((r) => can(r, 'exchange.import'))).toEqual(['city', 'region', 'unit']);
    expect(ROLES.filter((r) => can(r, 'exchange.export'))).toEqual(ROLES.filter((r) => can(r, 'household.list')));
    expect(ROLES.filter((r) => can(r, 'report.regionSummary'))).toEqual(ROLES.filter((r) => can(r, 'household.list')));
  });

  it('builds the menus: viewer read-only, admin with 系统管理', () => {
    const viewer = accessOf({ role: 'viewer' });
    expect(viewer).toMatchObject({ roleLabel: '领导小组', canCreateHousehold: false, canEditPolicy: false, canDecideProposals: false, reviewQueue: null, isAdmin: false });
    expect(accessOf({ role: 'admin' })).toMatchObject({ isAdmin: true, canManageOrgs: true, canManageUsers: true, canViewAudit: true, reviewQueue: { level: 'city', status: 'unitApproved' } });
    expect(accessOf({ role: 'leader' })).toMatchObject({ roleLabel: '市总领导', canCreateHousehold: false, canViewProposals: false, reviewQueue: null, linkedOnly: true });
    expect(accessOf({ role: 'staff' }).linkedOnly).toBe(true);
    expect(accessOf({ role: 'city' }).linkedOnly).toBe(false);
  });

  it('sends each reviewer to the status they review', () => {
    expect(reviewQueueOf('unit')).toEqual({ level: 'unit', status: 'submitted' });
    expect(reviewQueueOf('region')).toEqual({ level: 'unit', status: 'submitted' });
    expect(reviewQueueOf('city')).toEqual({ level: 'city', status: 'unitApproved' });
    expect(reviewQueueOf('admin')).toEqual({ level: 'city', status: 'unitApproved' });
    for (const r of ['leader', 'staff', 'viewer'] as const) expect(reviewQueueOf(r)).toBeNull();
  });
});

describe('access: organization scope', () => {
  it('confines region and unit cadres', () => {
    expect(ownRegionOf(user('region', 'H03'))).toBe('H03');
    expect(ownRegionOf(user('unit', 'H02-0007'))).toBe('H02');
    expect(ownRegionOf(user('city'))).toBeNull();
    expect(ownUnitOf(user('unit', 'H02-0007'))).toBe('H02-0007');
    expect(ownUnitOf(user('region'))).toBeNull();
  });

  it('says whose subtree a file lies in', () => {
    expect(inOrgSubtree(user('region', 'H01'), 'H01', null)).toBe(true);
    expect(inOrgSubtree(user('region', 'H01'), 'H02', null)).toBe(false);
    expect(inOrgSubtree(user('unit', 'H01-0001'), 'H01', 'H01-0001')).toBe(true);
    expect(inOrgSubtree(user('unit', 'H01-0001'), 'H01', 'H01-0001-01')).toBe(true);
    expect(inOrgSubtree(user('unit', 'H01-0001'), 'H01', 'H01-00012')).toBe(false);
    expect(inOrgSubtree(user('unit', 'H01-0001'), 'H01', null)).toBe(false);
    expect(inOrgSubtree(user('leader'), 'H01', null)).toBe(false);
    expect(canFileAt(user('viewer'), 'H01', null)).toBe(false);
    expect(canFileAt(user('city'), 'H05', 'H05-0002')).toBe(true);
  });
});

describe('access: what may be done to one file', () => {
  const file = (status: HouseholdStatus, createdBy = 7) => ({ status, regionCode: 'H01', unitId: 'H01-0001', createdBy });
  const offered = (u: AccessUser, status: HouseholdStatus, createdBy = 7) => {
    const a = fileActions(u, file(status, createdBy));
    return (['submit', 'reviewUnit', 'reviewCity', 'remove', 'exit', 'reopen'] as const).filter((k) => a[k]);
  };

  it('follows the lifecycle for the filer side', () => {
    const u = user('unit');
    expect(offered(u, 'draft')).toEqual(['submit']);
    expect(offered(u, 'filed')).toEqual(['remove', 'exit']);
    expect(offered(u, 'removed')).toEqual(['reopen']);
    expect(offered(u, 'exited')).toEqual(['reopen']);
    expect(offered(u, 'unitApproved')).toEqual([]);
  });

  it('offers the unit review to the unit and the region, the city review to the city and admin', () => {
    expect(offered(user('unit'), 'submitted')).toEqual(['reviewUnit']);
    expect(offered(user('region'), 'submitted')).toEqual(['reviewUnit']);
    expect(offered(user('region', 'H02'), 'submitted')).toEqual([]);
    expect(offered(user('unit', 'H01-0002'), 'submitted')).toEqual([]);
    expect(offered(user('city'), 'submitted')).toEqual([]);
    expect(offered(user('city'), 'unitApproved')).toEqual(['reviewCity']);
    expect(offered(user('admin'), 'unitApproved')).toEqual(['reviewCity']);
    expect(offered(user('region'), 'unitApproved')).toEqual([]);
  });

  it('offers 编辑 only to roles that may edit: never to the admin, who would land on a 403', () => {
    expect(fileActions(user('admin'), file('draft')).edit).toBeNull();
    expect(fileActions(user('admin'), file('filed')).edit).toBeNull();
    expect(fileActions(user('unit'), file('draft')).edit).not.toBeNull();
    expect(fileActions(user('city'), file('filed')).edit).not.toBeNull();
  });

  it('never lets the filer review their own file, and says so', () => {
    const me = user('region', 'H01', 7);
    expect(offered(me, 'submitted', 7)).toEqual([]);
    expect(fileActions(me, file('submitted', 7)).ownFile).toBe(true);
    expect(fileActions(me, file('submitted', 8)).ownFile).toBe(false);
    const city = user('city', 'H', 9);
    expect(offered(city, 'unitApproved', 9)).toEqual([]);
    expect(fileActions(city, file('unitApproved', 9)).ownFile).toBe(true);
  });

  it('gives the viewer, leaders and staff nothing to do', () => {
    for (const r of ['viewer', 'leader', 'staff'] as const)
      for (const s of HOUSEHOLD_STATUSES) {
        expect(offered(user(r), s)).toEqual([]);
        expect(fileActions(user(r), file(s)).edit).toBeNull();
      }
  });

  it('offers 转移 to the filing cadres of the file\'s subtree while it is a draft, filed or exited', () => {
    const transferable = (u: AccessUser) => HOUSEHOLD_STATUSES.filter((s) => fileActions(u, file(s)).transfer);
    expect(transferable(user('unit'))).toEqual(['draft', 'filed', 'exited']);
    expect(transferable(user('region'))).toEqual(['draft', 'filed', 'exited']);
    expect(transferable(user('city'))).toEqual(['draft', 'filed', 'exited']);
    // another county or unit asks through 申请转入; the admin and the read-only roles never
    expect(transferable(user('region', 'H02'))).toEqual([]);
    expect(transferable(user('unit', 'H01-0002'))).toEqual([]);
    for (const r of ['admin', 'viewer', 'leader', 'staff'] as const) expect(transferable(user(r))).toEqual([]);
  });

  it('edits follow editRule: draft free, filed with a reason, the rest locked', () => {
    const u = user('unit');
    expect(HOUSEHOLD_STATUSES.map((s) => fileActions(u, file(s)).edit)).toEqual(['free', null, null, 'withReason', null, null]);
    expect(HOUSEHOLD_STATUSES.filter((s) => canEditListed('region', s))).toEqual(['draft', 'filed']);
    expect(HOUSEHOLD_STATUSES.filter((s) => canEditListed('viewer', s))).toEqual([]);
  });
});
