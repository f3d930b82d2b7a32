import { describe, expect, it } from 'vitest';
import type { BulletinRead, BulletinRow } from '../../api/bulletins';
import {
  attachmentTitle, BULLETIN_ISSUER_TEXT, chinaTimeText, defaultBulletinTitle, editBody, editProblems, editValuesOf, isDirty, issueDateText, isUnread, numberText, pctText,
  readSummary, reportsText, SUBMISSION_TEXT,
} from './bulletinText';

const row = (orgCode: string, extra: Partial<BulletinRow> = {}): BulletinRow => ({
  rank: 1, orgCode, orgName: `组织${orgCode}`, kind: orgCode.length > 3 ? 'unit' : 'region', total: 2, filed: 2, filedRate: 1, coverage: null,
  submission: 'notDue', reportsOwed: 0, reportsSent: 0, reportsAccepted: 0, assistedShare: null, ...extra,
});
const read = (orgCode: string, firstReadAt: string, readers = 1): BulletinRead => ({ orgCode, orgName: `组织${orgCode}`, readers, firstReadAt });

describe('the document\'s parts', () => {
  it('names the issuing body as the documents do', () => {
    expect(BULLETIN_ISSUER_TEXT).toBe('荆门市总工会“三万”活动工作领导小组办公室');
  });

  it('numbers a published bulletin; a draft gets its number when published', () => {
    expect(numberText({ number: '荆工帮通〔2026〕3号' })).toBe('荆工帮通〔2026〕3号');
    expect(numberText({ number: null })).toBe('（发布时编号）');
  });

  it('writes the 附件 cells as the PDF does', () => {
    expect(SUBMISSION_TEXT).toEqual({ onTime: '按时', late: '逾期', missing: '未上报', notDue: '—' });
    expect(pctText(1)).toBe('100.0%');
    expect(pctText(0.8761)).toBe('87.6%');
    expect(pctText(0)).toBe('0.0%');
    expect(pctText(null)).toBe('—');
    expect(reportsText({ reportsSent: 1, reportsOwed: 2 })).toBe('1/2');
    expect(reportsText({ reportsSent: 0, reportsOwed: 0 })).toBe('—');
  });

  it('dates the bulletin on China\'s calendar: the day of publication, else of the last change', () => {
    // 2026-04-30 20:00 UTC is already 1 May in China
    expect(issueDateText({ publishedAt: '2026-04-30T20:00:00.000Z', updatedAt: '2026-04-29T01:00:00.000Z' })).toBe('2026年5月1日');
    expect(issueDateText({ publishedAt: null, updatedAt: '2026-04-29T01:00:00.000Z' })).toBe('2026年4月29日');
    expect(chinaTimeText('2026-04-30T20:05:00.000Z')).toBe('2026-05-01 04:05');
    expect(chinaTimeText(null)).toBe('');
  });

  it('words the default title and the table\'s title as the server does', () => {
    expect(defaultBulletinTitle('2026年建档立卡专项行动')).toBe('关于2026年建档立卡专项行动工作进展情况的通报');
    expect(attachmentTitle('2026-05-01')).toBe('各地各单位工作进展情况（截至2026年5月1日；排名按建档率，县（市、区）与大中型企事业单位分列）');
  });
});

describe('who has read it', () => {
  it('未读 is a published bulletin the reader has not opened; never for the issuers, never a draft', () => {
    expect(isUnread({ status: 'published', readByMe: false }, false)).toBe(true);
    expect(isUnread({ status: 'published', readByMe: true }, false)).toBe(false);
    expect(isUnread({ status: 'published', readByMe: false }, true)).toBe(false);
    expect(isUnread({ status: 'draft', readByMe: false }, false)).toBe(false);
  });

  it('lists the readers first come first, and the table\'s organizations not among them', () => {
    const s = readSummary([row('H05'), row('H08'), row('H01-0002')], [read('H08', '2026-05-02T01:00:00Z', 2), read('H05', '2026-05-01T01:00:00Z'), read('H05-0001', '2026-05-03T01:00:00Z')]);
    expect(s.read.map((r) => r.orgCode)).toEqual(['H05', 'H08', 'H05-0001']);
    expect(s.unread).toEqual([{ orgCode: 'H01-0002', orgName: '组织H01-0002', kind: 'unit' }]);
    // a unit outside the table that read it does not count for the table
    expect(s.readOfRows).toBe(2);
  });

  it('nobody has read a fresh one', () => {
    const s = readSummary([row('H05'), row('H08')], []);
    expect(s.read).toEqual([]);
    expect(s.unread.map((r) => r.orgCode)).toEqual(['H05', 'H08']);
    expect(s.readOfRows).toBe(0);
  });
});

describe('editing a draft', () => {
  const saved = editValuesOf({ title: '关于进展的通报', recipients: '各县（市、区）总工会：', paragraphs: ['一、总体进展', '全市已建档100户。'] });

  it('is dirty once a field, a paragraph or their order differs', () => {
    expect(isDirty(saved, undefined)).toBe(false);
    expect(isDirty(saved, { ...saved, paragraphs: [...saved.paragraphs] })).toBe(false);
    expect(isDirty(saved, { ...saved, title: '关于进展的通报（修改）' })).toBe(true);
    expect(isDirty(saved, { ...saved, paragraphs: [...saved.paragraphs, '特此通报。'] })).toBe(true);
    expect(isDirty(saved, { ...saved, paragraphs: [saved.paragraphs[1], saved.paragraphs[0]] })).toBe(true);
    expect(isDirty(saved, { ...saved, paragraphs: [saved.paragraphs[0]] })).toBe(true);
  });

  it('does not share the saved paragraphs with the form', () => {
    const b = { title: 't', recipients: 'r', paragraphs: ['a'] };
    editValuesOf(b).paragraphs.push('b');
    expect(b.paragraphs).toEqual(['a']);
  });

  it('sends the text with the version it was based on; a new, untouched paragraph is empty text', () => {
    expect(editBody({ title: 't', recipients: 'r', paragraphs: ['a', undefined as unknown as string] }, 3)).toEqual({ title: 't', recipients: 'r', paragraphs: ['a', ''], version: 3 });
  });

  it('checks the text with core\'s schema, the errors beside their fields', () => {
    expect(editProblems(saved, 1)).toEqual([]);
    expect(editProblems({ ...saved, title: '  ' }, 1)).toEqual([{ name: ['title'], errors: ['请填写标题'] }]);
    expect(editProblems({ ...saved, title: '长'.repeat(61) }, 1)).toEqual([{ name: ['title'], errors: ['标题不能超过60个字'] }]);
    expect(editProblems({ ...saved, recipients: '' }, 1)).toEqual([{ name: ['recipients'], errors: ['请填写主送机关'] }]);
    expect(editProblems({ ...saved, paragraphs: ['一、总体进展', '字'.repeat(2001)] }, 1)).toEqual([{ name: ['paragraphs', 1], errors: ['每段不能超过2000个字'] }]);
    expect(editProblems({ ...saved, paragraphs: ['', ' '] }, 1)).toEqual([{ name: ['paragraphs'], errors: ['正文不能为空'] }]);
    expect(editProblems({ ...saved, paragraphs: Array.from({ length: 41 }, (_, i) => `第${i}段`) }, 1)).toEqual([{ name: ['paragraphs'], errors: ['正文最多40段'] }]);
  });
});
