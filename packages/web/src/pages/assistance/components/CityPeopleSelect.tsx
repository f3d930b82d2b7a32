// Chooses a working group's 带队市总领导 or its 机关干部 by name, never by typing a login code: the
// candidates are the city union's active leaders and staff (GET /api/links/quota lists them, with
// the households each is linked to). The people named now stay choosable and shown by name even if
// no longer listed (e.g. deactivated).
import { Select, Typography } from 'antd';
import type { QuotaItem, UserRef } from '../../../api/assistance';

interface Props {
  id?: string;
  /** leader: one 市总领导; staff: any number of 机关干部 */
  role: 'leader' | 'staff';
  people: readonly QuotaItem[];
  loading?: boolean;
  /** the people named now */
  current?: readonly UserRef[];
  value: string[];
  onChange: (usernames: string[]) => void;
  /** a note after a name, e.g. the group a staff member is in now */
  noteOf?: (username: string) => string | undefined;
  status?: 'error';
  placeholder?: string;
}

export function CityPeopleSelect({ id, role, people, loading, current = [], value, onChange, noteOf, status, placeholder }: Props) {
  const label = (displayName: string, username: string) => {
    const note = noteOf?.(username);
    return note ? `${displayName}（${note}）` : displayName;
  };
  const options = people.filter((p) => p.role === role).map((p) => ({ value: p.username, label: label(p.displayName, p.username), linked: p.linked }));
  for (const c of current) if (!options.some((o) => o.value === c.username)) options.unshift({ value: c.username, label: label(c.displayName, c.username), linked: 0 });
  const multiple = role === 'staff';
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      optionFilterProp="label"
      value={multiple ? value : value[0] || undefined}
      onChange={(v: string | string[] | undefined) => onChange(Array.isArray(v) ? v : v ? [v] : [])}
      options={options}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          {o.label}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            · 定点联系 {o.data.linked} 户
          </Typography.Text>
        </div>
      )}
      loading={loading}
      status={status}
      placeholder={placeholder ?? (multiple ? '输入姓名搜索机关干部' : '输入姓名搜索市总领导')}
      notFoundContent={loading ? '正在加载…' : <Typography.Text type="secondary">{multiple ? '没有启用中的机关干部账号' : '没有启用中的市总领导账号'}</Typography.Text>}
      maxTagTextLength={8}
      // the option reads whole (name, the group they are in, the households they link), wider than the cell
      popupMatchSelectWidth={300}
      style={{ width: '100%' }}
    />
  );
}
