// 修改密码: a user changes their own password (the current one is asked for); the rule is core's,
// checked before sending, and the server's answer lands beside the field it names.
import { Alert, App, Form, Input, Modal } from 'antd';
import { passwordProblem } from '@bangfu/core';
import { changePassword } from '../api/session';
import { useFormSubmit } from '../lib/useFormSubmit';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordModal({ open, username, onClose }: { open: boolean; username: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: ['currentPassword', 'newPassword'] });

  const save = () =>
    submit(async (v) => {
      await changePassword(v.currentPassword, v.newPassword);
      message.success('密码已修改；您在其他设备上的登录已退出');
      form.resetFields();
      onClose();
    });

  return (
    <Modal title="修改密码" open={open} okText="保存" cancelText="取消" okButtonProps={{ id: 'password-ok', loading: busy }} onOk={save} onCancel={() => { if (!busy) { setError(null); onClose(); } }} forceRender>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name="own_password" layout="vertical" autoComplete="off">
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少10个字符，混合使用字母、数字或符号中的至少两种"
          rules={[{ validator: async (_, v: string) => { const p = passwordProblem(v, username); if (p) throw new Error(p); } }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[({ getFieldValue }) => ({ validator: async (_, v: string) => { if (v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致'); } })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
