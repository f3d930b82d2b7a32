// The progress table's columns (单位 … 上报状态): each number links to the household list of
// exactly the files it counts (core's progressFilter); the 合计 row takes its cells from the same
// definitions, so a column and its total never drift apart.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Tag, Tooltip, Typography } from 'antd';
import type { ProgressMeasure } from '@bangfu/core';
import type { ProgressItem, ProgressResponse } from '../../api/campaigns';
import { progressHref } from '../../lib/householdLinks';
import { rateText } from './campaignText';
import { SubmissionStateTag } from './components/SubmissionTags';

export type Counts = ProgressResponse['totals'];
type Row = ProgressItem;

interface Measure {
  key: string;
  title: string;
  /** the row's cell; `item` null: the 合计 row */
  cell: (c: Counts, item: Row | null) => ReactNode;
  width?: number;
}

function Num({ n, href, testId }: { n: number; href: string; testId: string }) {
  if (n === 0) return <span className="progress-zero num">0</span>;
  return (
    <Link to={href} className="num" data-measure={testId}>
      {n.toLocaleString('zh-CN')}
    </Link>
  );
}

/** The measures after 单位, in the table's order. */
export function progressMeasures(p: ProgressResponse): Measure[] {
  const link = (m: ProgressMeasure, n: (c: Counts) => number, title: string): Measure => ({
    key: m,
    title,
    cell: (c, item) => <Num n={n(c)} href={progressHref(p, item, m)} testId={m} />,
  });
  return [
    link('total', (c) => c.total, '档案数'),
    link('draft', (c) => c.byStatus.draft, '草稿'),
    link('submitted', (c) => c.byStatus.submitted, '待单位审核'),
    link('unitApproved', (c) => c.byStatus.unitApproved, '待市总审核'),
    link('filed', (c) => c.byStatus.filed, '已建档'),
    link('removed', (c) => c.byStatus.removed, '剔除'),
    link('exited', (c) => c.byStatus.exited, '脱困'),
    link('newThisWeek', (c) => c.newThisWeek, '本周新增'),
    { key: 'filedRate', title: '建档率', cell: (c) => <span className="num">{rateText(c.filedRate)}</span> },
    { key: 'baseline', title: '原数据库户数', cell: (c) => <span className="num">{c.baseline === null ? '—' : c.baseline.toLocaleString('zh-CN')}</span> },
    { key: 'coverage', title: '覆盖率', cell: (c) => <span className="num">{rateText(c.coverage)}</span> },
    // as of a past day the oldest waiting and the returns are not known: the files under review that day instead
    ...(p.asOf ? [link('waiting', (c) => c.waiting, '审核中')] : ([{
      key: 'oldestWaitingDays',
      title: '待审核最久(天)',
      cell: (c, item) =>
        c.oldestWaitingDays === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Tooltip title={`审核中 ${c.waiting} 户，点击查看`}>
            <Link to={progressHref(p, item, 'waiting')} className="num" data-measure="waiting">
              <Typography.Text type={c.oldestWaitingDays > 7 ? 'danger' : undefined}>{c.oldestWaitingDays}</Typography.Text>
            </Link>
          </Tooltip>
        ),
    }, link('returned', (c) => c.returned ?? 0, '退回未重报')] as Measure[])),
  ];
}

interface Options {
  /** city view: a region's name opens its units */
  onOpenRegion?: (code: string) => void;
}

function OrgCell({ r, onOpenRegion }: { r: Row; onOpenRegion?: (code: string) => void }) {
  const name =
    r.kind === 'region' && onOpenRegion ? (
      <Button type="link" size="small" onClick={() => onOpenRegion(r.orgCode)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} data-region={r.orgCode}>
        {r.orgName}
      </Button>
    ) : (
      <span>{r.orgName}</span>
    );
  return (
    <span className="progress-org" data-org={r.orgCode}>
      {name}
      {r.largeEnterprise && <Tag style={{ marginInlineEnd: 0 }}>大中型</Tag>}
      {!r.started && (
        <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid="not-started">
          未开始
        </Tag>
      )}
    </span>
  );
}

export function progressColumns(p: ProgressResponse, { onOpenRegion }: Options = {}) {
  return [
    { title: '单位', key: 'org', fixed: 'left' as const, render: (_: unknown, r: Row) => <OrgCell r={r} onOpenRegion={onOpenRegion} /> },
    ...progressMeasures(p).map((m) => ({ title: m.title, key: m.key, align: 'right' as const, render: (_: unknown, r: Row) => m.cell(r, r) })),
    {
      title: '上报状态',
      key: 'submission',
      render: (_: unknown, r: Row) =>
        r.submission ? <SubmissionStateTag state={r.submission.status} onTime={r.submission.onTime} /> : <Typography.Text type="secondary">{r.required ? '—' : '无需上报'}</Typography.Text>,
    },
  ];
}

/** The 合计 row's cells after its label: the measures, then an empty 上报状态. */
export function totalCells(p: ProgressResponse): ReactNode[] {
  return [...progressMeasures(p).map((m) => m.cell(p.totals, null)), ''];
}
