import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { Org } from '../../api/orgs';
import type { Campaign } from '../../api/campaigns';
import { checkCampaign, defaultRequiredOrgs, emptyValues, isCampaignField, requiredOrgTree, toCampaignInput, valuesFromCampaign } from './campaignForm';

const org = (code: string, kind: Org['kind'], extra: Partial<Org> = {}): Org => ({
  code, name: `组织${code}`, parentCode: kind === 'unit' ? code.slice(0, 3) : kind === 'region' ? 'H' : null, kind, active: true, largeEnterprise: false, ...extra,
});
const ORGS = [
  org('H', 'city'), org('H02', 'region'), org('H01', 'region'), org('H03', 'region', { active: false }),
  org('H01-0002', 'unit', { largeEnterprise: true }), org('H01-0001', 'unit'), org('H01-0003', 'unit', { largeEnterprise: true, active: false }),
];

describe('the organizations that must submit', () => {
  it('by default: the active regions and the active 大中型企事业单位', () => {
    expect(defaultRequiredOrgs(ORGS)).toEqual(['H01', 'H01-0002', 'H02']);
  });

  it('as a tree: regions, their units beneath with the 大中型 first; the inactive only when chosen', () => {
    const tree = requiredOrgTree(ORGS);
    expect(tree.map((r) => r.value)).toEqual(['H01', 'H02']);
    expect(tree[0].children).toEqual([
      { value: 'H01-0002', title: '组织H01-0002（大中型）' },
      { value: 'H01-0001', title: '组织H01-0001' },
    ]);
    expect(tree[1].children).toBeUndefined();
    expect(requiredOrgTree(ORGS, ['H03']).map((r) => r.value)).toEqual(['H01', 'H02', 'H03']);
  });
});

