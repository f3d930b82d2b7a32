import { describe, expect, it } from 'vitest';
import type { TransferView } from '../../api/transfers';
import { chosenPlaceText, decidedText, decisionLead, placeText, requestedText, transferStatusTag, waitingText } from './transferText';

const place = (regionCode: string, regionName: string, unitId: string | null = null, unitName: string | null = null) => ({ regionCode, regionName, unitId, unitName });
const view = (p: Partial<TransferView> = {}): TransferView => ({
  id: 1, householdId: 7, workerNo: 'H0100012', name: '张三',
  from: place('H01', '东宝区', 'H01-0001', '东宝化工厂工会'), to: place('H05', '掇刀区'),
  side: 'from', reason: '随配偶迁居掇刀区', status: 'pending',
  requestedBy: '李四', requestedOrg: '东宝化工厂工会', requestedAt: '2026-12-07T02:00:00.000Z',
  decidedBy: null, decidedAt: null, opinion: null, oldWorkerNo: 'H0100012', newWorkerNo: null, canOpen: true, canDecide: false, canCancel: true,
  ...p,
});

describe('transfer text', () => {
  it('names a side: the region, and its unit when the file is a grassroots union\'s', () => {
    expect(placeText(place('H01', '东宝区'))).toBe('东宝区');
    expect(placeText(place('H01', '东宝区', 'H01-0001', '东宝化工厂工会'))).toBe('东宝区·东宝化工厂工会');
    expect(chosenPlaceText('掇刀区')).toBe('掇刀区');
    expect(chosenPlaceText('掇刀区', '掇刀机械厂工会')).toBe('掇刀区·掇刀机械厂工会');
  });

  it('tags each status', () => {
    expect(transferStatusTag('pending')).toEqual({ text: '待对方同意', color: 'orange' });
    expect(transferStatusTag('agreed')).toEqual({ text: '已转移', color: 'green' });
    expect(transferStatusTag('refused')).toEqual({ text: '已拒绝', color: 'red' });
    expect(transferStatusTag('cancelled')).toEqual({ text: '已撤回', color: 'default' });
  });

  it('says what a request did: moved at once (with the new number when renumbered), or waiting for the other side', () => {
    expect(requestedText({ id: 1, status: 'agreed', workerNo: 'H0500003' }, 'H0100012', '掇刀区')).toBe('档案已转移至掇刀区，新职工编号 H0500003');
    expect(requestedText({ id: 1, status: 'agreed', workerNo: 'H0100012' }, 'H0100012', '东宝区·东宝化工厂工会')).toBe('档案已转移至东宝区·东宝化工厂工会，职工编号不变');
    expect(requestedText({ id: 1, status: 'pending', workerNo: 'H0100012' }, 'H0100012', '掇刀区')).toBe('已提交转移申请，等待转入方同意');
    expect(requestedText({ id: 1, status: 'pending', workerNo: 'H0100012' }, 'H0100012', '掇刀区', 'to')).toBe('已提交转入申请，等待转出方同意');
  });

  it('says who must agree and what a decision leads to', () => {
    expect(waitingText(view())).toBe('等待转入方（掇刀区）同意');
    expect(waitingText(view({ side: 'to' }))).toBe('等待转出方（东宝区·东宝化工厂工会）同意');
    expect(decisionLead(view(), 'agree')).toContain('同意后档案即转至掇刀区，由掇刀区重新编号（原编号 H0100012 仍可查到该档案）');
    expect(decisionLead(view({ to: place('H01', '东宝区') }), 'agree')).not.toContain('重新编号');
    expect(decisionLead(view(), 'refuse')).toBe('拒绝后档案留在原处，申请方可以看到拒绝理由。');
    expect(decidedText(view({ status: 'agreed', newWorkerNo: 'H0500003' }))).toBe('已同意，档案已转移至掇刀区，新职工编号 H0500003');
    expect(decidedText(view({ status: 'refused' }))).toBe('已拒绝档案 H0100012 的转移申请');
    expect(decidedText(view({ status: 'cancelled' }))).toBe('已撤回档案 H0100012 的转移申请');
  });
});
