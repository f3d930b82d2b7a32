// The figures on top of 帮扶统计: the regions' totals.
import { useMemo } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import type { AssistanceSummary } from '../../../api/assistance';
import { moneyText } from '../assistanceParts';
import { pct } from '../summaryColumns';

export type SummaryTotals = ReturnType<typeof totalsOf>;

function totalsOf(data: AssistanceSummary | undefined) {
  const t = { households: 0, assisted: 0, records: 0, visits: 0, money: 0, solved: 0, metTarget: 0, overdue: 0 };
  for (const r of data?.regions ?? []) {
    t.households += r.households;
    t.assisted += r.assisted;
    t.records += r.records;
    t.visits += r.visits;
    t.money += Math.round(r.money * 100);
    t.solved += r.solved;
    t.metTarget += r.metTarget;
    t.overdue += r.overdue;
  }
  return { ...t, money: t.money / 100 };
}

export function useSummaryTotals(data: AssistanceSummary | undefined): SummaryTotals {
  return useMemo(() => totalsOf(data), [data]);
}

export function SummaryFigures({ totals, loading }: { totals: SummaryTotals; loading: boolean }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {[
        { t: '建档户数', v: totals.households },
        { t: '已帮扶户数', v: totals.assisted, s: pct(totals.assisted, totals.households) },
        { t: '帮扶次数', v: totals.records },
        { t: '帮扶金额（元）', v: moneyText(totals.money) },
        { t: '达标户数', v: totals.metTarget, s: pct(totals.metTarget, totals.households) },
        { t: '超期未走访', v: totals.overdue, danger: totals.overdue > 0 },
      ].map((x) => (
        <Col key={x.t} xs={12} sm={8} xl={4}>
          <Card variant="borderless" size="small">
            <Statistic title={x.t} value={x.v} loading={loading} valueStyle={x.danger ? { color: '#cf1322' } : undefined} suffix={x.s ? <span style={{ fontSize: 13, color: 'rgba(0,0,0,.45)' }}>{x.s}</span> : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
