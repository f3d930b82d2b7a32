import { describe, expect, it } from 'vitest';
import { REPORT_MAX_BYTES } from '@bangfu/core';
import type { ReportTrackerRow } from '../../api/campaigns';
import { reportForm } from '../../api/campaigns';
import {
  chosenFileProblem, draftOrgOptions, fileSizeText, ownTally, replacedText, REPORT_STATUS_TEXT, reportActions, reportDeadlines, reportsOwedText, trackerState, TRACKER_STATE_TEXT,
} from './researchReports';

const row = (orgCode: string, extra: Partial<ReportTrackerRow> = {}): ReportTrackerRow => ({
  orgCode, orgName: `组织${orgCode}`, kind: 'region', owed: 2, submitted: 0, accepted: 0, returned: 0, late: false, ...extra,
});

describe('a tracker row\'s state', () => {
  it('逾期 when the server says late, whatever was sent', () => {
    expect(trackerState(row('H04', { late: true }))).toBe('late');
    expect(trackerState(row('H04', { late: true, submitted: 2 }))).toBe('late');
    expect(TRACKER_STATE_TEXT.late).toBe('逾期');
  });

  it('按时 once all owed are sent in time, 进行中 before', () => {
    expect(trackerState(row('H07', { submitted: 1 }))).toBe('open');
    expect(trackerState(row('H07', { submitted: 2 }))).toBe('done');
    expect(trackerState(row('H07', { owed: 1, submitted: 3 }))).toBe('done');
    expect(TRACKER_STATE_TEXT.open).toBe('进行中');
    expect(TRACKER_STATE_TEXT.done).toBe('按时');
  });

  it('finds the user\'s own organization\'s row', () => {
    const t = [row('H04', { late: true }), row('H07')];
    expect(ownTally(t, 'H07')?.orgCode).toBe('H07');
    expect(ownTally(t, 'H01')).toBeNull();
  });
});

describe('what one may do to a report', () => {
  const county = { orgCode: 'H07', submits: true, decides: false };
  const city = { orgCode: 'H', submits: false, decides: true };

  it('the owner replaces it until it is accepted; nobody else does', () => {
    expect(reportActions({ orgCode: 'H07', status: 'submitted' }, county)).toEqual({ replace: true, decide: false });
    expect(reportActions({ orgCode: 'H07', status: 'returned' }, county)).toEqual({ replace: true, decide: false });
    expect(reportActions({ orgCode: 'H07', status: 'accepted' }, county)).toEqual({ replace: false, decide: false });
    // a county union sees its units' reports but does not replace them
    expect(reportActions({ orgCode: 'H07-0001', status: 'submitted' }, county).replace).toBe(false);
    // an organization that need not submit (no longer required) replaces nothing
    expect(reportActions({ orgCode: 'H07', status: 'submitted' }, { ...county, submits: false }).replace).toBe(false);
  });

  it('the city accepts or returns only what waits', () => {
    expect(reportActions({ orgCode: 'H07', status: 'submitted' }, city)).toEqual({ replace: false, decide: true });
    expect(reportActions({ orgCode: 'H07', status: 'returned' }, city).decide).toBe(false);
    expect(reportActions({ orgCode: 'H07', status: 'accepted' }, city).decide).toBe(false);
  });
});

