// What the 档案转移 pages say: a side of a transfer, its status tag, where the file is now, the
// message after a request, and the dialogs' words. Pure, so the tests read them.
import { TRANSFER_STATUS_LABELS, type TransferStatus } from '@bangfu/core';
import type { TransferCreated, TransferPlace, TransferView } from '../../api/transfers';

/** 东宝区 (the county union's own files) or 东宝区·XX公司工会. */
export const placeText = (p: Pick<TransferPlace, 'regionName' | 'unitName'>): string => (p.unitName ? `${p.regionName}·${p.unitName}` : p.regionName);

/** A destination chosen in the dialog: the region and, when chosen, the unit. */
export const chosenPlaceText = (regionName: string, unitName?: string | null): string => (unitName ? `${regionName}·${unitName}` : regionName);

export const TRANSFER_STATUS_COLORS: Record<TransferStatus, string> = { pending: 'orange', agreed: 'green', refused: 'red', cancelled: 'default' };

export function transferStatusTag(status: TransferStatus): { text: string; color: string } {
  return { text: TRANSFER_STATUS_LABELS[status] ?? status, color: TRANSFER_STATUS_COLORS[status] ?? 'default' };
}

/** The message after a request: moved at once (with the new number when the region changed), or waiting for the other side. */
export function requestedText(r: TransferCreated, oldWorkerNo: string, destination: string, side: 'from' | 'to' = 'from'): string {
  if (r.status === 'agreed') return r.workerNo !== oldWorkerNo ? `档案已转移至${destination}，新职工编号 ${r.workerNo}` : `档案已转移至${destination}，职工编号不变`;
  return side === 'to' ? '已提交转入申请，等待转出方同意' : '已提交转移申请，等待转入方同意';
}

/** The message after a decision or a withdrawal. */
export function decidedText(t: Pick<TransferView, 'status' | 'to' | 'newWorkerNo' | 'workerNo'>): string {
  switch (t.status) {
    case 'agreed':
      return `已同意，档案已转移至${placeText(t.to)}${t.newWorkerNo ? `，新职工编号 ${t.newWorkerNo}` : ''}`;
    case 'refused':
      return `已拒绝档案 ${t.workerNo} 的转移申请`;
    case 'cancelled':
      return `已撤回档案 ${t.workerNo} 的转移申请`;
    default:
      return '转移申请已提交';
  }
}

/** Who decides a pending transfer, in a sentence (the side that did not ask). */
export function waitingText(t: Pick<TransferView, 'side' | 'from' | 'to'>): string {
  return t.side === 'to' ? `等待转出方（${placeText(t.from)}）同意` : `等待转入方（${placeText(t.to)}）同意`;
}

/** The dialog's lead for agreeing or refusing, from the decider's side. */
export function decisionLead(t: Pick<TransferView, 'side' | 'from' | 'to' | 'oldWorkerNo'>, decision: 'agree' | 'refuse'): string {
  if (decision === 'refuse') return '拒绝后档案留在原处，申请方可以看到拒绝理由。';
  const renumbered = t.from.regionCode !== t.to.regionCode;
  return `同意后档案即转至${placeText(t.to)}${renumbered ? `，由${t.to.regionName}重新编号（原编号 ${t.oldWorkerNo} 仍可查到该档案）` : ''}；原帮扶责任人不再负责该户，请转入方重新确定帮扶责任人。`;
}
