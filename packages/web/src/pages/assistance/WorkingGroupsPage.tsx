// /working-groups — 工作组: seven groups, each led by a 市总领导 and linked to one county union,
// with the county's progress this year; the city union edits names and leaders.
import { useState } from 'react';
import { Alert, App, Button, Input, Progress, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import { saveWorkingGroups, type WorkingGroup } from '../../api/assistance';
import { assistanceKeys, useSetData, useWorkingGroups } from '../../api/queries/assistance';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import TableCard from '../../components/TableCard';
import { useAccess } from '../../lib/session';
import './assistance.css';

interface Draft {
  name: string;
  leaderUsername: string;
}

export default function WorkingGroupsPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const q = useWorkingGroups();
  const setData = useSetData();
  const [draft, setDraft] = useState<Record<string, Draft> | null>(null);
  const [errors, setErrors] = useState<Record<string, Partial<Record<'name' | 'leaderUsername', string>>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = q.data?.items ?? [];
  const editing = draft !== null;

  function startEdit() {
    setDraft(Object.fromEntries(items.map((g) => [g.regionCode, { name: g.name, leaderUsername: g.leader?.username ?? '' }])));
    setErrors({});
    setFormError(null);
  }

  function patch(code: string, p: Partial<Draft>) {
    setDraft((d) => d && { ...d, [code]: { ...d[code], ...p } });
    setErrors((es) => ({ ...es, [code]: {} }));
  }

  async function save() {
    if (!draft) return;
    const groups = items.map((g) => ({ regionCode: g.regionCode, name: draft[g.regionCode].name.trim(), leaderUsername: draft[g.regionCode].leaderUsername.trim() || null }));
    setBusy(true);
    setFormError(null);
    try {
      setData(assistanceKeys.groups, await saveWorkingGroups(groups));
      message.success('工作组已保存');
      setDraft(null);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const next: typeof errors = {};
        const other: string[] = [];
        for (const fe of e.fieldErrors) {
          const m = /^groups\[(\d+)\]\.(name|leaderUsername|regionCode)$/.exec(fe.path);
          const code = m ? groups[Number(m[1])]?.regionCode : undefined;
          if (m && code && m[2] !== 'regionCode') (next[code] ??= {})[m[2] as 'name'] = fe.message;
          else other.push(fe.message);
        }
        setErrors(next);
        setFormError(other.length ? other.join('；') : '请按提示修改');
      } else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const err = (t?: string) => (t ? <div className="plan-field-error">{t}</div> : null);

  const columns: TableProps<WorkingGroup>['columns'] = [
    { title: '联系地区', dataIndex: 'regionName', width: 110 },
    {
      title: '工作组',
      dataIndex: 'name',
      render: (v: string, g) =>
        editing ? (
          <>
            <Input id={`groups_${g.regionCode}_name`} value={draft[g.regionCode]?.name} onChange={(e) => patch(g.regionCode, { name: e.target.value })} maxLength={64} status={errors[g.regionCode]?.name ? 'error' : undefined} />
            {err(errors[g.regionCode]?.name)}
          </>
        ) : (
          v
        ),
    },
    {
      title: '带队市总领导',
      key: 'leader',
      width: 220,
      render: (_, g) =>
        editing ? (
          <>
            <Input
              id={`groups_${g.regionCode}_leaderUsername`}
              value={draft[g.regionCode]?.leaderUsername}
              onChange={(e) => patch(g.regionCode, { leaderUsername: e.target.value })}
              placeholder="市总领导的用户名"
              allowClear
              status={errors[g.regionCode]?.leaderUsername ? 'error' : undefined}
            />
            {err(errors[g.regionCode]?.leaderUsername)}
          </>
        ) : g.leader ? (
          <span>{g.leader.displayName}</span>
        ) : (
          <Typography.Text type="secondary">未确定</Typography.Text>
        ),
    },
    { title: '建档户数', dataIndex: 'filed', width: 90, align: 'right' },
    { title: '本年已帮扶户数', dataIndex: 'assistedThisYear', width: 120, align: 'right' },
    { title: '本年帮扶次数', dataIndex: 'recordsThisYear', width: 110, align: 'right' },
    {
      title: '帮扶覆盖',
      key: 'progress',
      width: 160,
      render: (_, g) => <Progress percent={g.filed ? Math.round((g.assistedThisYear * 100) / g.filed) : 0} size="small" />,
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title="工作组"
        subTitle={q.data ? `${q.data.year} 年 · 市总领导带队，分别联系七个县（市、区）工会` : undefined}
        extra={
          access.canEditGroups &&
          (editing ? (
            <Space>
              <Button onClick={() => setDraft(null)} disabled={busy}>
                取消
              </Button>
              <Button id="groups-save" type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()}>
                保存
              </Button>
            </Space>
          ) : (
            <Button id="groups-edit" icon={<EditOutlined />} onClick={startEdit} disabled={!q.data}>
              编辑
            </Button>
          ))
        }
      />
      {q.error != null && !q.data && <Alert type="error" showIcon message="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
      <TableCard<WorkingGroup> id="groups-table" rowKey="regionCode" size="middle" columns={columns} dataSource={items} loading={q.isFetching} scroll={{ x: 'max-content' }}
        onRow={(g) => ({ 'data-region': g.regionCode }) as React.HTMLAttributes<HTMLElement>} />
    </div>
  );
}
