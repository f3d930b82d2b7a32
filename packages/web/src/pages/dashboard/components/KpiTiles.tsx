// The 工作台's figures: 档案总数, 已建档, 待审核, 已剔除, 已脱困, 本年帮扶记录, 解决问题; each one
// opens the list (or 帮扶统计) that gives it.
import { Link } from 'react-router';
import { Card, Statistic } from 'antd';
import type { Dashboard } from '../../../api/campaigns';
import { kpiHref, type KpiKey } from '../dashboardLinks';

const TILES: { key: KpiKey; title: string; color?: string }[] = [
  { key: 'files', title: '档案总数' },
  { key: 'filed', title: '已建档', color: '#389e0d' },
  { key: 'waiting', title: '待审核', color: '#1677ff' },
  { key: 'removed', title: '已剔除', color: '#8c8c8c' },
  { key: 'exited', title: '已脱困', color: '#08979c' },
  { key: 'records', title: '本年帮扶记录' },
  { key: 'solved', title: '解决问题' },
];

interface Props {
  data: Pick<Dashboard, 'year' | 'scope' | 'kpis' | 'today'>;
  /** the user may open 帮扶统计 */
  assistance: boolean;
}

export function KpiTiles({ data, assistance }: Props) {
  return (
    <div className="kpi-tiles" id="dashboard-kpis">
      {TILES.map((t) => {
        const href = kpiHref(data, t.key, assistance);
        const stat = <Statistic title={t.title} value={data.kpis[t.key]} valueStyle={t.color ? { color: t.color } : undefined} groupSeparator="," />;
        return (
          <Card key={t.key} variant="borderless" size="small" className="kpi-tile" data-kpi={t.key}>
            {href ? (
              <Link to={href} className="kpi-link" aria-label={`${t.title} ${data.kpis[t.key]}，查看明细`}>
                {stat}
              </Link>
            ) : (
              stat
            )}
          </Card>
        );
      })}
    </div>
  );
}
