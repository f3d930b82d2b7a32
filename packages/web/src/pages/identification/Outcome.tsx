// One file's identification outcome in a few words, and old → new for the what-if and the
// re-identification job's list of changed files.
import { useLocation } from 'react-router';
import { Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { outcomeText } from '../../lib/identification';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import './identification.css';

export function OutcomeTag({ eligible, category }: { eligible: boolean | null; category: string | null }) {
  const color = eligible === true ? 'success' : eligible === false ? 'error' : 'warning';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {outcomeText(eligible, category)}
    </Tag>
  );
}

export interface ChangedFileRow {
  id: number;
  workerNo: string;
  name: string;
  regionName: string;
  oldEligible: boolean | null;
  oldCategory: string | null;
  newEligible: boolean | null;
  newCategory: string | null;
}

/** 职工编号 (link), 姓名, 地区, 原结果 → 新结果. */
export function ChangedFilesTable({ rows, testId, pageSize = 10 }: { rows: ChangedFileRow[]; testId?: string; pageSize?: number }) {
  const location = useLocation();
  const from = location.pathname + location.search;
  const columns: TableProps<ChangedFileRow>['columns'] = [
    {
      title: '职工编号',
      dataIndex: 'workerNo',
      key: 'workerNo',
      render: (v: string, r) => <WorkerNoLink id={r.id} workerNo={v} from={from} />,
    },
    { title: '姓名', dataIndex: 'name', key: 'name' },
    { title: '地区', dataIndex: 'regionName', key: 'regionName' },
    {
      title: '原结果 → 新结果',
      key: 'change',
      render: (_: unknown, r) => (
        <span className="outcome-change">
          <OutcomeTag eligible={r.oldEligible} category={r.oldCategory} />
          <ArrowRightOutlined className="outcome-arrow" aria-label="变为" />
          <OutcomeTag eligible={r.newEligible} category={r.newCategory} />
        </span>
      ),
    },
  ];
  return (
    <div data-testid={testId}>
    <Table<ChangedFileRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      locale={{ emptyText: '没有识别结果变化的档案' }}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false, showTotal: (t) => `共 ${t} 户`, size: 'small' } : false}
    />
    </div>
  );
}
