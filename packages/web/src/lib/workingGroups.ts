// Pure helpers of the 工作组 pages: whose group it is, the editor's draft (a 机关干部 is in one group
// only, as the server keeps it), the PUT body, where the server's field errors belong, and which
// 专项行动 a group's page follows. No React, no requests.
import type { FieldError } from '@bangfu/core';
import type { WorkingGroup, WorkingGroupInput } from '../api/assistance';

/** The group the user leads or is a member of (a leader may lead more than one: the first). */
export interface MyGroup {
  group: WorkingGroup;
  as: 'leader' | 'member';
}

export function myGroupOf(groups: readonly WorkingGroup[], username: string): MyGroup | null {
  for (const group of groups) {
    if (group.leader?.username === username) return { group, as: 'leader' };
    if (group.members.some((m) => m.username === username)) return { group, as: 'member' };
  }
  return null;
}

/** 带队领导 / 组员: how the user belongs to a group, or null. */
export function roleInGroup(group: Pick<WorkingGroup, 'leader' | 'members'>, username: string): MyGroup['as'] | null {
  if (group.leader?.username === username) return 'leader';
  return group.members.some((m) => m.username === username) ? 'member' : null;
}

/** One group in the editor. */
export interface GroupDraft {
  name: string;
  leaderUsername: string;
  memberUsernames: string[];
}
/** The editor's groups by region code. */
export type GroupsDraft = Record<string, GroupDraft>;

export function draftOf(groups: readonly WorkingGroup[]): GroupsDraft {
  return Object.fromEntries(
    groups.map((g) => [g.regionCode, { name: g.name, leaderUsername: g.leader?.username ?? '', memberUsernames: g.members.map((m) => m.username) }]),
  );
}

/**
 * Group `code`'s members become `usernames`; whoever of them was in another group's draft leaves
 * it (one group each: choosing a member moves them, as saving would).
 */
export function withMembers(draft: GroupsDraft, code: string, usernames: readonly string[]): GroupsDraft {
  const chosen = [...new Set(usernames)];
  const next: GroupsDraft = {};
  for (const [c, g] of Object.entries(draft)) {
    next[c] = c === code ? { ...g, memberUsernames: chosen } : g.memberUsernames.some((u) => chosen.includes(u)) ? { ...g, memberUsernames: g.memberUsernames.filter((u) => !chosen.includes(u)) } : g;
  }
  return next;
}

/** The region code of the group each member is in, in the draft. */
export function memberGroups(draft: GroupsDraft): Map<string, string> {
  const at = new Map<string, string>();
  for (const [code, g] of Object.entries(draft)) for (const u of g.memberUsernames) at.set(u, code);
  return at;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The PUT body, in the groups' order: every group's name and leader; its members only when they
 * changed (absent: the server keeps them, so a member who was since deactivated does not stop an
 * unrelated save).
 */
export function groupsPayload(groups: readonly WorkingGroup[], draft: GroupsDraft): WorkingGroupInput[] {
  return groups.map((g) => {
    const d = draft[g.regionCode] ?? { name: g.name, leaderUsername: g.leader?.username ?? '', memberUsernames: g.members.map((m) => m.username) };
    const body: WorkingGroupInput = { regionCode: g.regionCode, name: d.name.trim(), leaderUsername: d.leaderUsername.trim() || null };
    if (!sameSet(d.memberUsernames, g.members.map((m) => m.username))) body.memberUsernames = [...d.memberUsernames];
    return body;
  });
}

export type GroupField = 'name' | 'leaderUsername' | 'memberUsernames';
export interface GroupErrors {
  /** by region code, then field */
  byGroup: Record<string, Partial<Record<GroupField, string>>>;
  /** what belongs to no field shown (e.g. a region code) */
  other: string[];
}

/** Puts the server's `groups[0].memberUsernames[1]` errors on the fields of the groups sent. */
export function groupFieldErrors(errors: readonly FieldError[], sent: readonly Pick<WorkingGroupInput, 'regionCode'>[]): GroupErrors {
  const out: GroupErrors = { byGroup: {}, other: [] };
  for (const e of errors) {
    const m = /^groups\[(\d+)\]\.(name|leaderUsername|memberUsernames)(?:\[\d+\])?$/.exec(e.path);
    const code = m ? sent[Number(m[1])]?.regionCode : undefined;
    if (!m || !code) {
      out.other.push(e.message);
      continue;
    }
    const field = m[2] as GroupField;
    const at = (out.byGroup[code] ??= {});
    at[field] = at[field] ? `${at[field]}；${e.message}` : e.message;
  }
  return out;
}

/** The campaign a group's page follows: the running one, else the newest (the list is newest first). */
export function campaignForGroups<C extends { state: string }>(campaigns: readonly C[]): C | null {
  return campaigns.find((c) => c.state === 'running') ?? campaigns[0] ?? null;
}

/**
 * The group page's rows, one per person and household: the server lists a household once per link,
 * and a person may be both its 定点联系 and its 具体责任人.
 */
export function distinctHouseholds<T extends { username: string; id: number }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((h) => {
    const key = `${h.username}:${h.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
