// Chooses a person by name (and organization), never by typing a login code: the server lists the
// people who may be named for this file as the cadre types, and the choice is the person's username.
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { responsibilityCandidates, type PersonCandidate, type UserRef } from '../../../api/assistance';
import { useDebounced } from '../../../lib/useDebounced';

const ROLE_TEXT: Record<string, string> = { leader: '市总领导', staff: '机关干部', city: '市总工会', region: '县区工会', unit: '基层工会' };

interface Props {
  id?: string;
  householdId: number;
  kind: 'leader' | 'cadre';
  /** the person named now, shown before any search */
  current?: UserRef | null;
  value?: string;
  onChange?: (username: string | undefined) => void;
  placeholder?: string;
  autoFocus?: boolean;
}

export function personLabel(p: Pick<PersonCandidate, 'displayName' | 'orgName'> & { role?: string }): string {
  return `${p.displayName}（${p.orgName}${p.role && ROLE_TEXT[p.role] && !p.orgName.includes(ROLE_TEXT[p.role]) ? ` · ${ROLE_TEXT[p.role]}` : ''}）`;
}

export function PersonPicker({ id, householdId, kind, current, value, onChange, placeholder, autoFocus }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['responsibility-candidates', householdId, kind, q],
    queryFn: ({ signal }) => responsibilityCandidates(householdId, kind, q, signal),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const options = items.map((p) => ({ value: p.username, label: personLabel(p) }));
  // the person named now stays choosable (and shown by name) whatever the search
  if (current && !options.some((o) => o.value === current.username)) options.unshift({ value: current.username, label: current.displayName });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      onSearch={setSearch}
      filterOption={false}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder ?? '输入姓名搜索'}
      autoFocus={autoFocus}
      notFoundContent={found.isFetching ? '正在查找…' : <Typography.Text type="secondary">没有找到可以担任的人员</Typography.Text>}
      style={{ width: '100%' }}
    />
  );
}
