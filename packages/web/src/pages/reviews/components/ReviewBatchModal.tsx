// 批量同意 / 批量退回: the files by name, one opinion signed into each (with the common opinions to
// pick from), and the error when the batch could not be sent.
import { Form, Input, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { HouseholdListItem, ReviewDecision } from '../../../api/households';
import type { ReviewQueue } from '../../../lib/access';
import { QUICK_OPINIONS } from '../../../lib/opinions';
import { BatchModal, rowName } from '../../../components/list/BatchModal';

const OPINION_MAX = 1000;
export const DECISION_TEXT: Record<ReviewDecision, string> = { agree: '同意', return: '退回' };

interface Props {
  queue: ReviewQueue;
  pending: { decision: ReviewDecision; rows: HouseholdListItem[] } | null;
  form: FormInstance<{ opinion: string }>;
  submitting: boolean;
  submitError: string | null;
  regionName: (code: string) => string;
  onOk: () => void;
  onCancel: () => void;
}

export function levelName(queue: ReviewQueue): string {
  return queue.level === 'unit' ? '单位工会' : '市总工会';
}

function introOf(queue: ReviewQueue, decision: ReviewDecision, n: number): string {
  if (decision === 'return') return `以下 ${n} 户将退回填报单位修改，退回意见将告知填报人：`;
  return queue.level === 'unit' ? `以下 ${n} 户将签署单位工会“同意”意见，报市总工会审核：` : `以下 ${n} 户将签署市总工会“同意”意见并建档：`;
}

export function ReviewBatchModal({ queue, pending, form, submitting, submitError, regionName, onOk, onCancel }: Props) {
  const decision = pending?.decision ?? 'agree';
  const n = pending?.rows.length ?? 0;
  return (
    <BatchModal
      open={!!pending}
      title={pending ? `批量${DECISION_TEXT[decision]}（${n} 户）· ${levelName(queue)}意见` : ''}
      okText={pending ? DECISION_TEXT[decision] : '确定'}
      okId="review-batch-ok"
      danger={pending?.decision === 'return'}
      submitting={submitting}
      submitError={submitError}
      errorTitle="审核失败"
      testId="review-batch-summary"
      width={600}
      intro={introOf(queue, decision, n)}
      names={pending?.rows.map((r) => rowName(r, regionName)) ?? []}
      onOk={onOk}
      onCancel={onCancel}
    >
      <Form form={form} name="reviewBatch" layout="vertical" preserve={false} style={{ marginTop: 12 }}>
        <Form.Item
          name="opinion"
          label="审核意见（同一意见签署到每一户）"
          htmlFor="review-batch-opinion"
          rules={[{ required: true, whitespace: true, message: decision === 'return' ? '请填写退回原因' : '请填写审核意见' }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            id="review-batch-opinion"
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={OPINION_MAX}
            showCount
            placeholder={decision === 'agree' ? '例如：经入户核实，情况属实，同意上报。' : '写明需要修改或补充的内容'}
          />
        </Form.Item>
      </Form>
      <div className="quick-opinions">
        <Typography.Text type="secondary">常用意见：</Typography.Text>
        {(pending ? QUICK_OPINIONS[queue.level][decision] : []).map((t) => (
          <Tag key={t} className="quick-opinion" onClick={() => form.setFieldsValue({ opinion: t })}>
            {t}
          </Tag>
        ))}
      </div>
    </BatchModal>
  );
}
