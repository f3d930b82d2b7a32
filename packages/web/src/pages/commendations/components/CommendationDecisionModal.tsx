// 批准 / 不批准 a nomination (the city union): who, for what, on which record; an opinion, required
// to decline.
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { COMMENDATION_KIND_LABELS } from '@bangfu/core';
import type { Commendation } from '../../../api/commendations';
import { recordText, subjectText } from '../commendationText';

export type Decision = 'approve' | 'decline';

interface Props {
  item: Commendation | null;
  decision: Decision;
  busy: boolean;
  error: string | null;
  onOk: (opinion: string) => void;
  onCancel: () => void;
}

export function CommendationDecisionModal({ item, decision, busy, error, onOk, onCancel }: Props) {
  const [form] = Form.useForm<{ opinion?: string }>();
  const decline = decision === 'decline';
  return (
    <Modal
      title={decline ? '不批准表彰' : '批准表彰'}
      open={item !== null}
      okText={decline ? '不批准' : '批准'}
      okButtonProps={{ id: 'commendation-decision-ok', danger: decline, loading: busy }}
      cancelText="取消"
      onOk={() => form.validateFields().then((v) => onOk((v.opinion ?? '').trim()), () => undefined)}
      onCancel={() => !busy && onCancel()}
      destroyOnHidden
    >
      {item && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label="类别">{COMMENDATION_KIND_LABELS[item.kind]}</Descriptions.Item>
          <Descriptions.Item label={item.kind === 'org' ? '单位' : '个人'}>{subjectText(item)}</Descriptions.Item>
          <Descriptions.Item label="荣誉称号">{item.title}</Descriptions.Item>
          <Descriptions.Item label="推荐理由">{item.reason}</Descriptions.Item>
          <Descriptions.Item label="工作实绩">{recordText(item)}</Descriptions.Item>
        </Descriptions>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="commendation-decision-error" />}
      <Form form={form} name="commendationDecision" layout="vertical" preserve={false}>
        <Form.Item
          name="opinion"
          label={decline ? '不批准的意见' : '审批意见（可不填）'}
          rules={decline ? [{ required: true, whitespace: true, message: '不批准时请填写意见' }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} showCount placeholder={decline ? '如：事迹材料不够具体，请补充后重新推荐' : '如：同意表彰'} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
