// 批量同意 / 批量退回: the files by name, one opinion signed into each (with the common opinions to
// pick from), and the error when the batch could not be sent.
import { Alert, Form, Input, Modal, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { HouseholdListItem, ReviewDecision } from '../../../api/households';
import type { ReviewQueue } from '../../../lib/access';
import { QUICK_OPINIONS } from '../../../lib/opinions';
import { BatchNames } from '../../../components/list/BatchOutcome';

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

export function ReviewBatchModal({ queue, pending, form, submitting, submitError, regionName, onOk, onCancel }: Props) {
  const quick = pending ? QUICK_OPINIONS[queue.level][pending.decision] : [];
  return (
    <Modal
      title={pending ? `批量${DECISION_TEXT[pending.decision]}（${pending.rows.length} 户）· ${levelName(queue)}意见` : ''}
      open={!!pending}
      okText={pending ? DECISION_TEXT[pending.decision] : '确定'}
      cancelText="取消"
      okButtonProps={{ id: 'review-batch-ok', danger: pending?.decision === 'return', loading: submitting }}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      width={600}
    >
      {pending && (
        <div data-testid="review-batch-summary">
          <p>
            {pending.decision === 'agree'
              ? queue.level === 'unit'
                ? `以下 ${pending.rows.length} 户将签署单位工会“同意”意见，报市总工会审核：`
                : `以下 ${pending.rows.length} 户将签署市总工会“同意”意见并建档：`
              : `以下 ${pending.rows.length} 户将退回填报单位修改，退回意见将告知填报人：`}
          </p>
          <BatchNames names={pending.rows.map((r) => `${r.workerNo} ${r.name}（${r.regionName || regionName(r.regionCode)}）`)} />
          <Form form={form} name="reviewBatch" layout="vertical" preserve={false} style={{ marginTop: 12 }}>
            <Form.Item
              name="opinion"
              label="审核意见（同一意见签署到每一户）"
              htmlFor="review-batch-opinion"
              rules={[{ required: true, whitespace: true, message: pending.decision === 'return' ? '请填写退回原因' : '请填写审核意见' }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                id="review-batch-opinion"
                autoSize={{ minRows: 3, maxRows: 6 }}
                maxLength={OPINION_MAX}
                showCount
                placeholder={pending.decision === 'agree' ? '例如：经入户核实，情况属实，同意上报。' : '写明需要修改或补充的内容'}
              />
            </Form.Item>
          </Form>
          <div className="quick-opinions">
            <Typography.Text type="secondary">常用意见：</Typography.Text>
            {quick.map((t) => (
              <Tag key={t} className="quick-opinion" onClick={() => form.setFieldsValue({ opinion: t })}>
                {t}
              </Tag>
            ))}
          </div>
          {submitError && <Alert type="error" showIcon message="审核失败" description={submitError} style={{ marginTop: 12 }} role="alert" />}
        </div>
      )}
    </Modal>
  );
}
