// 接收 / 退回 a submission (the city union): an opinion, required to return.
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import type { Submission, SubmissionDecision } from '../../../api/campaigns';
import { dateTimeText } from '../../../lib/format';

interface Props {
  submission: Submission | null;
  decision: SubmissionDecision;
  busy: boolean;
  onOk: (opinion: string) => void;
  onCancel: () => void;
}

export function DecisionModal({ submission, decision, busy, onOk, onCancel }: Props) {
  const [form] = Form.useForm<{ opinion: string }>();
  const back = decision === 'return';
  return (
    <Modal
      title={back ? '退回上报' : '接收上报'}
      open={submission !== null}
      okText={back ? '退回' : '接收'}
      okButtonProps={{ id: 'decision-ok', danger: back, loading: busy }}
      cancelText="取消"
      onOk={() => form.validateFields().then((v) => onOk((v.opinion ?? '').trim()), () => undefined)}
      onCancel={() => !busy && onCancel()}
      destroyOnHidden
    >
      {submission && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label="单位">{submission.orgName}</Descriptions.Item>
          <Descriptions.Item label="截止事项">{`${submission.deadlineLabel}（第 ${submission.round} 次上报）`}</Descriptions.Item>
          <Descriptions.Item label="上报时间">{`${dateTimeText(submission.submittedAt)}${submission.onTime ? '（按时）' : '（逾期）'}`}</Descriptions.Item>
          <Descriptions.Item label="档案数">{submission.fileCount} 户</Descriptions.Item>
          {submission.note && <Descriptions.Item label="上报说明">{submission.note}</Descriptions.Item>}
        </Descriptions>
      )}
      {back && <Alert type="warning" showIcon message="退回后，该单位需按意见修改后重新上报" style={{ marginBottom: 12 }} />}
      <Form form={form} name="decision" layout="vertical" preserve={false}>
        <Form.Item
          name="opinion"
          label={back ? '退回意见' : '接收意见（可不填）'}
          rules={back ? [{ required: true, whitespace: true, message: '请填写退回意见' }] : []}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder={back ? '例如：京山市总部分档案家庭收入缺失，请补充后重新上报' : '例如：数据完整，予以接收'} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
