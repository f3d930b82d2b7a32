// 填写修改原因: asked on 保存 of a filed file.
import { Alert, Form, Input, Modal } from 'antd';
import type { FormInstance } from 'antd';

interface Props {
  open: boolean;
  form: FormInstance<{ reason: string }>;
  saving: boolean;
  onOk: () => void;
  onCancel: () => void;
}

export function ReasonModal({ open, form, saving, onOk, onCancel }: Props) {
  return (
    <Modal title="填写修改原因" open={open} okText="保存" cancelText="取消" okButtonProps={{ id: 'edit-reason-ok', loading: saving }} onOk={onOk} onCancel={onCancel} destroyOnHidden>
      <Alert type="warning" showIcon message="修改后如识别结果变化，档案将退回重新审核" style={{ marginBottom: 12 }} />
      <Form form={form} name="edit" layout="vertical" preserve={false}>
        <Form.Item name="reason" label="修改原因" rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder="例如：入户复核，家庭年收入有变化" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
