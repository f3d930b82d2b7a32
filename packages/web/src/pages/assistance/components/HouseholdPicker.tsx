// Chooses a filed household by typing its name or 职工编号 (the list's own search, filed files only):
// 定点联系 once asked for a typed 职工编号 with an example in a format that does not exist.
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { listHouseholds, type HouseholdListItem } from '../../../api/households';
import { useDebounced } from '../../../lib/useDebounced';

interface Props {
  id?: string;
  value?: number;
  onChange?: (id: number | undefined, h: HouseholdListItem | undefined) => void;
  autoFocus?: boolean;
}

export const householdLabel = (h: Pick<HouseholdListItem, 'workerNo' | 'name' | 'regionName'>) => `${h.workerNo} ${h.name}（${h.regionName}）`;

export function HouseholdPicker({ id, value, onChange, autoFocus }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['household-picker', q],
    queryFn: ({ signal }) => listHouseholds({ q, status: 'filed', page: 1, pageSize: 20 }, signal),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value}
      onSearch={setSearch}
      onChange={(v: number | undefined) => onChange?.(v, items.find((h) => h.id === v))}
      filterOption={false}
      options={items.map((h) => ({ value: h.id, label: householdLabel(h) }))}
      loading={found.isFetching}
      placeholder="输入姓名或职工编号搜索（已建档家庭）"
      autoFocus={autoFocus}
      notFoundContent={q ? (found.isFetching ? '正在查找…' : <Typography.Text type="secondary">没有找到已建档的家庭</Typography.Text>) : <Typography.Text type="secondary">请输入姓名或职工编号</Typography.Text>}
      style={{ width: '100%' }}
    />
  );
}
