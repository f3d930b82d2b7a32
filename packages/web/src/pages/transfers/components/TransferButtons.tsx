// 同意 / 拒绝 / 撤回 of one transfer, where the server allows them (canDecide, canCancel), and the
// hook that runs them: the decision dialog, the withdrawal, then every view refreshed.
import { useState, type ReactNode } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { cancelTransfer, type TransferView } from '../../../api/transfers';
import { useTransferChanged } from '../../../api/queries/transfers';
import { errorMessage } from '../../../api/request';
import { decidedText } from '../transferText';
import { TransferDecisionModal, type DecisionTarget } from './TransferDecisionModal';

interface ButtonsProps {
  t: TransferView;
  busy: boolean;
  size?: 'small' | 'middle' | 'large';
  /** link buttons (a table's 操作) or plain ones (a card) */
  link?: boolean;
  onDecide: (target: DecisionTarget) => void;
  onCancel: (t: TransferView) => void;
}

export function TransferButtons({ t, busy, size = 'small', link = false, onDecide, onCancel }: ButtonsProps) {
  if (!t.canDecide && !t.canCancel) return null;
  const type = link ? ('link' as const) : undefined;
  const cls = link ? 'link-button' : undefined;
  return (
    <Space size={link ? 12 : 8} wrap data-testid="transfer-buttons">
      {t.canDecide && (
        <Button type={link ? 'link' : 'primary'} className={cls} size={size} icon={link ? undefined : <CheckOutlined />} data-testid="transfer-agree" onClick={() => onDecide({ transfer: t, decision: 'agree' })}>
          同意
        </Button>
      )}
      {t.canDecide && (
        <Button type={type} className={cls} size={size} danger icon={link ? undefined : <CloseOutlined />} data-testid="transfer-refuse" onClick={() => onDecide({ transfer: t, decision: 'refuse' })}>
          拒绝
        </Button>
      )}
      {t.canCancel && (
        <Popconfirm
          title="撤回转移申请？"
          description="撤回后档案留在原处，可以重新申请。"
          okText="撤回"
          cancelText="取消"
          okButtonProps={{ id: `transfer-cancel-ok-${t.id}`, loading: busy }}
          onConfirm={() => onCancel(t)}
        >
          <Button type={type} className={cls} size={size} icon={link ? undefined : <RollbackOutlined />} loading={busy} data-testid="transfer-cancel">
            撤回
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/**
 * What a list of transfers needs to act on them: `buttons(t)` and the dialog to render once.
 * `onDone` runs after a decision or withdrawal with the transfer as it is now and whether the
 * file left the user's reach (agreed by the side it left).
 */
export function useTransferHandling(onDone?: (t: TransferView, gone: boolean) => void): { buttons: (t: TransferView, opts?: { size?: ButtonsProps['size']; link?: boolean }) => ReactNode; modal: ReactNode } {
  const { message } = App.useApp();
  const changed = useTransferChanged();
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const [cancelling, setCancelling] = useState<number | null>(null);

  function done(t: TransferView) {
    // the server says whether the caller may still open the file where it is now
    const gone = !t.canOpen;
    onDone?.(t, gone);
    changed(t.householdId, { gone });
  }

  async function cancel(t: TransferView) {
    if (cancelling !== null) return;
    setCancelling(t.id);
    try {
      const now = await cancelTransfer(t.id);
      message.success(decidedText(now));
      done(now);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCancelling(null);
    }
  }

  return {
    buttons: (t, opts = {}) => <TransferButtons t={t} busy={cancelling === t.id} size={opts.size} link={opts.link} onDecide={setTarget} onCancel={(x) => void cancel(x)} />,
    modal: <TransferDecisionModal target={target} onClose={() => setTarget(null)} onDone={done} />,
  };
}
