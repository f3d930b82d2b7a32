// The detail page's 帮扶 sections, below the sheet: 帮扶计划 (因户施策), 帮扶责任人 and 帮扶记录
// (常态帮扶). Shown for filed files, and for exited ones (whose records still grow); what a user
// may change comes from lib/access.ts.
import { useState } from 'react';
import { Alert, Button, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
import { YEARLY_SOLVED_TARGET, todayInChina } from '@bangfu/core';
import type { AssistanceRecord } from '../../api/assistance';
import { assistanceKeys, useMeasures, usePlan, useRecords, useResponsibility, useSetData } from '../../api/queries/assistance';
import type { HouseholdFile } from '../../api/households';
import { errorMessage } from '../../api/request';
import { assistanceActions } from '../../lib/access';
import { isMoneyType, solvedInYear } from '../../lib/assistance';
import { dateText, dateTimeText } from '../../lib/format';
import { useSessionUser } from '../../lib/session';
import AssistanceRecordModal from './AssistanceRecordModal';
import PlanCard from './PlanCard';
import ResponsibilityCard from './ResponsibilityCard';
import { moneyText } from './assistanceParts';
import './assistance.css';

export default function HouseholdAssistance({ file }: { file: HouseholdFile }) {
  const user = useSessionUser();
  const id = String(file.id);
  const plan = usePlan(id);
  const resp = useResponsibility(id);
  const records = useRecords(id);
  const catalog = useMeasures();
  const setData = useSetData();
  const [recording, setRecording] = useState(false);
  const screens = Grid.useBreakpoint();

  const acts = assistanceActions(user, { status: file.status, regionCode: file.regionCode, unitId: file.unitId }, resp.data?.cadre?.username);
  const year = Number(todayInChina().slice(0, 4));
  const items = records.data?.items ?? [];
  const solved = solvedInYear(items, year);
  const met = solved >= YEARLY_SOLVED_TARGET;

  const columns: TableProps<AssistanceRecord>['columns'] = [
    { title: '日期', dataIndex: 'date', width: 110, render: (v: string) => dateText(v) },
    { title: '类型', dataIndex: 'type', width: 96, render: (v: string) => <Tag color={isMoneyType(v) ? 'volcano' : 'blue'}>{v}</Tag> },
    { title: '金额（元）', dataIndex: 'amount', width: 110, align: 'right', render: (v: number | null) => moneyText(v) },
    {
      title: '帮扶内容',
      dataIndex: 'description',
      render: (v: string, r) => (
        <div className="record-desc">
          {v}
          {!screens.md && (
            <div>
              <Typography.Text type="secondary">{r.recordedBy}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: '解决实际问题',
      dataIndex: 'solvedProblem',
      width: 110,
      align: 'center',
      render: (v: boolean) => (v ? <Tag color="success">是</Tag> : <Typography.Text type="secondary">否</Typography.Text>),
    },
    {
      title: '记录人',
      key: 'by',
      width: 160,
      responsive: ['md'],
      render: (_, r) => (
        <Typography.Text type="secondary" className="nowrap-cell">
          {r.recordedBy} · {dateTimeText(r.recordedAt)}
        </Typography.Text>
      ),
    },
  ];

  const phone = !screens.md;

  return (
    <section className="household-assistance no-print" aria-label="帮扶">
      <ResponsibilityCard householdId={file.id} data={resp.data} error={resp.error} reload={() => void resp.refetch()} onSaved={(r) => setData(assistanceKeys.responsibility(id), r)} canEdit={acts.editResponsibility} />
      <PlanCard
        householdId={file.id}
        plan={plan.data}
        loading={plan.isFetching}
        error={plan.error}
        reload={() => void plan.refetch()}
        onSaved={(p) => setData(assistanceKeys.plan(id), p)}
        catalog={catalog.data?.items ?? []}
        canEdit={acts.editPlan}
      />
      <Card
        className="assist-card"
        variant="borderless"
        id="household-records"
        title={
          <Space size={12} wrap>
            <span>帮扶记录（常态帮扶）</span>
            <span data-testid="solved-this-year" data-count={solved} data-met={met ? 'true' : 'false'} className="solved-this-year">
              {met ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : null} 本年解决实际问题{' '}
              <Typography.Text strong type={met ? 'success' : 'warning'}>
                {solved}
              </Typography.Text>{' '}
              个<Typography.Text type="secondary">（目标 {YEARLY_SOLVED_TARGET} 个）</Typography.Text>
            </span>
          </Space>
        }
        extra={
          acts.record ? (
            <Button id="assistance-new" type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} size={phone ? 'large' : 'middle'}>
              记录帮扶
            </Button>
          ) : null
        }
      >
        {file.status === 'exited' && (
          <Alert type="info" showIcon message="该户已脱困，仍可继续记录走访和帮扶（防止返困）。" style={{ marginBottom: 12 }} />
        )}
        {records.error && !records.data ? (
          <Alert type="error" showIcon message="帮扶记录加载失败" description={errorMessage(records.error)} action={<Button size="small" onClick={() => void records.refetch()}>重试</Button>} />
        ) : (
          <Table<AssistanceRecord>
            id="assistance-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={records.isFetching && !records.data}
            pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无帮扶记录' }}
          />
        )}
      </Card>
      <AssistanceRecordModal
        open={recording}
        household={file}
        onClose={() => setRecording(false)}
        onSaved={(r) => setData(assistanceKeys.records(id), { items: [r, ...items].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id) })}
      />
    </section>
  );
}
