// /admin/users — 用户管理 (admins): every account with its role and organization; 新建用户 (the
// organization offered follows the role), 停用 / 启用, 重置密码, 解锁, 修改姓名. Accounts that read
// identity numbers in full are created, reset and re-enabled through the city union's approval.
// A row opens to the person's commendations.
import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Honors } from '../../components/Honors';
import type { UserItem } from '../../api/users';
import { useUsers } from '../../api/queries/users';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { ROLES, ROLE_LABELS, type Role } from '../../lib/access';
import { useSessionUser } from '../../lib/session';
import { useOrgList } from '../../lib/useOrgs';
import { userColumns, userStatus, type StatusFilter } from './userColumns';
import { useUserPatch } from './hooks/useUserPatch';
import { NewUserModal } from './components/NewUserModal';
import { RenameUserModal, ResetPasswordModal } from './components/UserModals';
import './admin.css';

const STATUS_OPTIONS = [
  { value: 'active', label: '启用' },
  { value: 'inactive', label: '停用' },
  { value: 'locked', label: '锁定' },
];

function matches(u: UserItem, term: string, role: Role | undefined, status: StatusFilter | undefined): boolean {
  const text = !term || u.username.toLowerCase().includes(term) || u.displayName.toLowerCase().includes(term) || u.orgName.includes(term) || u.orgCode.toLowerCase().includes(term);
  return text && (!role || u.role === role) && (!status || userStatus(u) === status);
}

export default function UsersPage() {
  const me = useSessionUser();
  const users = useUsers();
  const { orgs } = useOrgList();
  const patcher = useUserPatch();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<StatusFilter | undefined>();
  const [newOpen, setNewOpen] = useState(false);
  const [resetFor, setResetFor] = useState<UserItem | null>(null);
  const [renameFor, setRenameFor] = useState<UserItem | null>(null);
  const reload = () => void users.refetch();

  const all = users.data?.items;
  const items = useMemo(() => (all ?? []).filter((u) => matches(u, q.trim().toLowerCase(), role, status)), [all, q, role, status]);

  return (
    <div className="page">
      <PageHeader title="用户管理" subTitle="账号、角色与所属组织；角色决定可见的菜单和可办理的事项" />
      <Card variant="borderless" className="table-card">
        <ListToolbar title="用户" total={all ? items.length : undefined} unit={`个${all && items.length !== all.length ? `（全部 ${all.length} 个）` : ''}`} totalTestId="user-total">
          <Space wrap>
            <Input allowClear prefix={<SearchOutlined />} placeholder="用户名 / 姓名 / 组织" style={{ width: 200 }} value={q} onChange={(e) => setQ(e.target.value)} id="userFilter_q" />
            <Select allowClear placeholder="全部角色" style={{ width: 130 }} value={role} onChange={setRole} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} id="userFilter_role" />
            <Select allowClear placeholder="全部状态" style={{ width: 110 }} value={status} onChange={setStatus} options={STATUS_OPTIONS} id="userFilter_status" />
            <ReloadButton onClick={reload} />
            <Button type="primary" icon={<PlusOutlined />} id="user-new" onClick={() => setNewOpen(true)}>
              新建用户
            </Button>
          </Space>
        </ListToolbar>
        <LoadError error={users.error} title="用户列表加载失败" onRetry={reload} />
        <Table<UserItem>
          id="user-table"
          rowKey="id"
          size="middle"
          columns={userColumns({ meId: me.id, patcher, onReset: setResetFor, onRename: setRenameFor })}
          dataSource={items}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: ['20', '50', '100'], showTotal: (t) => `共 ${t} 个` }}
          locale={{ emptyText: users.isFetching ? '正在加载…' : '没有符合条件的用户' }}
          // a row opened: the person's commendations over the years (asked only then)
          expandable={{ expandedRowRender: (u) => <Honors subject={{ username: u.username }} title={<b>表彰</b>} />, columnTitle: null }}
        />
      </Card>

      <NewUserModal open={newOpen} orgs={orgs} onClose={() => setNewOpen(false)} onCreated={reload} />
      <ResetPasswordModal user={resetFor} patcher={patcher} onClose={() => setResetFor(null)} />
      <RenameUserModal user={renameFor} patcher={patcher} onClose={() => setRenameFor(null)} />
    </div>
  );
}
