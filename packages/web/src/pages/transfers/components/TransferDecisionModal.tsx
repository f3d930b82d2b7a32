// 同意 / 拒绝 a transfer asked by the other side: what is asked (the file, from → to, why), what the
// decision leads to, and the opinion (required when refusing).
import { useEffect } from 'react';
import { Alert, App, Descriptions, Form, Grid, Input } from 'antd';
import { TRANSFER_SIDE_LABELS } from '@bangfu/core';
import { decideTransfer, type TransferDecision, type TransferView } from '../../../api/transfers';
import FieldFormModal from '../../../components/FieldFormModal';
import { dateTimeText } from '../../../lib/format';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { decidedText, decisionLead, placeText } from '../transferText';
import '../../assistance/assistance.css';
import '../transfers.css';

const OPINION_MAX = 200;

export interface DecisionTarget {
  transfer: TransferView;
  decision: TransferDecision;
}

interface Props {
  target: DecisionTarget | null;
  onClose: () => void;
  onDone: (t: TransferView) => void;
}

export function TransferDecisionModal({ target, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ opinion?: string }>();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  const { busy, error: unplaced, setError, submit } = useFormSubmit(form, { fields: ['opinion', 'decision'] });
  const t = target?.transfer;
  const refuse = target?.decision === 'refuse';

  useEffect(() => {
    if (target) setError(null);
  }, [target, setError]);

  async function save() {
    if (!target) return;
    await submit(async (v) => {
      const done = await decideTransfer(target.transfer.id, target.decision, (v.opinion ?? '').trim());
      onClose();
      message.success(decidedText(done));
      onDone(done);
    });
  }

  return (
    <FieldFormModal
      title={t ? `${refuse ? '拒绝转移' : '同意转移'} · ${t.workerNo} ${t.name}` : '办理转移申请'}
      open={target !== null}
      busy={busy}
      phone={phone}
      className="transfer-decision-modal"
      okId="transfer-decision-ok"
      okText={refuse ? '拒绝转移' : '同意转移'}
      onOk={() => void save()}
      onClose={onClose}
    >
      {t && (
        <>
          <Descriptions size="small" column={1} bordered className="transfer-facts" data-testid="transfer-decision-facts">
            <Descriptions.Item label="转出">{placeText(t.from)}</Descriptions.Item>
            <Descriptions.Item label="转入">{placeText(t.to)}</Descriptions.Item>
            <Descriptions.Item label="申请">
              {TRANSFER_SIDE_LABELS[t.side]} · {t.requestedBy}（{t.requestedOrg}）· {dateTimeText(t.requestedAt)}
            </Descriptions.Item>
            <Descriptions.Item label="原因">{t.reason}</Descriptions.Item>
          </Descriptions>
          <p className="transfer-lead" style={{ marginTop: 12 }}>
            {decisionLead(t, refuse ? 'refuse' : 'agree')}
          </p>
        </>
      )}
      <Form form={form} name="transferDecision" layout="vertical" preserve={false} size={phone ? 'large' : 'middle'} requiredMark>
        {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="opinion"
          label={refuse ? '拒绝理由' : '意见（可不填）'}
          rules={
            refuse
              ? [{ required: true, whitespace: true, message: '拒绝转移须填写理由' }, { min: 2, message: '拒绝转移须填写理由（至少2个字）' }, { max: OPINION_MAX, message: `意见不能超过${OPINION_MAX}个字` }]
              : [{ max: OPINION_MAX, message: `意见不能超过${OPINION_MAX}个字` }]
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={OPINION_MAX}
            showCount
            placeholder={refuse ? '例如：经核实该职工未迁居本地区，请核对后重新申请' : '例如：已核实该户已迁居本地区，同意接收'}
          />
        </Form.Item>
      </Form>
    </FieldFormModal>
  );
}
