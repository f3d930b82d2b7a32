import { describe, expect, it } from 'vitest';
import type { WorkingGroup } from '../api/assistance';
import { campaignForGroups, distinctHouseholds, draftOf, groupFieldErrors, groupsPayload, memberGroups, myGroupOf, roleInGroup, withMembers } from './workingGroups';

const group = (regionCode: string, leader: string | null, members: string[]): WorkingGroup => ({
  regionCode,
  regionName: regionCode,
  name: `${regionCode}工作组`,
  leader: leader ? { username: leader, displayName: leader.toUpperCase() } : null,
  members: members.map((username) => ({ username, displayName: username.toUpperCase(), linked: 1 })),
  filed: 0,
  assistedThisYear: 0,
  recordsThisYear: 0,
});

const groups = [group('H01', 'liang', ['zhao', 'qian']), group('H02', null, ['sun']), group('H03', 'wang', [])];

describe('working groups', () => {
  it('finds the group the user leads or is a member of', () => {
    expect(myGroupOf(groups, 'liang')).toEqual({ group: groups[0], as: 'leader' });
    expect(myGroupOf(groups, 'sun')).toEqual({ group: groups[1], as: 'member' });
    expect(myGroupOf(groups, 'nobody')).toBeNull();
    expect(roleInGroup(groups[0], 'qian')).toBe('member');
    expect(roleInGroup(groups[2], 'wang')).toBe('leader');
    expect(roleInGroup(groups[2], 'qian')).toBeNull();
  });

  it('moves a member chosen for one group out of the other', () => {
    const draft = draftOf(groups);
    expect(draft.H01).toEqual({ name: 'H01工作组', leaderUsername: 'liang', memberUsernames: ['zhao', 'qian'] });
    expect(draft.H02.leaderUsername).toBe('');
    const moved = withMembers(draft, 'H02', ['sun', 'qian', 'qian']);
    expect(moved.H02.memberUsernames).toEqual(['sun', 'qian']);
    expect(moved.H01.memberUsernames).toEqual(['zhao']);
    // an untouched group stays the same object
    expect(moved.H03).toBe(draft.H03);
    expect(memberGroups(moved).get('qian')).toBe('H02');
    expect(memberGroups(moved).get('zhao')).toBe('H01');
  });

  it('sends every name and leader, and members only where they changed', () => {
    const draft = withMembers(draftOf(groups), 'H02', ['sun', 'qian']);
    draft.H03 = { ...draft.H03, name: ' 钟祥工作组 ', leaderUsername: ' ' };
    expect(groupsPayload(groups, draft)).toEqual([
      { regionCode: 'H01', name: 'H01工作组', leaderUsername: 'liang', memberUsernames: ['zhao'] },
      { regionCode: 'H02', name: 'H02工作组', leaderUsername: null, memberUsernames: ['sun', 'qian'] },
      { regionCode: 'H03', name: '钟祥工作组', leaderUsername: null },
    ]);
    // the same members in another order: unchanged
    const reordered = { ...draftOf(groups), H01: { ...draftOf(groups).H01, memberUsernames: ['qian', 'zhao'] } };
    expect(groupsPayload(groups, reordered)[0]).not.toHaveProperty('memberUsernames');
    // every member removed: an empty list, not absent
    expect(groupsPayload(groups, withMembers(draftOf(groups), 'H01', []))[0].memberUsernames).toEqual([]);
  });

  it('puts the server\'s errors on the groups sent', () => {
    const sent = [{ regionCode: 'H01' }, { regionCode: 'H02' }];
    expect(
      groupFieldErrors(
        [
          { path: 'groups[1].memberUsernames[0]', message: 'a 不是启用中的机关干部账号' },
          { path: 'groups[1].memberUsernames[2]', message: 'B 已在另一个工作组' },
          { path: 'groups[0].leaderUsername', message: '工作组应由市总领导带队' },
          { path: 'groups[0].regionCode', message: '地区不对' },
          { path: 'groups[5].name', message: '没有这个组' },
          { path: 'groups', message: '工作组最多20个' },
        ],
        sent,
      ),
    ).toEqual({
      byGroup: { H02: { memberUsernames: 'a 不是启用中的机关干部账号；B 已在另一个工作组' }, H01: { leaderUsername: '工作组应由市总领导带队' } },
      other: ['地区不对', '没有这个组', '工作组最多20个'],
    });
  });

  it('follows the running campaign, else the newest', () => {
    expect(campaignForGroups([{ id: 3, state: 'upcoming' }, { id: 2, state: 'running' }, { id: 1, state: 'ended' }])?.id).toBe(2);
    expect(campaignForGroups([{ id: 3, state: 'ended' }, { id: 1, state: 'ended' }])?.id).toBe(3);
    expect(campaignForGroups([])).toBeNull();
  });

  it('lists a household once per person', () => {
    const rows = [{ username: 'a', id: 1, k: 'link' }, { username: 'a', id: 1, k: 'cadre' }, { username: 'b', id: 1, k: 'link' }, { username: 'a', id: 2, k: 'link' }];
    expect(distinctHouseholds(rows).map((r) => [r.username, r.id, r.k])).toEqual([['a', 1, 'link'], ['b', 1, 'link'], ['a', 2, 'link']]);
  });
});
