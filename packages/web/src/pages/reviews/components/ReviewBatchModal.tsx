// 批量同意 / 批量退回: the files with what identification found for each (识别结果, 建议类别, 数据提示),
// one opinion signed into each (with the common opinions to pick from), and the error when the
// batch could not be sent. Agreeing to files that are 不符合 or 无法判定 is said out loud: the
// reviewer takes them out or confirms that each was checked.
import { Alert, Button, Checkbox, Form, Input, Table, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { HouseholdListItem, ReviewDecision } from '../../../api/households';
import type { ReviewQueue } from '../../../lib/access';
import { QUICK_OPINIONS } from '../../../lib/opinions';
import { reviewRisk, riskText } from '../../../lib/reviewRisk';
import { BatchModal, rowName } from '../../../components/list/BatchModal';
import { SuggestedCategory } from '../../../components/HouseholdColumns';
import { EligibleBadge, WarningCountTag } from '../../../components/Tags';

const OPINION_MAX = 1000;
export const DECISION_TEXT: Record<ReviewDecision, string> = { agree: '同意', return: '退回' };

export interface ReviewBatchValues {
  opinion: string;
  /** 我已逐户核实: asked only when the batch agrees to 不符合 / 无法判定 files */
  acknowledged?: boolean;
}

interface Props {
  queue: ReviewQueue;
  pending: { decision: ReviewDecision; rows: HouseholdListItem[] } | null;
  form: FormInstance<ReviewBatchValues>;
  submitting: boolean;
  submitError: string | null;
  regionName: (code: string) => string;
  onOk: () => void;
  onCancel: () => void;
  /** takes the named rows out of the batch */
  onDrop: (rows: HouseholdListItem[]) => void;
}

export function levelName(queue: ReviewQueue): string {
  return queue.level === 'unit' ? '单位工会' : '市总工会';
}

function introOf(queue: ReviewQueue, decision: ReviewDecision, n: number): string {
  if (decision === 'return') return `以下 ${n} 户将退回填报单位修改，退回意见将告知填报人：`;
  return queue.level === 'unit' ? `以下 ${n} 户将签署单位工会“同意”意见，报市总工会审核：` : `以下 ${n} 户将签署市总工会“同意”意见并建档：`;
}

export function ReviewBatchModal({ queue, pending, form, submitting, submitError, regionName, onOk, onCancel, onDrop }: Props) {
  const decision = pending?.decision ?? 'agree';
  const rows = pending?.rows ?? [];
  const risk = reviewRisk(rows);
  const askRisk = decision === 'agree' && risk.all.length > 0;
  return (
    <BatchModal
      open={!!pending}
      title={pending ? `批量${DECISION_TEXT[decision]}（${rows.length} 户）· ${levelName(queue)}意见` : ''}
      okText={pending ? DECISION_TEXT[decision] : '确定'}
      okId="review-batch-ok"
      danger={pending?.decision === 'return'}
      submitting={submitting}
      submitError={submitError}
      errorTitle="审核失败"
      testId="review-batch-summary"
      width={720}
      intro={introOf(queue, decision, rows.length)}
      onOk={onOk}
      onCancel={onCancel}
    >
      <Table<HouseholdListItem>
        className="review-batch-rows"
        data-testid="review-batch-rows"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ y: 220, x: 'max-content' }}
        dataSource={rows}
        rowClassName={(r) => (r.eligible === true ? '' : 'review-risk-row')}
        columns={[
          { title: '档案', key: 'name', render: (_: unknown, r) => <span className="review-batch-name">{rowName(r, regionName)}</span> },
          { title: '识别结果', dataIndex: 'eligible', key: 'eligible', render: (v: boolean | null) => <EligibleBadge value={v} /> },
          { title: '建议类别', dataIndex: 'suggestedCategory', key: 'suggestedCategory', render: (v: string | null, r) => <SuggestedCategory value={v} eligible={r.eligible} /> },
          { title: '数据提示', dataIndex: 'warningCount', key: 'warningCount', align: 'center', render: (n: number) => <WarningCountTag value={n} /> },
        ]}
      />
      {askRisk && (
        <Alert
          type="warning"
          showIcon
          data-testid="review-batch-risk"
          style={{ marginTop: 12 }}
          message={`其中 ${riskText(risk)}`}
          description={
            <>
              <div>
                {queue.level === 'city'
                  ? '同意后这些档案将建档；不符合的档案随即列入剔除建议。请逐户核实后再同意，或先将其移出本批。'
                  : '同意后这些档案将报市总工会审核。请逐户核实后再同意，或先将其移出本批。'}
              </div>
              <Button size="small" id="review-batch-drop" style={{ marginTop: 8 }} onClick={() => onDrop(risk.all)}>
                移出这 {risk.all.length} 户
              </Button>
            </>
          }
        />
      )}
      <Form form={form} name="reviewBatch" layout="vertical" preserve={false} style={{ marginTop: 12 }}>
        {askRisk && (
          <Form.Item
            name="acknowledged"
            valuePropName="checked"
            style={{ marginBottom: 8 }}
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请逐户核实识别结果后勾选，或将这些档案移出本批'))) }]}
          >
            <Checkbox id="review-batch-ack">我已逐户核实，仍同意这 {risk.all.length} 户</Checkbox>
          </Form.Item>
        )}
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
