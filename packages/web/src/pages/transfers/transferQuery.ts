// The 档案转移 page's state lives in the URL with the server's own filter names, so that the 待办's
// link (/transfers?box=incoming) opens the right tab and Back, reload and a copied link show the
// same tab, status and page. No box: 待我方同意 for the cadres who decide, 全部 for those who read.
import { TRANSFER_BOXES, TRANSFER_STATUSES, type TransferBox, type TransferStatus } from '@bangfu/core';
import type { TransferListQuery } from '../../api/transfers';
import { readPaging, writePaging, type Paging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export const TRANSFER_BOX_LABELS: Record<TransferBox, string> = { incoming: '待我方同意', outgoing: '我方申请', all: '全部' };

export const TRANSFER_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_TRANSFER_PAGE_SIZE = 20;

export interface TransferPageState extends Paging {
  /** absent: the page's default (待我方同意 for the cadres who decide) */
  box?: TransferBox;
  status?: TransferStatus;
}

export function readTransferState(params: URLSearchParams): TransferPageState {
  const box = params.get('box');
  const status = params.get('status');
  return {
    box: (TRANSFER_BOXES as readonly string[]).includes(box ?? '') ? (box as TransferBox) : undefined,
    status: (TRANSFER_STATUSES as readonly string[]).includes(status ?? '') ? (status as TransferStatus) : undefined,
    ...readPaging(params, TRANSFER_PAGE_SIZES, DEFAULT_TRANSFER_PAGE_SIZE),
  };
}

export function writeTransferState(s: TransferPageState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.box) p.set('box', s.box);
  if (s.status) p.set('status', s.status);
  return writePaging(p, s, DEFAULT_TRANSFER_PAGE_SIZE);
}

export const TRANSFER_CODEC: ListCodec<TransferPageState> = { read: readTransferState, write: writeTransferState, pageSizes: TRANSFER_PAGE_SIZES };

/**
 * The tabs a user sees: the cadres who ask and decide have their side's boxes; the steering group
 * and the admin read every transfer (every side is theirs to read, none theirs to agree to).
 */
export const transferBoxesOf = (handles: boolean): readonly TransferBox[] => (handles ? TRANSFER_BOXES : ['all']);

/** The tab shown: the URL's when the user has it, else the first the user has. */
export function shownBox(s: Pick<TransferPageState, 'box'>, handles: boolean): TransferBox {
  const boxes = transferBoxesOf(handles);
  return s.box && boxes.includes(s.box) ? s.box : boxes[0];
}

/** What the server is asked for. 待我方同意 holds pending requests only: no status filter there. */
export function transferListQuery(s: TransferPageState, handles: boolean): TransferListQuery {
  const box = shownBox(s, handles);
  return { box, status: box === 'incoming' ? undefined : s.status, page: s.page, pageSize: s.pageSize };
}
