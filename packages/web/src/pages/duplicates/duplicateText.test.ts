import { describe, expect, it } from 'vitest';
import type { DuplicatePair, DuplicateSide } from '../../api/duplicates';
import { decidedText, lastScanText, mergedText, mergeLead, sharedFields, sidePlaceText, unresolvableText } from './duplicateText';

const side = (p: Partial<DuplicateSide> = {}): DuplicateSide => ({
  householdId: 7, workerNo: 'H0100012', name: '张三', regionCode: 'H01', regionName: '东宝区', unitName: null, status: 'filed',
  idNumber: '420802198001010011', phone: '13907240001', address: '东宝区象山一路 12 号', householdSize: 3, fillDate: '2026-03-01', updatedAt: '2026-03-01T00:00:00.000Z', canOpen: true,
  ...p,
});
const pair = (p: Partial<DuplicatePair> = {}): DuplicatePair => ({
  id: 1, a: side(), b: side({ householdId: 8, workerNo: 'H0100013', name: '张四' }), reason: 'phone', reasonLabel: '联系电话相同', detail: '联系电话 13907240001',
  status: 'open', foundAt: '2026-12-07T02:00:00.000Z', decidedBy: null, decidedAt: null, note: null, keptHouseholdId: null, canResolve: true,
  ...p,
});

describe('duplicate text', () => {
  it('names a file\'s place: the region, and its unit for a grassroots union\'s file', () => {
    expect(sidePlaceText(side())).toBe('东宝区');
    expect(sidePlaceText(side({ unitName: '东宝化工厂工会' }))).toBe('东宝区·东宝化工厂工会');
  });

  it('says when the last scan ran and how it stands, or that none ran', () => {
    expect(lastScanText(null)).toBe('上次查找：尚未查找');
    expect(lastScanText({ at: '2026-12-07T13:05:00', status: 'done' })).toBe('上次查找：2026-12-07 13:05（已完成）');
    expect(lastScanText({ at: '2026-12-07T13:05:00', status: 'running' })).toBe('上次查找：2026-12-07 13:05（正在查找）');
    expect(lastScanText({ at: '2026-12-07T13:05:00', status: 'failed' })).toBe('上次查找：2026-12-07 13:05（失败）');
  });

  it('marks the fields a rule compared', () => {
    expect(sharedFields('phone')).toEqual(['phone']);
    expect(sharedFields('address')).toEqual(['address', 'name']);
    expect(sharedFields('nameBirth')).toEqual(['name', 'idNumber']);
    expect(sharedFields('idNumber')).toEqual([]);
  });

  it('says who resolves a pair the user may not: the city union across counties, the county union across units', () => {
    expect(unresolvableText(pair({ b: side({ regionCode: 'H05', regionName: '掇刀区' }) }))).toBe('跨地区，由市总工会处理');
    expect(unresolvableText(pair({ b: side({ unitName: '东宝化工厂工会' }) }))).toBe('跨单位，由县区工会或市总工会处理');
  });

  it('says who decided a pair and when', () => {
    expect(decidedText(pair())).toBe('待处理');
    expect(decidedText(pair({ status: 'dismissed', decidedBy: '李四', decidedAt: '2026-12-07T13:05:00' }))).toBe('不是重复（李四 2026-12-07 13:05）');
    expect(decidedText(pair({ status: 'merged', decidedBy: null, decidedAt: null }))).toBe('已合并');
    expect(decidedText(pair({ status: 'cleared' }))).toBe('档案修改或剔除后不再相同，已自动关闭');
  });

  it('explains the merge with the file kept and the one removed', () => {
    expect(mergeLead(side(), side({ workerNo: 'H0100013', name: '张四' }))).toBe(
      '保留 H0100012 张三 的档案；H0100013 张四 的档案将改为“已剔除”（重复建档，已并入 H0100012），其帮扶记录、脱困回访、帮扶计划、定点联系、帮扶责任人全部转到保留的档案上。',
    );
  });

  it('reports a merge: the records moved always, the rest when any moved', () => {
    const kept = { householdId: 7, workerNo: 'H0100012' };
    const removed = { householdId: 8, workerNo: 'H0100013' };
    expect(mergedText({ kept, removed, moved: { assistance: 0, followUps: 0, plan: 0, links: 0, responsibility: 0 } })).toBe('已合并：H0100013 并入 H0100012，转移帮扶记录 0 条');
    expect(mergedText({ kept, removed, moved: { assistance: 3, followUps: 1, plan: 2, links: 1, responsibility: 2 } })).toBe(
      '已合并：H0100013 并入 H0100012，转移帮扶记录 3 条、脱困回访 1 次、帮扶计划措施 2 项、定点联系和帮扶责任人 1 项、责任人变更记录 2 条',
    );
  });
});
