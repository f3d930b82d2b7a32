// The users table: account, role, organization, status (with 待市总工会审批), and the row's
// 重置密码 / 修改姓名 / 解锁 / 停用 / 启用.
import { Badge, Button, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import type { UserItem } from '../../api/users';
import { ROLE_LABELS, type Role } from '../../lib/access';
import { dateTimeText } from '../../lib/format';
import DeactivateConfirm from '../../components/DeactivateConfirm';
import type { UserPatcher } from './hooks/useUserPatch';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'magenta',
  city: 'geekblue',
  leader: 'purple',
  staff: 'purple',
  region: 'blue',
  unit: 'cyan',
  viewer: 'gold',
};

export type StatusFilter = 'active' | 'inactive' | 'locked';

export function userStatus(u: UserItem): StatusFilter {
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

interface Options {
  meId: number;
  patcher: UserPatcher;
  onReset: (u: UserItem) => void;
  onRename: (u: UserItem) => void;
}

function Actions({ u, meId, patcher: { busy, patch }, onReset, onRename }: Options & { u: UserItem }) {
  return (
    <Space size={4} className="user-actions">
      <Button type="link" size="small" data-testid="user-reset" onClick={() => onReset(u)}>
        重置密码
      </Button>
      <Button type="link" size="small" data-testid="user-rename" onClick={() => onRename(u)}>
        修改姓名
      </Button>
      {u.locked && u.active && (
        <Button type="link" size="small" icon={<UnlockOutlined />} data-testid="user-unlock" loading={busy === `unlock-${u.id}`} onClick={() => void patch(u, { unlock: true }, `已解锁 ${u.username}`, `unlock-${u.id}`)}>
          解锁
        </Button>
      )}
      {u.id !== meId &&
        (u.active ? (
          <DeactivateConfirm name={u.username} description="停用后该用户立即退出登录，不能再登录；档案和记录保留。" onConfirm={() => patch(u, { active: false }, `已停用 ${u.username}`, `active-${u.id}`)}>
            <Button type="link" size="small" danger data-testid="user-deactivate" loading={busy === `active-${u.id}`}>
              停用
            </Button>
          </DeactivateConfirm>
        ) : (
          <Button type="link" size="small" data-testid="user-activate" loading={busy === `active-${u.id}`} onClick={() => void patch(u, { active: true }, `已启用 ${u.username}`, `active-${u.id}`)}>
            启用
          </Button>
        ))}
    </Space>
  );
}

export function userColumns(o: Options): TableProps<UserItem>['columns'] {
  return [
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
    { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, u) => <Actions {...o} u={u} /> },
  ];
}
