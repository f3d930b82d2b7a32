// The review queue's columns: who, what the file says and what identification found, 审核.
import { Link } from 'react-router';
import type { TableProps } from 'antd';
import type { HouseholdListItem } from '../../api/households';
import { SuggestedCategory, identityColumns } from '../../components/HouseholdColumns';
import { CategoryTag, EligibleBadge, StatusBadge, WarningCountTag } from '../../components/Tags';
import { dateText, dateTimeText, yuanText } from '../../lib/format';

export function reviewColumns(from: string, regionName: (code: string) => string): TableProps<HouseholdListItem>['columns'] {
  return [
    ...identityColumns<HouseholdListItem>({ idOf: (r) => r.id, from, regionName }),
    { title: '困难类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryTag value={v} /> },
    { title: '家庭人口', dataIndex: 'householdSize', key: 'householdSize', align: 'right', responsive: ['xxl'] },
    { title: '人均年收入(元)', dataIndex: 'perCapitaIncome', key: 'perCapitaIncome', align: 'right', render: (v: number) => <span className="num">{yuanText(v)}</span> },
    { title: '识别结果', dataIndex: 'eligible', key: 'eligible', render: (v: boolean | null) => <EligibleBadge value={v} /> },
    {
      title: '建议类别',
      dataIndex: 'suggestedCategory',
      key: 'suggestedCategory',
      render: (v: string | null, r) => <SuggestedCategory value={v} eligible={r.eligible} />,
    },
    {
      title: '数据提示',
      dataIndex: 'warningCount',
      key: 'warningCount',
      align: 'center',
      render: (n: number) => <WarningCountTag value={n} />,
    },
    { title: '填报日期', dataIndex: 'fillDate', key: 'fillDate', render: (v: string) => <span className="nowrap-cell">{dateText(v)}</span> },
    { title: '提交时间', dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => <span className="nowrap-cell">{dateTimeText(v)}</span>, responsive: ['xxl'] },
    // every row of a queue has the same status (its title says it): shown on wide screens only
    { title: '状态', dataIndex: 'status', key: 'status', render: (v: HouseholdListItem['status']) => <StatusBadge value={v} />, responsive: ['xxl'] },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) => (
        <Link to={`/households/${r.id}`} state={{ from }} data-testid="review-row-open" aria-label={`审核 ${r.name} 的档案`}>
          审核
        </Link>
      ),
    },
  ];
}
