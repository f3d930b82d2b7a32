// The file's 转移记录 card, below its 帮扶 sections: the worker numbers it had before a move to
// another region (they still find it), and each transfer — from → to, where it stands, why, the
// other side's opinion, who asked and decided and when — with 同意 / 拒绝 / 撤回 where allowed.
// Shown once the file has a transfer or a former number.
import { useNavigate } from 'react-router';
import { Alert, App, Card, Grid, Tag, Typography } from 'antd';
import type { HouseholdFile } from '../../api/households';
import { useHouseholdTransfers } from '../../api/queries/transfers';
import { LoadError } from '../../components/list/ListParts';
import { dateText } from '../../lib/format';
import { useTransferHandling } from './components/TransferButtons';
import { TransferItem } from './components/TransferItem';
import { placeText, waitingText } from './transferText';
import './transfers.css';

interface Props {
  file: Pick<HouseholdFile, 'id' | 'workerNo'>;
  regionName: (code: string) => string;
}

export default function HouseholdTransfers({ file, regionName }: Props) {
  const q = useHouseholdTransfers(file.id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const handling = useTransferHandling((t, gone) => {
    // agreed by the side the file left: its page is no longer this user's to open
    if (gone) {
      message.info(`档案已转出，现由${placeText(t.to)}管理`);
      navigate('/transfers', { replace: true });
    }
  });
  const d = q.data;
  if (!d?.items.length && !d?.formerWorkerNos.length) return q.error ? <LoadError error={q.error} title="转移记录加载失败" onRetry={() => void q.refetch()} style={{ marginTop: 12 }} /> : null;
  const pending = d.items.find((t) => t.status === 'pending');

  return (
    <Card className="assist-card no-print" variant="borderless" id="household-transfers" style={{ marginTop: 12 }} title="转移记录">
      {pending && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="transfer-pending" message={`转移申请待办理：${waitingText(pending)}`} />
      )}
      {d.formerWorkerNos.length > 0 && (
        <div className="transfer-former" data-testid="former-worker-nos">
          <Typography.Text type="secondary">原职工编号：</Typography.Text>
          {d.formerWorkerNos.map((f) => (
            <Tag key={f.workerNo} data-testid="former-worker-no" data-worker-no={f.workerNo} style={{ marginInlineEnd: 0 }}>
              <span className="num">{f.workerNo}</span>（{regionName(f.regionCode)}，用至 {dateText(f.until)}）
            </Tag>
          ))}
        </div>
      )}
      <ul className="transfer-items">
        {d.items.map((t) => (
          <TransferItem key={t.id} t={t} actions={handling.buttons(t, { size: phone ? 'large' : 'middle' })} />
        ))}
      </ul>
      {handling.modal}
    </Card>
  );
}
