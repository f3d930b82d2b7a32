// /admin/users — 用户管理 (admins): every account with its role and organization; 新建用户 (the
// organization offered follows the role), 停用 / 启用, 重置密码, 解锁, 修改姓名.
import { useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { FormInstance, TableProps } from 'antd';
import { KeyOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, ThunderboltOutlined, UnlockOutlined } from '@ant-design/icons';
import { APPROVAL_ROLES, createUser, listUsers, updateUser, type NewUser, type UserItem, type UserPatch } from '../../api/users';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_ORG_KIND, type Role } from '../../lib/access';
import { dateTimeText } from '../../lib/format';
import { orgOptionsForKind } from '../../lib/orgTree';
import { useSessionUser } from '../../lib/session';
import { useOrgList } from '../../lib/useOrgs';
import { useRequest } from '../../lib/useRequest';
import { generatePassword, passwordProblem, usernameProblem } from './adminShared';
import './admin.css';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'magenta',
  city: 'geekblue',
  leader: 'purple',
  staff: 'purple',
  region: 'blue',
  unit: 'cyan',
  viewer: 'gold',
};
/** The order of the role select: the roles made most often first. */
const ROLE_ORDER: Role[] = ['unit', 'region', 'city', 'staff', 'leader', 'viewer', 'admin'];
const NEW_USER_FIELDS = new Set(['username', 'displayName', 'role', 'orgCode', 'password']);

type StatusFilter = 'active' | 'inactive' | 'locked';

function userStatus(u: UserItem): StatusFilter {
  if (!u.active) return 'inactive';
  return u.locked ? 'locked' : 'active';
}

function StatusCell({ u }: { u: UserItem }) {
  const s = userStatus(u);
  return (
    <span data-testid="user-status" data-status={s}>
      {s === 'active' ? <Badge status="success" text="启用" /> : s === 'inactive' ? <Badge status="default" text="停用" /> : <Badge status="error" text="锁定" />}
      {u.pendingApproval && <Tag color="gold" style={{ marginLeft: 8 }} data-testid="user-pending">待市总工会审批</Tag>}
    </span>
  );
}

/** Server field errors beside the fields they name; true when any was placed. */
function placeErrors(form: FormInstance, e: unknown, fields: Set<string>): boolean {
  if (!isApiError(e)) return false;
  const placed = e.fieldErrors.filter((f) => fields.has(f.path));
  if (placed.length) form.setFields(placed.map((f) => ({ name: f.path, errors: [f.message] })));
  return placed.length > 0;
}

