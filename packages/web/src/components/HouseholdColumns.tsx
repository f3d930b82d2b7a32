// The columns every household table starts with (职工编号 as a link to the file, 姓名, 身份证号 as
// the server masked it, 地区), written once for the lists, queues and summaries.
import { Link } from 'react-router';
import { Typography, type TableColumnType } from 'antd';
import { CategoryTag } from './Tags';

/** 职工编号 linking to the file; `from` lets the file's back button return to this page. */
export function WorkerNoLink({ id, workerNo, from }: { id: number; workerNo: string; from?: string }) {
  return (
    <Link to={`/households/${id}`} state={from === undefined ? undefined : { from }} className="num">
      {workerNo}
    </Link>
  );
}

interface IdentityRow {
  workerNo: string;
  name: string;
  idNumber: string;
  regionCode: string;
  regionName?: string;
}

/** 职工编号 · 姓名 · 身份证号 · 地区, as the review queue and the removal proposals show them. */
export function identityColumns<T extends IdentityRow>(opts: { idOf: (r: T) => number; from: string; regionName: (code: string) => string }): TableColumnType<T>[] {
  return [
    { title: '职工编号', className: 'col-worker-no', dataIndex: 'workerNo', key: 'workerNo', render: (v: string, r) => <WorkerNoLink id={opts.idOf(r)} workerNo={v} from={opts.from} /> },
    { title: '姓名', dataIndex: 'name', key: 'name', render: (v: string) => <span className="cell-wrap">{v}</span> },
    { title: '身份证号', dataIndex: 'idNumber', key: 'idNumber', render: (v: string) => <span className="num">{v}</span> },
    {
      title: '地区',
      dataIndex: 'regionName',
      key: 'regionName',
      render: (v: string, r) => {
        const name = v || opts.regionName(r.regionCode);
        return (
          <span className="cell-wrap" title={name}>
            {name}
          </span>
        );
      },
    },
  ];
}

/** 建议类别: the category identification suggests, 无 when it found none, — before it ran. */
export function SuggestedCategory({ value, eligible }: { value: string | null; eligible: boolean | null }) {
  return value ? <CategoryTag value={value} /> : <Typography.Text type="secondary">{eligible === null ? '—' : '无'}</Typography.Text>;
}
