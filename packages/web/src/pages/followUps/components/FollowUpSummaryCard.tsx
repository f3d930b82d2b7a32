// 年度回访统计: a year's exits per region, the visits whose day has come and those made, overdue,
// stable and fallen-back households, with the 合计 of the server's totals.
import { Typography } from 'antd';
import { useFollowUpSummary } from '../../../api/queries/followUps';
import { LoadError } from '../../../components/list/ListParts';
import TableCard, { totalCells } from '../../../components/TableCard';
import { YearSelect } from '../../../components/YearSelect';
import { pct } from '../../assistance/summaryColumns';
import { summaryColumns } from '../followUpColumns';

export function FollowUpSummaryCard({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const q = useFollowUpSummary(year);
  const d = q.data;
  const t = d?.total;
  const cells = t ? totalCells(summaryColumns, { ...t, doneRate: pct(t.visitsDone, t.visitsDue), returnRate: pct(t.returns, t.exits) }) : null;
  return (
    <TableCard
      title="年度回访统计"
      id="follow-up-summary"
      cardStyle={{ marginTop: 12 }}
      extra={<YearSelect id="follow-up-summary-year" value={year} onChange={onYear} ariaLabel="统计年度" />}
      rowKey="regionCode"
      columns={summaryColumns}
      dataSource={d?.regions ?? []}
      loading={q.isFetching}
      scroll={{ x: 'max-content' }}
      total={d && d.regions.length > 1 ? cells : null}
      totalTestId="follow-up-summary-total"
      locale={{ emptyText: `${year} 年没有脱困的家庭` }}
      before={<LoadError error={q.error} title="回访统计加载失败" onRetry={() => void q.refetch()} />}
      after={
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          按脱困日期所在年度统计（含回访发现返困后重新纳入的家庭）；应回访次数为计划日期已到的回访次数；返困率 = 返困户数 ÷ 脱困户数。
        </Typography.Paragraph>
      }
    />
  );
}
