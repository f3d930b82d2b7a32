// The household list's columns: sortable 职工编号, 人均年收入, 填报日期 and 更新时间 (the sort lives
// in the URL), the identification result, and 查看 / 编辑.
import { Link } from 'react-router';
import { Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { FLAG_LABELS, type IdentifyFlag } from '@bangfu/core';
import type { HouseholdListItem, SortKey } from '../../api/households';
import type { Role } from '../../lib/access';
import { canEditListed } from '../../lib/access';
import { dateText, yuanText } from '../../lib/format';
import { FLAG_SHORT_LABELS } from '../../lib/identification';
import { SuggestedCategory, WorkerNoLink } from '../../components/HouseholdColumns';
import { CategoryTag, EligibleBadge, StatusBadge, WarningCountTag } from '../../components/Tags';
import type { ListState } from './listQuery';

/** Files no longer on the books: their identification result is not shown. */
const CLOSED = new Set<string>(['removed', 'exited']);

// Clicking a sorted header flips the order; it never drops back to "unsorted" (the server
// always sorts, by 更新时间 descending unless told otherwise).
const ASC_FIRST: ('ascend' | 'descend')[] = ['ascend', 'descend', 'ascend'];
const DESC_FIRST: ('ascend' | 'descend')[] = ['descend', 'ascend', 'descend'];

function FlagTags({ flags }: { flags: IdentifyFlag[] | undefined }) {
  if (!flags || !flags.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="flag-tags">
      {flags.map((f) => (
        <Tooltip key={f} title={FLAG_LABELS[f] ?? f}>
          <Tag color={f === 'noLine' ? 'default' : 'warning'} data-flag={f}>
            {FLAG_SHORT_LABELS[f] ?? f}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

interface Options {
  state: ListState;
  from: string;
  role: Role;
  regionName: (code: string) => string;
}

export function householdColumns({ state, from, role, regionName }: Options): TableProps<HouseholdListItem>['columns'] {
  const sortable = (k: SortKey, directions: ('ascend' | 'descend')[]) => ({
    sorter: true,
    sortDirections: directions,
    sortOrder: state.sortKey === k ? (state.sortOrder === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
  });
  return [
    {
      title: '职工编号',
      className: 'col-worker-no',
      dataIndex: 'workerNo',
      key: 'workerNo',
      ...sortable('workerNo', ASC_FIRST),
      render: (v: string, r) => <WorkerNoLink id={r.id} workerNo={v} from={from} />,
    },
    {
      title: '姓名',
      dataIndex: 'name',
      key: 'name',
      // the table sizes to its content: a long name wraps in a narrow cell so that 操作 stays on screen
      render: (v: string) => (
        <span className="cell-wrap" title={v}>
          {v}
        </span>
      ),
    },
    // below 1600 px the table would scroll under its sticky 操作 column (填报日期 showed "2016-0"):
    // 性别, 家庭人口, 更新时间 and 数据提示 give way there; the file itself has them
    { title: '性别', dataIndex: 'gender', key: 'gender', align: 'center', responsive: ['xxl'] },
    { title: '身份证号', dataIndex: 'idNumber', key: 'idNumber', render: (v: string) => <span className="num">{v}</span> },
    {
      title: '地区',
      dataIndex: 'regionName',
      key: 'regionName',
      render: (v: string, r) => {
        const name = v || regionName(r.regionCode);
        return (
          <span className="cell-wrap" title={name}>
            {name}
          </span>
        );
      },
    },
    { title: '困难类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryTag value={v} /> },
    { title: '家庭人口', dataIndex: 'householdSize', key: 'householdSize', align: 'right', responsive: ['xxl'] },
    {
      // short, so that the list fits a laptop; the file says 家庭年人均收入
      title: '人均收入(元)',
      dataIndex: 'perCapitaIncome',
      key: 'perCapitaIncome',
      align: 'right',
      ...sortable('perCapitaIncome', ASC_FIRST),
      render: (v: number) => <span className="num">{yuanText(v)}</span>,
    },
    {
      title: '识别结果',
      dataIndex: 'eligible',
      key: 'eligible',
      render: (v: boolean | null, r) => (
        <span data-testid="list-eligible" data-eligible={v === null ? 'unknown' : String(v)}>
          {CLOSED.has(r.status) ? <Typography.Text type="secondary">—</Typography.Text> : <EligibleBadge value={v} />}
        </span>
      ),
    },
    { title: '建议类别', dataIndex: 'suggestedCategory', key: 'suggestedCategory', render: (v: string | null, r) => <SuggestedCategory value={v} eligible={r.eligible} /> },
    { title: '识别提示', dataIndex: 'flags', key: 'flags', render: (flags: IdentifyFlag[] | undefined) => <FlagTags flags={flags} /> },
    { title: '填报日期', dataIndex: 'fillDate', key: 'fillDate', ...sortable('fillDate', DESC_FIRST), render: (v: string) => <span className="nowrap-cell">{dateText(v)}</span> },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', ...sortable('updatedAt', DESC_FIRST), render: (v: string) => dateText(v), responsive: ['xxl'] },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      // a returned draft says so: the filer finds it in the list, not only on its page
      render: (v: HouseholdListItem['status'], r) =>
        r.returned ? (
          <span data-testid="list-returned">
            <StatusBadge value={v} />
            <Tag color="warning" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>已退回</Tag>
          </span>
        ) : (
          <StatusBadge value={v} />
        ),
    },
    { title: '数据提示', dataIndex: 'warningCount', key: 'warningCount', align: 'center', render: (n: number) => <WarningCountTag value={n} />, responsive: ['xxl'] },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) => (
        // 职工编号 already opens the file: 查看 only where there is no 编辑 (one link fits a laptop)
        canEditListed(role, r.status) ? (
          <Link to={`/households/${r.id}/edit`} state={{ from }} aria-label={`编辑 ${r.name} 的档案`}>
            编辑
          </Link>
        ) : (
          <Link to={`/households/${r.id}`} state={{ from }} aria-label={`查看 ${r.name} 的档案`}>
            查看
          </Link>
        )
      ),
    },
  ];
}
