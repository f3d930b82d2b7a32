// Chooses the person of a 先进个人 nomination by name, never by a typed code: the cadres who recorded
// assistance in the year (帮扶统计's per-cadre list, of the user's scope), with what they did.
import { Select, Typography } from 'antd';
import { useAssistanceSummary } from '../../../api/queries/assistance';
import { errorMessage } from '../../../api/request';

interface Props {
  id?: string;
  year: number;
  value?: string;
  onChange?: (username: string | undefined) => void;
}

export function PersonSelect({ id, year, value, onChange }: Props) {
  const q = useAssistanceSummary(year, undefined);
  const options = (q.data?.year === year ? q.data.cadres : []).map((c) => {
    const label = `${c.displayName}（帮扶 ${c.households} 户，记录 ${c.records} 次，解决问题 ${c.solved} 个）`;
    return { value: c.username, label, title: label };
  });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      optionFilterProp="label"
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={q.isFetching}
      placeholder="输入姓名搜索"
      notFoundContent={
        q.isFetching ? '正在加载…' : <Typography.Text type="secondary">{q.error ? errorMessage(q.error) : `${year} 年度没有帮扶记录的干部`}</Typography.Text>
      }
    />
  );
}
