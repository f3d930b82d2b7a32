// 工作进度: the campaign's progress table. The city sees the regions (a region's name opens its
// units, ?region=H01 in the URL); a county union sees its units directly, as does a working group's
// page for its county. Units not started are marked; every number opens the files it counts; the
// deadline the 上报状态 is for is named; 导出Excel downloads the table as shown (level and region).
// 截至日期 (?asOf= in the URL) shows the table as it stood at the end of a past day.
import type { ReactNode } from 'react';
import { useParamsUpdate } from '../../../lib/useParamsUpdate';
import { Alert, Breadcrumb, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { todayInChina } from '@bangfu/core';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadProgress, type ProgressItem, type ProgressQuery } from '../../../api/campaigns';
import { useProgress } from '../../../api/queries/campaigns';
import { errorMessage } from '../../../api/request';
import { ReloadButton } from '../../../components/list/ListParts';
import { TotalRow } from '../../../components/TableCard';
import { useDownload } from '../../../lib/useDownload';
import { progressColumns, totalCells } from '../progressColumns';
import { daysLeftText } from '../campaignText';

interface Props {
  campaignId: string;
  /** a county or grassroots union (its own region), a working group's page (its county): that region's units, no choice */
  ownRegion: string | null;
  regionName: (code: string) => string;
  /** a line above the table (e.g. which campaign a working group's page follows) */
  note?: ReactNode;
}

export function ProgressCard({ campaignId, ownRegion, regionName, note }: Props) {
  const [params, update] = useParamsUpdate();
  const chosen = params.get('region');
  const parentCode = ownRegion ?? (chosen && /^H\d{2}$/.test(chosen) ? chosen : null);
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) && asOfParam < todayInChina() ? asOfParam : undefined;
  const query: ProgressQuery = { ...(parentCode ? { level: 'unit', parentCode } : { level: 'region' }), ...(asOf ? { asOf } : {}) };
  const q = useProgress(campaignId, query);
  const p = q.data;
  const { busy, download } = useDownload();
  const onExport = () => download('正在生成进度表…', () => downloadProgress(campaignId, query), (name) => `已导出 ${name}`);
  const setParam = (key: string, value: string | null) => update({ [key]: value ?? '' });
  const openRegion = (code: string | null) => setParam('region', code);
  const columns = p ? progressColumns(p, { onOpenRegion: ownRegion ? undefined : (c) => openRegion(c) }) : [];
  const cells = p ? totalCells(p) : [];

  return (
    <Card
      variant="borderless"
      className="table-card campaign-section"
      id="campaign-progress"
      title="工作进度"
      extra={
        <Space wrap>
          <DatePicker
            id="progress-as-of"
            placeholder="截至日期（默认今天）"
            value={asOf ? dayjs(asOf, 'YYYY-MM-DD') : null}
            disabledDate={(d) => d.format('YYYY-MM-DD') >= todayInChina()}
            onChange={(d) => setParam('asOf', d ? d.format('YYYY-MM-DD') : null)}
            style={{ width: 180 }}
          />
          <Button icon={<DownloadOutlined />} id="progress-export" loading={busy} onClick={onExport} disabled={!p}>
            导出Excel
          </Button>
          <ReloadButton onClick={() => void q.refetch()} />
        </Space>
      }
    >
      {note}
      {!ownRegion && parentCode && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[{ title: <a onClick={() => openRegion(null)} id="progress-back">全市</a> }, { title: regionName(parentCode) }]}
        />
      )}
      {q.error != null && (
        <Alert type="error" showIcon message="工作进度加载失败" description={errorMessage(q.error)} action={<Button onClick={() => void q.refetch()}>重试</Button>} style={{ marginBottom: 12 }} />
      )}
      <Table<ProgressItem>
        id="progress-table"
        className="progress-table"
        size="small"
        bordered
        rowKey={(r) => `${r.kind}:${r.orgCode}`}
        loading={q.isFetching}
        dataSource={p?.items ?? []}
        columns={columns}
        pagination={(p?.items.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.started ? '' : 'progress-row-idle')}
        locale={{ emptyText: q.isFetching ? '正在加载…' : '暂无数据' }}
        summary={() =>
          p && p.items.length > 0 ? (
            <Table.Summary>
              <TotalRow cells={cells} testId="progress-total-row" />
            </Table.Summary>
          ) : null
        }
      />
      {p && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {p.asOf && (
            <Typography.Text strong id="progress-as-of-note">
              截至 {p.asOf} 日终的回溯统计：按各户提交、审核同意、建档、剔除或脱困的日期推算当天的状态（之后退回或重新纳入的，以现状推算）。{' '}
            </Typography.Text>
          )}
          {p.deadline && `上报状态为“${p.deadline.label}”（${p.deadline.dueDate} 截止，${daysLeftText(p.deadline.daysLeft)}）的状态。`}统计 {p.year} 年度填表的档案；本周新增为 {p.weekStart} 以来{p.asOf ? `至 ${p.asOf} ` : ''}新录入的档案；建档率 = 已建档 ÷ 在册档案；覆盖率 = 档案数 ÷ 原数据库户数。点击数字可查看对应档案。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
