// /admin/approvals — 账号审批 (市总工会): the second person of the two-person rule. What the system
// administrator asked for on an account that reads identity numbers in full (新建账号, 重置密码,
// 重新启用) waits here; approving a new account or a reset shows its password once, to the approver.
import { useState } from 'react';
import { App, Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { decideApproval, type ApprovalItem } from '../../api/users';
import { useApprovals } from '../../api/queries/users';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import './admin.css';

export default function ApprovalsPage() {
  const { modal, message } = App.useApp();
  const approvals = useApprovals();
  const [busy, setBusy] = useState<number | null>(null);

  async function decide(a: ApprovalItem, decision: 'approve' | 'refuse') {
    let note = '';
    if (decision === 'refuse') {
      const ok = await modal.confirm({
        title: `拒绝：${a.kindLabel} ${a.user.displayName}（${a.user.username}）`,
        content: <Input.TextArea id="approval-note" maxLength={200} placeholder="拒绝的原因（可不填）" onChange={(e) => { note = e.target.value; }} />,
        okText: '拒绝',
        okButtonProps: { danger: true },
        cancelText: '取消',
      });
      if (!ok) return;
    }
    setBusy(a.id);
    try {
      const r = await decideApproval(a.id, decision, note || undefined);
      void approvals.refetch();
      if (r.password)
        modal.success({
          title: `已批准：${a.kindLabel} ${a.user.username}`,
          width: 480,
          content: (
            <div data-testid="approval-password">
              <p>{a.user.displayName}（{a.user.roleLabel}，{a.user.orgName}）</p>
              <p>
                用户名：<Typography.Text code copyable>{a.user.username}</Typography.Text>
                <br />
                初始密码：<Typography.Text code copyable>{r.password}</Typography.Text>
              </p>
              <Typography.Text type="secondary">请将用户名和密码当面或通过可靠渠道交给本人；此密码关闭后不再显示，系统管理员也看不到。</Typography.Text>
            </div>
          ),
          okText: '知道了',
        });
      else message.success(decision === 'approve' ? `已批准：${a.kindLabel} ${a.user.username}` : `已拒绝：${a.kindLabel} ${a.user.username}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page">
      <PageHeader title="账号审批" />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="市总工会、县区工会、基层工会账号可以查看完整的身份证号。系统管理员新建此类账号、重置其密码或重新启用时，须经市总工会审批后才生效；初始密码只显示给审批人。"
      />
      <Card>
        {approvals.error ? <Alert type="error" message={errorMessage(approvals.error)} /> : null}
        <Table<ApprovalItem>
          id="approval-table"
          rowKey="id"
          loading={approvals.isFetching}
          dataSource={approvals.data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: '没有待审批的申请' }}
          columns={[
            { title: '申请事项', dataIndex: 'kindLabel', width: 100 },
            { title: '用户', key: 'user', render: (_, a) => `${a.user.displayName}（${a.user.username}）` },
            { title: '角色', key: 'role', width: 100, render: (_, a) => a.user.roleLabel },
            { title: '所属组织', key: 'org', render: (_, a) => a.user.orgName },
            { title: '申请人', dataIndex: 'requestedBy', width: 110 },
            { title: '申请时间', dataIndex: 'requestedAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
            {
              title: '操作', key: 'op', width: 140,
              render: (_, a) => (
                <Space>
                  <Button type="link" size="small" loading={busy === a.id} onClick={() => void decide(a, 'approve')}>批准</Button>
                  <Button type="link" size="small" danger disabled={busy === a.id} onClick={() => void decide(a, 'refuse')}>拒绝</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
