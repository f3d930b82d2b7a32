// One transfer as a block of lines (the file's 转移记录, and 档案转移 on a phone): from → to, its
// status and how it was asked, why, who asked and decided and when, the opinion, the numbers, and
// its buttons. `household`: the file's number and name above it (the list, not the file's page).
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { TRANSFER_SIDE_LABELS } from '@bangfu/core';
import type { TransferView } from '../../../api/transfers';
import { dateTimeText } from '../../../lib/format';
import { TransferStatusTag } from '../transferColumns';
import { placeText } from '../transferText';
import '../transfers.css';

export function TransferItem({ t, actions, household }: { t: TransferView; actions: ReactNode; household?: ReactNode }) {
  return (
    <li className="transfer-item" data-testid="transfer-item" data-id={t.id} data-status={t.status}>
      {household && <div className="transfer-item-household">{household}</div>}
      <div className="transfer-item-head">
        <span className="transfer-item-route" data-testid="transfer-route">
          {placeText(t.from)} → {placeText(t.to)}
        </span>
        <TransferStatusTag status={t.status} />
        <Tag style={{ marginInlineEnd: 0, fontWeight: 'normal' }}>{TRANSFER_SIDE_LABELS[t.side]}</Tag>
      </div>
      <dl className="transfer-item-lines">
        <dt>转移原因</dt>
        <dd data-testid="transfer-reason">{t.reason}</dd>
        <dt>申请</dt>
        <dd>
          {t.requestedBy}（{t.requestedOrg}）<span className="num">{dateTimeText(t.requestedAt)}</span>
        </dd>
        {t.decidedAt && (
          <>
            <dt>{t.status === 'cancelled' ? '撤回' : '办理'}</dt>
            <dd>
              {t.decidedBy ?? '—'} <span className="num">{dateTimeText(t.decidedAt)}</span>
            </dd>
          </>
        )}
        {t.opinion && (
          <>
            <dt>意见</dt>
            <dd data-testid="transfer-opinion">{t.opinion}</dd>
          </>
        )}
        {t.newWorkerNo && (
          <>
            <dt>职工编号</dt>
            <dd className="num" data-testid="transfer-numbers">
              {t.oldWorkerNo} → {t.newWorkerNo}
            </dd>
          </>
        )}
      </dl>
      {actions && <div className="transfer-item-actions">{actions}</div>}
    </li>
  );
}
