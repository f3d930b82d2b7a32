// 重置密码 and 修改姓名 of one account. An account that reads identity numbers in full gets its new
// password through the city union's approval instead.
import { useEffect } from 'react';
import { Button, Form, Input, Modal, Space } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { APPROVAL_ROLES, type UserItem } from '../../../api/users';
import { generatePassword, passwordProblem } from '../adminShared';
import type { UserPatcher } from '../hooks/useUserPatch';

const NAME_RULES = [{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32, message: '姓名不能超过32个字' }];

/** The password rule of the server, against this username. */
export function passwordRules(username: () => string | undefined) {
  return [
    {
      validator: async (_: unknown, v: string | undefined) => {
        const p = passwordProblem(v, username());
        if (p) throw new Error(p);
      },
    },
  ];
}

interface Props {
  user: UserItem | null;
  patcher: UserPatcher;
  onClose: () => void;
}

export function ResetPasswordModal({ user, patcher, onClose }: Props) {
  const [form] = Form.useForm<{ password: string }>();
  const gated = !!user && APPROVAL_ROLES.includes(user.role);
  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  async function submit() {
    if (!user) return;
    let v: { password: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const ok = gated
      ? await patcher.patch(user, { requestPasswordReset: true }, `已提交市总工会审批：重置 ${user.username} 的密码`, 'reset', form, new Set())
      : await patcher.patch(user, { password: v.password }, `已重置 ${user.username} 的密码，该用户需用新密码重新登录`, 'reset', form, new Set(['password']));
    if (ok) onClose();
  }

  return (
    <Modal
      title={`重置密码 · ${user?.username ?? ''}`}
      open={!!user}
      okText="重置"
      cancelText="取消"
      okButtonProps={{ id: 'user-reset-ok', loading: patcher.busy === 'reset' }}
      onOk={submit}
      onCancel={() => patcher.busy !== 'reset' && onClose()}
      forceRender
    >
      {gated ? (
        <p data-testid="user-reset-gated">该账号可查看完整身份证号：重置密码须经市总工会审批，新密码由审批人获取并交给本人；批准前原密码继续有效。</p>
      ) : (
        <p>重置后该用户当前的登录立即失效，锁定同时解除。</p>
      )}
      <Form form={form} name="user_reset" layout="vertical" autoComplete="off" hidden={gated}>
        <Form.Item label="新密码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="password" noStyle rules={passwordRules(() => user?.username)}>
              <Input.Password placeholder="至少10个字符，不能与用户名相同" autoComplete="new-password" />
            </Form.Item>
            <Button
              icon={<KeyOutlined />}
              onClick={() => {
                form.setFieldValue('password', generatePassword());
                void form.validateFields(['password']);
              }}
            >
              生成
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RenameUserModal({ user, patcher, onClose }: Props) {
  const [form] = Form.useForm<{ displayName: string }>();
  useEffect(() => {
    if (user) form.setFieldsValue({ displayName: user.displayName });
  }, [user, form]);

  async function submit() {
    if (!user) return;
    let v: { displayName: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const ok = await patcher.patch(user, { displayName: v.displayName.trim() }, '姓名已修改', 'rename', form, new Set(['displayName']));
    if (ok) onClose();
  }

  return (
    <Modal
      title={`修改姓名 · ${user?.username ?? ''}`}
      open={!!user}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ id: 'user-rename-ok', loading: patcher.busy === 'rename' }}
      onOk={submit}
      onCancel={() => patcher.busy !== 'rename' && onClose()}
      forceRender
    >
      <Form form={form} name="user_rename" layout="vertical" autoComplete="off">
        <Form.Item name="displayName" label="姓名" rules={NAME_RULES}>
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export { NAME_RULES };