describe('form values ⇄ the campaign input', () => {
  const campaign: Campaign = {
    id: 7, name: '2026年建档立卡', year: 2026, startDate: '2026-03-01', endDate: '2026-12-31', state: 'running',
    phases: [{ name: '摸底', startDate: '2026-03-01', endDate: '2026-06-30' }], currentPhase: '摸底',
    deadlines: [
      { id: 3, kind: 'data', label: '第一次上报', dueDate: '2026-06-30', daysLeft: 10, reportsOwed: null },
      { id: 4, kind: 'report', label: '调研报告', dueDate: '2026-11-30', daysLeft: 163, reportsOwed: { region: 2, unit: 1 } },
    ],
    requiredOrgs: [{ code: 'H01', name: '京山', kind: 'region' }], version: 4, updatedAt: '2026-05-01T00:00:00Z',
  };

  it('round-trips a campaign, keeping each deadline\'s id and what a report deadline owes', () => {
    const v = valuesFromCampaign(campaign);
    expect(v.startDate?.format('YYYY-MM-DD')).toBe('2026-03-01');
    expect(v.deadlines?.[1]).toMatchObject({ kind: 'report', reportsPerRegion: 2, reportsPerUnit: 1 });
    expect(toCampaignInput(v)).toEqual({
      name: '2026年建档立卡', year: 2026, startDate: '2026-03-01', endDate: '2026-12-31',
      phases: [{ name: '摸底', startDate: '2026-03-01', endDate: '2026-06-30' }],
      deadlines: [
        { id: 3, kind: 'data', label: '第一次上报', dueDate: '2026-06-30' },
        { id: 4, kind: 'report', label: '调研报告', dueDate: '2026-11-30', reportsPerRegion: 2, reportsPerUnit: 1 },
      ],
      requiredOrgCodes: ['H01'],
    });
  });

  it('a data deadline turned into a report one owes the defaults (1 and 1); a report one turned into data sends no counts', () => {
    const v = valuesFromCampaign(campaign);
    expect(v.deadlines?.[0]).toMatchObject({ reportsPerRegion: 1, reportsPerUnit: 1 });
    const swapped = { ...v, deadlines: [{ ...v.deadlines![0], kind: 'report' as const }, { ...v.deadlines![1], kind: 'data' as const }] };
    const input = toCampaignInput(swapped);
    expect(input.deadlines[0]).toMatchObject({ kind: 'report', reportsPerRegion: 1, reportsPerUnit: 1 });
    expect(input.deadlines[1]).not.toHaveProperty('reportsPerRegion');
    expect(input.deadlines[1]).not.toHaveProperty('reportsPerUnit');
    // a count left empty falls back to the default
    const cleared = toCampaignInput({ ...v, deadlines: [{ ...v.deadlines![1], reportsPerRegion: null, reportsPerUnit: 3 }] });
    expect(cleared.deadlines[0]).toMatchObject({ reportsPerRegion: 1, reportsPerUnit: 3 });
  });

  it('checks the counts with core\'s schema (1 to 5)', () => {
    const base = { ...emptyValues(2026, ['H01']), name: '行动', startDate: dayjs('2026-01-01'), endDate: dayjs('2026-12-31') };
    const input = toCampaignInput({ ...base, deadlines: [{ kind: 'report', label: '调研报告', dueDate: dayjs('2026-06-30'), reportsPerRegion: 6, reportsPerUnit: 1 }] });
    expect(checkCampaign(input)).toEqual([{ path: 'deadlines.0.reportsPerRegion', message: '县区工会应交篇数应为1至5' }]);
  });

  it('a new campaign starts with one data deadline and the default organizations; plain codes are taken too', () => {
    const v = { ...emptyValues(2026, ['H01', 'H02']), name: ' 行动 ', startDate: dayjs('2026-01-01'), endDate: dayjs('2026-02-01') };
    expect(v.deadlines).toEqual([{ kind: 'data', label: '数据上报', dueDate: null, reportsPerRegion: 1, reportsPerUnit: 1 }]);
    expect(toCampaignInput(v).deadlines[0]).toEqual({ kind: 'data', label: '数据上报', dueDate: '' });
    const input = toCampaignInput({ ...v, deadlines: [{ kind: 'data', label: '上报', dueDate: dayjs('2026-01-20') }] });
    expect(input).toMatchObject({ name: '行动', deadlines: [{ kind: 'data', label: '上报', dueDate: '2026-01-20' }], requiredOrgCodes: ['H01', 'H02'] });
    expect(checkCampaign(input)).toEqual([]);
  });

  it('checks with core\'s schema, errors at the paths the server uses', () => {
    const input = toCampaignInput({ ...emptyValues(2026, ['H01']), name: '行动', startDate: dayjs('2026-03-01'), endDate: dayjs('2026-02-01'), deadlines: [{ kind: 'data', label: '上报', dueDate: dayjs('2026-01-01') }] });
    const paths = checkCampaign(input).map((e) => e.path);
    expect(paths).toContain('endDate');
    expect(paths).toContain('deadlines.0.dueDate');
  });
});

describe('which error paths the form shows', () => {
  const v = { phases: [{}], deadlines: [{}, { kind: 'report' as const }] };
  it('top fields and the fields of existing rows', () => {
    expect(isCampaignField(['name'], v)).toBe(true);
    expect(isCampaignField(['requiredOrgCodes'], v)).toBe(true);
    expect(isCampaignField(['deadlines', 1, 'dueDate'], v)).toBe(true);
    expect(isCampaignField(['phases', 0, 'endDate'], v)).toBe(true);
    expect(isCampaignField(['phases', 1, 'endDate'], v)).toBe(false);
    expect(isCampaignField(['deadlines'], v)).toBe(false);
    expect(isCampaignField(['version'], v)).toBe(false);
  });

  it('the counts of a report deadline, on a report row only', () => {
    expect(isCampaignField(['deadlines', 1, 'reportsPerRegion'], v)).toBe(true);
    expect(isCampaignField(['deadlines', 1, 'reportsPerUnit'], v)).toBe(true);
    expect(isCampaignField(['deadlines', 0, 'reportsPerRegion'], v)).toBe(false);
    expect(isCampaignField(['deadlines', 2, 'reportsPerUnit'], v)).toBe(false);
  });
});
