// 新建用户: username, name, role, the organization the role belongs to, and the initial password —
// except for the roles that read identity numbers in full, whose account waits for the city
// union's approval (the approver gets the password).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tooltip, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { Org } from '../../../api/orgs';
import { errorMessage } from '../../../api/request';
import { APPROVAL_ROLES, createUser, type NewUser } from '../../../api/users';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_ORG_KIND, type Role } from '../../../lib/access';
import { orgOptionsForKind } from '../../../lib/orgTree';
import { generatePassword, usernameProblem } from '../adminShared';
import { placeErrors } from '../hooks/useUserPatch';
import { NAME_RULES, passwordRules } from './UserModals';

/** The order of the role select: the roles made most often first. */
const ROLE_ORDER: Role[] = ['unit', 'region', 'city', 'staff', 'leader', 'viewer', 'admin'];
const NEW_USER_FIELDS = new Set(['username', 'displayName', 'role', 'orgCode', 'password']);

function orgHelp(role: Role | undefined): string {
  if (!role) return '先选择角色';
  const kind = ROLE_ORG_KIND[role];
  return kind === 'city' ? `${ROLE_LABELS[role]}账号属于市总工会` : kind === 'region' ? '选择所在的县（市、区）工会' : '选择所在的基层工会';
}

function Created({ who, password }: { who: string; password?: { username: string; password: string } }) {
  return (
    <div className="user-created" data-testid="user-created">
      <p>{who}</p>
      {password ? (
        <>
          <p>
            用户名：<Typography.Text code copyable>{password.username}</Typography.Text>
            <br />
            初始密码：<Typography.Text code copyable>{password.password}</Typography.Text>
          </p>
          <Typography.Text type="secondary">请将用户名和初始密码当面或通过可靠渠道告知本人；此密码关闭后不再显示。</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">该账号可查看完整身份证号，须经市总工会在「账号审批」中批准后才能登录；初始密码由审批人获取并交给本人。</Typography.Text>
      )}
    </div>
  );
}

interface Props {
  open: boolean;
  orgs: Org[] | null;
  onClose: () => void;
  onCreated: () => void;
}

export function NewUserModal({ open, orgs, onClose, onCreated }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form) as Role | undefined;
  const orgOptions = useMemo(() => (orgs && role ? orgOptionsForKind(orgs, ROLE_ORG_KIND[role]) : []), [orgs, role]);
  const gated = !!role && APPROVAL_ROLES.includes(role);

  async function submit() {
    let v: NewUser;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const input = { ...v, username: v.username.trim(), displayName: v.displayName.trim(), ...(APPROVAL_ROLES.includes(v.role) ? { password: undefined } : {}) };
      const created = await createUser(input);
      onClose();
      onCreated();
      const who = `${created.displayName}（${ROLE_LABELS[created.role]}，${orgs?.find((o) => o.code === created.orgCode)?.name ?? created.orgCode}）`;
      if (created.pendingApproval) modal.info({ title: `已提交审批：${created.username}`, width: 480, content: <Created who={who} />, okText: '知道了' });
      else modal.success({ title: `已新建用户 ${created.username}`, width: 480, content: <Created who={who} password={{ username: created.username, password: input.password ?? '' }} />, okText: '知道了' });
    } catch (e) {
      if (!placeErrors(form, e, NEW_USER_FIELDS)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title="新建用户"
      open={open}
      okText="新建"
      cancelText="取消"
      okButtonProps={{ id: 'user-new-ok', loading: busy }}
      onOk={submit}
      onCancel={() => !busy && onClose()}
      afterOpenChange={(o) => o || form.resetFields()}
      forceRender
      width={560}
    >
      <Form form={form} name="user_new" layout="vertical" autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          required
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                const p = usernameProblem(v);
                if (p) throw new Error(p);
              },
            },
          ]}
          extra="3至32位字母、数字、下划线、点或横线，登录时使用"
        >
          <Input maxLength={32} placeholder="例如 h01_zhangsan" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={NAME_RULES}>
          <Input maxLength={32} placeholder="真实姓名或岗位名称" autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            placeholder="请选择"
            onChange={(r: Role) => form.setFieldValue('orgCode', ROLE_ORG_KIND[r] === 'city' ? orgs?.find((o) => o.kind === 'city')?.code : undefined)}
            options={ROLE_ORDER.map((r) => ({ value: r, label: ROLE_LABELS[r], desc: ROLE_DESCRIPTIONS[r] }))}
            optionRender={(o) => (
              <div>
                <div>{o.label}</div>
                <div className="option-desc">{o.data.desc}</div>
              </div>
            )}
          />
        </Form.Item>
        <Form.Item name="orgCode" label="所属组织" dependencies={['role']} rules={[{ required: true, message: '请选择所属组织' }]} extra={orgHelp(role)}>
          <Select
            placeholder={role ? '请选择' : '请先选择角色'}
            disabled={!role}
            options={orgOptions}
            showSearch
            optionFilterProp="label"
            notFoundContent={role === 'unit' ? '还没有基层工会，请先在「组织机构」中新建' : undefined}
          />
        </Form.Item>
        {gated ? (
          <Alert type="info" showIcon data-testid="user-new-gated" message="该角色可查看完整身份证号：账号须经市总工会审批后启用，初始密码在审批时生成并只显示给审批人。" />
        ) : (
          <Form.Item label="初始密码" required extra="至少10个字符，混合字母、数字或符号，不能与用户名相同">
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="password" noStyle dependencies={['username']} rules={passwordRules(() => form.getFieldValue('username'))}>
                <Input.Password placeholder="至少10个字符" autoComplete="new-password" />
              </Form.Item>
              <Tooltip title="随机生成12位密码">
                <Button
                  icon={<ThunderboltOutlined />}
                  onClick={() => {
                    form.setFieldValue('password', generatePassword());
                    void form.validateFields(['password']);
                  }}
                >
                  生成
                </Button>
              </Tooltip>
            </Space.Compact>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
