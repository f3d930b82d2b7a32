// Chooses the person of a 先进个人 nomination by name, never by a typed code: the cadres the user may
// nominate (the server's candidates: the city union any, a county union its region's), searched on
// the server as the user types, each with what they did in the year.
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useCandidates } from '../../../api/queries/assessment';
import { errorMessage } from '../../../api/request';
import { useDebounced } from '../../../lib/useDebounced';

interface Props {
  id?: string;
  year: number;
  value?: string;
  onChange?: (username: string | undefined) => void;
}

export function PersonSelect({ id, year, value, onChange }: Props) {
  const [text, setText] = useState('');
  const q = useCandidates(year, useDebounced(text.trim(), 300));
  const options = (q.data?.items ?? []).map((c) => {
    const label = `${c.displayName}（${c.orgName}；${year}年帮扶 ${c.record.households} 户，记录 ${c.record.records} 次，解决问题 ${c.record.solved} 个）`;
    return { value: c.username, label, title: label };
  });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setText}
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={q.isFetching}
      placeholder="输入姓名搜索"
      notFoundContent={
        q.isFetching ? '正在加载…' : <Typography.Text type="secondary">{q.error ? errorMessage(q.error) : '没有找到可以推荐的干部'}</Typography.Text>
      }
    />
  );
}
