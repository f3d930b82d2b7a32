// The campaign form (新建 / 修改专项行动) as pure functions: the form's values (dayjs dates, the
// organizations as the tree select gives them) from and to core's CampaignInput, the organizations
// required by default (the regions and the 大中型企事业单位), the tree to choose them from, and
// which error paths are fields of the form. Checked with core's own schema before it is sent.
// A report deadline carries how many 调研报告 each county union and each unit owes.
import dayjs, { type Dayjs } from 'dayjs';
import { campaignInputSchema, DEFAULT_REPORTS_OWED, type CampaignInput, type DeadlineKind, type FieldError } from '@bangfu/core';
import type { Campaign } from '../../api/campaigns';
import type { Org } from '../../api/orgs';
import type { NamePath } from '../../lib/fieldErrors';

/** A tree select with independent checkboxes gives {value, label}; plain codes are accepted too. */
export type OrgValue = string | { value: string; label?: unknown };

export interface PhaseValues {
  name?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
}

export interface DeadlineValues {
  id?: number;
  kind?: DeadlineKind;
  label?: string;
  dueDate?: Dayjs | null;
  /** a report deadline: 县区应交篇数 / 单位应交篇数 (kept on a data row, sent only for a report) */
  reportsPerRegion?: number | null;
  reportsPerUnit?: number | null;
}

export interface CampaignFormValues {
  name?: string;
  year?: number | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  phases?: PhaseValues[];
  deadlines?: DeadlineValues[];
  requiredOrgCodes?: OrgValue[];
}

const DAY = 'YYYY-MM-DD';
const day = (d: Dayjs | null | undefined): string => (d ? d.format(DAY) : '');
const parse = (s: string): Dayjs => dayjs(s, DAY);

export const orgCodeOf = (v: OrgValue): string => (typeof v === 'string' ? v : v.value);

/** The active regions and the active units marked 大中型企事业单位, in code order. */
export function defaultRequiredOrgs(orgs: readonly Org[]): string[] {
  return orgs
    .filter((o) => o.active && (o.kind === 'region' || (o.kind === 'unit' && o.largeEnterprise)))
    .map((o) => o.code)
    .sort();
}

export interface OrgTreeNode {
  value: string;
  title: string;
  children?: OrgTreeNode[];
}

/** Regions with their units beneath (the 大中型 ones first); the inactive left out unless chosen already. */
export function requiredOrgTree(orgs: readonly Org[], chosen: readonly string[] = []): OrgTreeNode[] {
  const keep = (o: Org) => o.active || chosen.includes(o.code);
  const byCode = (a: Org, b: Org) => a.code.localeCompare(b.code);
  return orgs
    .filter((o) => o.kind === 'region' && keep(o))
    .sort(byCode)
    .map((r) => {
      const units = orgs
        .filter((u) => u.kind === 'unit' && u.parentCode === r.code && keep(u))
        .sort((a, b) => Number(b.largeEnterprise) - Number(a.largeEnterprise) || byCode(a, b));
      return {
        value: r.code,
        title: r.name,
        ...(units.length ? { children: units.map((u) => ({ value: u.code, title: u.largeEnterprise ? `${u.name}（大中型）` : u.name })) } : {}),
      };
    });
}

/** A new row of 截止事项: a data deadline, with the default counts ready should it become a report one. */
export function newDeadline(label = ''): DeadlineValues {
  return { kind: 'data', label, dueDate: null, reportsPerRegion: DEFAULT_REPORTS_OWED.region, reportsPerUnit: DEFAULT_REPORTS_OWED.unit };
}

export function emptyValues(year: number, requiredOrgCodes: string[]): CampaignFormValues {
  return { name: '', year, startDate: null, endDate: null, phases: [], deadlines: [newDeadline('数据上报')], requiredOrgCodes };
}

export function valuesFromCampaign(c: Campaign): CampaignFormValues {
  return {
    name: c.name,
    year: c.year,
    startDate: parse(c.startDate),
    endDate: parse(c.endDate),
    phases: c.phases.map((p) => ({ name: p.name, startDate: parse(p.startDate), endDate: parse(p.endDate) })),
    deadlines: c.deadlines.map((d) => ({
      id: d.id,
      kind: d.kind,
      label: d.label,
      dueDate: parse(d.dueDate),
      reportsPerRegion: d.reportsOwed?.region ?? DEFAULT_REPORTS_OWED.region,
      reportsPerUnit: d.reportsOwed?.unit ?? DEFAULT_REPORTS_OWED.unit,
    })),
    requiredOrgCodes: c.requiredOrgs.map((o) => ({ value: o.code, label: o.name })),
  };
}

export function toCampaignInput(v: CampaignFormValues): CampaignInput {
  return {
    name: (v.name ?? '').trim(),
    year: v.year ?? NaN,
    startDate: day(v.startDate),
    endDate: day(v.endDate),
    phases: (v.phases ?? []).map((p) => ({ name: (p.name ?? '').trim(), startDate: day(p.startDate), endDate: day(p.endDate) })),
    deadlines: (v.deadlines ?? []).map((d) => ({
      ...(d.id !== undefined ? { id: d.id } : {}),
      kind: d.kind ?? 'data',
      label: (d.label ?? '').trim(),
      dueDate: day(d.dueDate),
      ...(d.kind === 'report'
        ? { reportsPerRegion: d.reportsPerRegion ?? DEFAULT_REPORTS_OWED.region, reportsPerUnit: d.reportsPerUnit ?? DEFAULT_REPORTS_OWED.unit }
        : {}),
    })),
    requiredOrgCodes: (v.requiredOrgCodes ?? []).map(orgCodeOf),
  };
}

/** core's schema on the input: the errors the server would give, with their paths ('deadlines.0.dueDate'). */
export function checkCampaign(input: CampaignInput): FieldError[] {
  const r = campaignInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const TOP = ['name', 'year', 'startDate', 'endDate', 'requiredOrgCodes'];
const ROW_FIELDS: Record<string, string[]> = { phases: ['name', 'startDate', 'endDate'], deadlines: ['kind', 'label', 'dueDate'] };
const REPORT_FIELDS = ['reportsPerRegion', 'reportsPerUnit'];

/** Whether the form shows a field at this name (rows that exist only; the counts on a report row only). */
export function isCampaignField(name: NamePath, v: Pick<CampaignFormValues, 'phases' | 'deadlines'>): boolean {
  if (name.length === 1) return TOP.includes(String(name[0]));
  if (name.length !== 3) return false;
  const [list, i, field] = name;
  const rows = list === 'phases' ? v.phases : list === 'deadlines' ? v.deadlines : undefined;
  if (!rows || typeof i !== 'number' || i >= rows.length) return false;
  if (list === 'deadlines' && REPORT_FIELDS.includes(String(field))) return v.deadlines?.[i]?.kind === 'report';
  return ROW_FIELDS[list as string].includes(String(field));
}