describe('texts', () => {
  it('sizes', () => {
    expect(fileSizeText(860)).toBe('860 B');
    expect(fileSizeText(12 * 1024 + 100)).toBe('12 KB');
    expect(fileSizeText(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(fileSizeText(REPORT_MAX_BYTES)).toBe('20.0 MB');
  });

  it('a report\'s state', () => {
    expect(REPORT_STATUS_TEXT).toEqual({ submitted: '已报送', returned: '已退回', accepted: '已接收' });
  });

  it('replacements', () => {
    expect(replacedText(0)).toBeNull();
    expect(replacedText(1)).toBe('第1次更换');
  });

  it('what is owed, for the kinds the campaign requires', () => {
    const owed = { region: 2, unit: 1 };
    expect(reportsOwedText(owed, [{ kind: 'region' }, { kind: 'unit' }])).toBe('应交：每个县区工会 2 篇，每个上报单位 1 篇');
    expect(reportsOwedText(owed, [{ kind: 'region' }])).toBe('应交：每个县区工会 2 篇');
    expect(reportsOwedText(null, [{ kind: 'region' }])).toBe('');
  });

  it('the report deadlines of a campaign', () => {
    const d = (id: number, kind: 'data' | 'report') => ({ id, kind, label: `事项${id}`, dueDate: '2026-06-30', daysLeft: 3, reportsOwed: kind === 'report' ? { region: 1, unit: 1 } : null });
    expect(reportDeadlines({ deadlines: [d(1, 'data'), d(2, 'report'), d(3, 'report')] }).map((x) => x.id)).toEqual([2, 3]);
  });
});

describe('the chosen file, by core\'s rule', () => {
  const file = (name: string, content: BlobPart[]) => new File(content, name);

  it('takes a PDF named .pdf', async () => {
    expect(await chosenFileProblem(file('钟祥调研报告.pdf', ['%PDF-1.4\n%%EOF\n']))).toBeNull();
  });

  it('refuses a file whose content is not what its name says, an empty one and other kinds', async () => {
    expect(await chosenFileProblem(file('报告.pdf', ['这不是PDF']))).toMatch(/内容不是 PDF/);
    expect(await chosenFileProblem(file('报告.docx', []))).toMatch(/文件是空的/);
    expect(await chosenFileProblem(file('报告.txt', ['x']))).toMatch(/不支持的文件类型/);
  });

  it('refuses a file past the limit without reading all of it', async () => {
    const big = file('大.pdf', ['%PDF-', new Uint8Array(REPORT_MAX_BYTES)]);
    expect(await chosenFileProblem(big)).toMatch(/超过 20 MB/);
  });
});

describe('the multipart form', () => {
  it('puts the fields before the file, the deadline only when given', () => {
    const f = new File(['%PDF-1.4'], '报告.pdf');
    const form = reportForm({ title: '标题', summary: '摘要', deadlineId: 9 }, f);
    expect([...form.keys()]).toEqual(['title', 'summary', 'deadlineId', 'file']);
    expect(form.get('deadlineId')).toBe('9');
    expect((form.get('file') as File).name).toBe('报告.pdf');
    expect([...reportForm({ title: '标题', summary: '摘要' }, f).keys()]).toEqual(['title', 'summary', 'file']);
  });
});

describe('whose 数据稿 one may ask for', () => {
  const regions = [{ value: 'H01', label: '东宝区' }, { value: 'H05', label: '荆门高新区·掇刀区' }];
  const required = [{ code: 'H05', name: '荆门高新区·掇刀区', kind: 'region' as const }, { code: 'H01-0003', name: '荆门石化', kind: 'unit' as const }];

  it('a unit cadre: its own union only', () => {
    expect(draftOrgOptions({ role: 'unit', orgCode: 'H05-0002', orgName: '某公司工会' }, regions, [], required)).toEqual([{ value: 'H05-0002', label: '某公司工会' }]);
  });

  it('a county union: itself, then its units', () => {
    const units = [{ value: 'H05-0001', label: '甲工会' }, { value: 'H05-0002', label: '乙工会' }];
    expect(draftOrgOptions({ role: 'region', orgCode: 'H05', orgName: '掇刀区总工会' }, regions, units, required)).toEqual([
      { value: 'H05', label: '掇刀区总工会' }, ...units,
    ]);
  });

  it('the city\'s people: the regions and the campaign\'s required units', () => {
    for (const role of ['city', 'admin', 'viewer'])
      expect(draftOrgOptions({ role, orgCode: 'H', orgName: '荆门市总工会' }, regions, [], required)).toEqual([...regions, { value: 'H01-0003', label: '荆门石化' }]);
  });
});