export default function UsersPage() {
  const me = useSessionUser();
  const { message, modal } = App.useApp();
  const users = useRequest((signal) => listUsers(signal), 'users');
  const { orgs } = useOrgList();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<StatusFilter | undefined>();
  const [newOpen, setNewOpen] = useState(false);
  const [resetFor, setResetFor] = useState<UserItem | null>(null);
  const [renameFor, setRenameFor] = useState<UserItem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [newForm] = Form.useForm<NewUser>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const [renameForm] = Form.useForm<{ displayName: string }>();
  const newRole = Form.useWatch('role', newForm) as Role | undefined;

  const items = useMemo(() => {
    const term = q.trim().toLowerCase();
    return (users.data?.items ?? []).filter(
      (u) =>
        (!term || u.username.toLowerCase().includes(term) || u.displayName.toLowerCase().includes(term) || u.orgName.includes(term) || u.orgCode.toLowerCase().includes(term)) &&
        (!role || u.role === role) &&
        (!status || userStatus(u) === status),
    );
  }, [users.data, q, role, status]);

  const orgOptions = useMemo(() => (orgs && newRole ? orgOptionsForKind(orgs, ROLE_ORG_KIND[newRole]) : []), [orgs, newRole]);

  async function patch(u: UserItem, p: UserPatch, done: string, key: string, form?: FormInstance, fields?: Set<string>): Promise<boolean> {
    setBusy(key);
    try {
      const updated = await updateUser(u.id, p);
      users.setData({ items: (users.data?.items ?? []).map((x) => (x.id === u.id ? updated ?? { ...x, ...p } : x)) });
      message.success(done);
      return true;
    } catch (e) {
      if (!(form && fields && placeErrors(form, e, fields))) message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  }

  function openNew() {
    newForm.resetFields();
    setNewOpen(true);
  }

  async function submitNew() {
    let v: NewUser;
    try {
      v = await newForm.validateFields();
    } catch {
      return;
    }
    setBusy('new');
    try {
      const gated = APPROVAL_ROLES.includes(v.role);
      const input = { ...v, username: v.username.trim(), displayName: v.displayName.trim(), ...(gated ? { password: undefined } : {}) };
      const created = await createUser(input);
      setNewOpen(false);
      users.reload();
      if (created.pendingApproval) {
        modal.info({
          title: `已提交审批：${created.username}`,
          width: 480,
          content: (
            <div className="user-created" data-testid="user-created">
              <p>
                {created.displayName}（{ROLE_LABELS[created.role]}，{orgs?.find((o) => o.code === created.orgCode)?.name ?? created.orgCode}）
              </p>
              <Typography.Text type="secondary">该账号可查看完整身份证号，须经市总工会在「账号审批」中批准后才能登录；初始密码由审批人获取并交给本人。</Typography.Text>
            </div>
          ),
          okText: '知道了',
        });
        return;
      }
      modal.success({
        title: `已新建用户 ${created.username}`,
        width: 480,
        content: (
          <div className="user-created" data-testid="user-created">
            <p>
              {created.displayName}（{ROLE_LABELS[created.role]}，{orgs?.find((o) => o.code === created.orgCode)?.name ?? created.orgCode}）
            </p>
            <p>
              用户名：<Typography.Text code copyable>{created.username}</Typography.Text>
              <br />
              初始密码：<Typography.Text code copyable>{input.password}</Typography.Text>
            </p>
            <Typography.Text type="secondary">请将用户名和初始密码当面或通过可靠渠道告知本人；此密码关闭后不再显示。</Typography.Text>
          </div>
        ),
        okText: '知道了',
      });
    } catch (e) {
      if (!placeErrors(newForm, e, NEW_USER_FIELDS)) message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function submitReset() {
    if (!resetFor) return;
    let v: { password: string };
    try {
      v = await resetForm.validateFields();
    } catch {
      return;
    }
    const ok = APPROVAL_ROLES.includes(resetFor.role)
      ? await patch(resetFor, { requestPasswordReset: true }, `已提交市总工会审批：重置 ${resetFor.username} 的密码`, 'reset', resetForm, new Set())
      : await patch(resetFor, { password: v.password }, `已重置 ${resetFor.username} 的密码，该用户需用新密码重新登录`, 'reset', resetForm, new Set(['password']));
    if (ok) setResetFor(null);
  }

  async function submitRename() {
    if (!renameFor) return;
    let v: { displayName: string };
    try {
      v = await renameForm.validateFields();
    } catch {
      return;
    }
    const ok = await patch(renameFor, { displayName: v.displayName.trim() }, '姓名已修改', 'rename', renameForm, new Set(['displayName']));
    if (ok) setRenameFor(null);
  }

  const columns: TableProps<UserItem>['columns'] = [
    { title: '用户名', dataIndex: 'username', key: 'username', render: (v: string) => <span className="mono">{v}</span> },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    {
      title: '角色',
      dataIndex: 'roleLabel',
      key: 'role',
      render: (v: string, u) => (
        <Tag color={ROLE_COLORS[u.role] ?? 'default'} data-role={u.role}>
          {v || ROLE_LABELS[u.role] || u.role}
        </Tag>
      ),
    },
    {
      title: '所属组织',
      dataIndex: 'orgName',
      key: 'orgName',
      render: (v: string, u) => (
        <span>
          {v} <Typography.Text type="secondary" className="mono">{u.orgCode}</Typography.Text>
        </span>
      ),
    },
    { title: '状态', key: 'status', render: (_: unknown, u) => <StatusCell u={u} /> },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dateTimeText(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={4} className="user-actions">
          <Button
            type="link"
            size="small"
            data-testid="user-reset"
            onClick={() => {
              resetForm.resetFields();
              setResetFor(u);
            }}
          >
            重置密码
          </Button>
          <Button
            type="link"
            size="small"
            data-testid="user-rename"
            onClick={() => {
              renameForm.setFieldsValue({ displayName: u.displayName });
              setRenameFor(u);
            }}
          >
            修改姓名
          </Button>
          {u.locked && u.active && (
            <Button type="link" size="small" icon={<UnlockOutlined />} data-testid="user-unlock" loading={busy === `unlock-${u.id}`} onClick={() => void patch(u, { unlock: true }, `已解锁 ${u.username}`, `unlock-${u.id}`)}>
              解锁
            </Button>
          )}
          {u.id !== me.id &&
            (u.active ? (
              <Popconfirm
                title={`停用 ${u.username}？`}
                description="停用后该用户立即退出登录，不能再登录；档案和记录保留。"
                okText="停用"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => patch(u, { active: false }, `已停用 ${u.username}`, `active-${u.id}`)}
              >
                <Button type="link" size="small" danger data-testid="user-deactivate" loading={busy === `active-${u.id}`}>
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" data-testid="user-activate" loading={busy === `active-${u.id}`} onClick={() => void patch(u, { active: true }, `已启用 ${u.username}`, `active-${u.id}`)}>
                启用
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  const passwordRules = (usernameField?: 'username') => [
    {
      validator: async (_: unknown, v: string | undefined) => {
        const username = usernameField ? newForm.getFieldValue(usernameField) : resetFor?.username;
        const p = passwordProblem(v, username);
        if (p) throw new Error(p);
      },
    },
  ];

  return (
    <div className="page">
      <PageHeader title="用户管理" subTitle="账号、角色与所属组织；角色决定可见的菜单和可办理的事项" />
      <Card variant="borderless" className="table-card">
        <div className="table-toolbar">
          <div className="table-toolbar-title">
            用户
            {users.data && (
              <Typography.Text type="secondary" className="table-total" data-testid="user-total">
                共 {items.length} 个{items.length !== users.data.items.length ? `（全部 ${users.data.items.length} 个）` : ''}
              </Typography.Text>
            )}
          </div>
          <Space wrap>
            <Input allowClear prefix={<SearchOutlined />} placeholder="用户名 / 姓名 / 组织" style={{ width: 200 }} value={q} onChange={(e) => setQ(e.target.value)} id="userFilter_q" />
            <Select
              allowClear
              placeholder="全部角色"
              style={{ width: 130 }}
              value={role}
              onChange={setRole}
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              id="userFilter_role"
            />
            <Select
              allowClear
              placeholder="全部状态"
              style={{ width: 110 }}
              value={status}
              onChange={setStatus}
              options={[
                { value: 'active', label: '启用' },
                { value: 'inactive', label: '停用' },
                { value: 'locked', label: '锁定' },
              ]}
              id="userFilter_status"
            />
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} onClick={users.reload} aria-label="刷新" />
            </Tooltip>
            <Button type="primary" icon={<PlusOutlined />} id="user-new" onClick={openNew}>
              新建用户
            </Button>
          </Space>
        </div>
        {users.error != null && (
          <Alert type="error" showIcon message="用户列表加载失败" description={errorMessage(users.error)} action={<Button onClick={users.reload}>重试</Button>} style={{ marginBottom: 12 }} />
        )}
        <Table<UserItem>
          id="user-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={users.loading}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: ['20', '50', '100'], showTotal: (t) => `共 ${t} 个` }}
          locale={{ emptyText: users.loading ? '正在加载…' : '没有符合条件的用户' }}
        />
      </Card>

      <Modal
        title="新建用户"
        open={newOpen}
        okText="新建"
        cancelText="取消"
        okButtonProps={{ id: 'user-new-ok', loading: busy === 'new' }}
        onOk={submitNew}
        onCancel={() => busy !== 'new' && setNewOpen(false)}
        forceRender
        width={560}
      >
        <Form form={newForm} name="user_new" layout="vertical" autoComplete="off" requiredMark={false}>
          <Form.Item
            name="username"
            label="用户名"
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
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32, message: '姓名不能超过32个字' }]}>
            <Input maxLength={32} placeholder="真实姓名或岗位名称" autoComplete="off" />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select
              placeholder="请选择"
              onChange={(r: Role) => newForm.setFieldValue('orgCode', ROLE_ORG_KIND[r] === 'city' ? orgs?.find((o) => o.kind === 'city')?.code : undefined)}
              options={ROLE_ORDER.map((r) => ({ value: r, label: ROLE_LABELS[r], desc: ROLE_DESCRIPTIONS[r] }))}
              optionRender={(o) => (
                <div>
                  <div>{o.label}</div>
                  <div className="option-desc">{o.data.desc}</div>
                </div>
              )}
            />
          </Form.Item>
          <Form.Item
            name="orgCode"
            label="所属组织"
            dependencies={['role']}
            rules={[{ required: true, message: '请选择所属组织' }]}
            extra={!newRole ? '先选择角色' : ROLE_ORG_KIND[newRole] === 'city' ? `${ROLE_LABELS[newRole]}账号属于市总工会` : ROLE_ORG_KIND[newRole] === 'region' ? '选择所在的县（市、区）工会' : '选择所在的基层工会'}
          >
            <Select
              placeholder={newRole ? '请选择' : '请先选择角色'}
              disabled={!newRole}
              options={orgOptions}
              showSearch
              optionFilterProp="label"
              notFoundContent={newRole === 'unit' ? '还没有基层工会，请先在「组织机构」中新建' : undefined}
            />
          </Form.Item>
          {newRole && APPROVAL_ROLES.includes(newRole) ? (
            <Alert type="info" showIcon data-testid="user-new-gated" message="该角色可查看完整身份证号：账号须经市总工会审批后启用，初始密码在审批时生成并只显示给审批人。" />
          ) : (
          <Form.Item label="初始密码" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="password" noStyle dependencies={['username']} rules={passwordRules('username')}>
                <Input.Password placeholder="至少10个字符，不能与用户名相同" autoComplete="new-password" />
              </Form.Item>
              <Tooltip title="随机生成12位密码">
                <Button
                  icon={<ThunderboltOutlined />}
                  onClick={() => {
                    newForm.setFieldValue('password', generatePassword());
                    void newForm.validateFields(['password']);
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

      <Modal
        title={`重置密码 · ${resetFor?.username ?? ''}`}
        open={!!resetFor}
        okText="重置"
        cancelText="取消"
        okButtonProps={{ id: 'user-reset-ok', loading: busy === 'reset' }}
        onOk={submitReset}
        onCancel={() => busy !== 'reset' && setResetFor(null)}
        forceRender
      >
        {resetFor && APPROVAL_ROLES.includes(resetFor.role) ? (
          <p data-testid="user-reset-gated">该账号可查看完整身份证号：重置密码须经市总工会审批，新密码由审批人获取并交给本人；批准前原密码继续有效。</p>
        ) : (
          <p>重置后该用户当前的登录立即失效，锁定同时解除。</p>
        )}
        <Form form={resetForm} name="user_reset" layout="vertical" autoComplete="off" hidden={!!resetFor && APPROVAL_ROLES.includes(resetFor.role)}>
          <Form.Item label="新密码" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="password" noStyle rules={passwordRules()}>
                <Input.Password placeholder="至少10个字符，不能与用户名相同" autoComplete="new-password" />
              </Form.Item>
              <Button
                icon={<KeyOutlined />}
                onClick={() => {
                  resetForm.setFieldValue('password', generatePassword());
                  void resetForm.validateFields(['password']);
                }}
              >
                生成
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`修改姓名 · ${renameFor?.username ?? ''}`}
        open={!!renameFor}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ id: 'user-rename-ok', loading: busy === 'rename' }}
        onOk={submitRename}
        onCancel={() => busy !== 'rename' && setRenameFor(null)}
        forceRender
      >
        <Form form={renameForm} name="user_rename" layout="vertical" autoComplete="off">
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32, message: '姓名不能超过32个字' }]}>
            <Input maxLength={32} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
