// 确认剔除 / 不予剔除 of one or many proposals: the files by name, an optional note, and the error
// when the decision could not be sent.
import { Form, Input } from 'antd';
import type { FormInstance } from 'antd';
import type { Decision, RemovalProposal } from '../../../api/proposals';
import { BatchModal, rowName } from '../../../components/list/BatchModal';

const NOTE_MAX = 500;
export const DECISION_TEXT: Record<Decision, string> = { confirm: '确认剔除', reject: '不予剔除' };

interface Props {
  pending: { decision: Decision; rows: RemovalProposal[] } | null;
  form: FormInstance<{ note?: string }>;
  submitting: boolean;
  submitError: string | null;
  regionName: (code: string) => string;
  onOk: () => void;
  onCancel: () => void;
}

export function DecisionModal({ pending, form, submitting, submitError, regionName, onOk, onCancel }: Props) {
  const confirm = pending?.decision === 'confirm';
  const n = pending?.rows.length ?? 0;
  return (
    <BatchModal
      open={!!pending}
      title={pending ? `${DECISION_TEXT[pending.decision]}（${n} 户）` : ''}
      okText={pending ? DECISION_TEXT[pending.decision] : '确定'}
      okId="proposal-modal-ok"
      danger={confirm}
      submitting={submitting}
      submitError={submitError}
      errorTitle="处理失败"
      testId="proposal-modal-summary"
      width={560}
      intro={confirm ? `以下 ${n} 户将从困难职工数据库中剔除，剔除原因为识别说明；档案与版本历史仍会保留。` : `以下 ${n} 户将保留在册，剔除建议标记为「不予剔除」。`}
      names={pending?.rows.map((r) => rowName(r, regionName)) ?? []}
      onOk={onOk}
      onCancel={onCancel}
    >
      <Form form={form} name="proposal" layout="vertical" preserve={false} style={{ marginTop: 12 }}>
        <Form.Item name="note" label="说明（可不填）" htmlFor="proposal-note" rules={[{ max: NOTE_MAX, message: `说明不能超过${NOTE_MAX}个字` }]} style={{ marginBottom: 0 }}>
          <Input.TextArea
            id="proposal-note"
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={NOTE_MAX}
            showCount
            placeholder={confirm ? '例如：经入户核实，家庭收入已明显改善' : '例如：经核实该户仍有实际困难，暂不剔除'}
          />
        </Form.Item>
      </Form>
    </BatchModal>
  );
}
