// The working groups' table: 联系地区, the group (its name opens the group's page; the user's own
// group is tagged), 带队市总领导, 组员 (机关干部, with the households linked to each), and the
// county's figures this year. While the city union edits, name, leader and members are fields.
import { Link } from 'react-router';
import { Input, Progress, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { QuotaItem, WorkingGroup } from '../../api/assistance';
import { memberGroups } from '../../lib/workingGroups';
import { CityPeopleSelect } from './components/CityPeopleSelect';
import type { GroupsEditor } from './hooks/useGroupsEditor';

interface Options {
  editor: GroupsEditor;
  /** the city's leaders and staff, for the pickers */
  people: readonly QuotaItem[];
  peopleLoading: boolean;
  /** the region code of the signed-in user's own group */
  myGroup: string | null;
}

const fieldError = (t?: string) => (t ? <div className="plan-field-error">{t}</div> : null);

/** 组员 as chips: name · 联系 N 户. */
export function MemberChips({ group }: { group: Pick<WorkingGroup, 'members'> }) {
  if (!group.members.length) return <Typography.Text type="secondary">未安排</Typography.Text>;
  return (
    <div className="group-members">
      {group.members.map((m) => (
        <Tag key={m.username} data-member={m.username} style={{ marginInlineEnd: 0 }}>
          {m.displayName}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            · 联系 {m.linked} 户
          </Typography.Text>
        </Tag>
      ))}
    </div>
  );
}

export function groupColumns(groups: readonly WorkingGroup[], { editor, people, peopleLoading, myGroup }: Options): TableProps<WorkingGroup>['columns'] {
  const { draft, errors } = editor;
  const where = draft ? memberGroups(draft) : new Map<string, string>();
  const nameOf = (code: string) => draft?.[code]?.name || groups.find((g) => g.regionCode === code)?.name || code;
  return [
    { title: '联系地区', dataIndex: 'regionName', width: 96 },
    {
      title: '工作组',
      dataIndex: 'name',
      render: (v: string, g) =>
        draft ? (
          <>
            <Input
              id={`groups_${g.regionCode}_name`}
              value={draft[g.regionCode]?.name}
              onChange={(e) => editor.patch(g.regionCode, { name: e.target.value })}
              maxLength={64}
              status={errors[g.regionCode]?.name ? 'error' : undefined}
              style={{ minWidth: 140 }}
            />
            {fieldError(errors[g.regionCode]?.name)}
          </>
        ) : (
          <span className="group-name">
            <Link to={`/working-groups/${g.regionCode}`} className="group-link" data-region={g.regionCode}>
              {v}
            </Link>
            {myGroup === g.regionCode && (
              <Tag color="blue" data-testid="my-group-tag" style={{ marginInlineEnd: 0 }}>
                我的工作组
              </Tag>
            )}
          </span>
        ),
    },
    {
      title: '带队市总领导',
      key: 'leader',
      render: (_, g) =>
        draft ? (
          <div style={{ minWidth: 160 }}>
            <CityPeopleSelect
              id={`groups_${g.regionCode}_leaderUsername`}
              role="leader"
              people={people}
              loading={peopleLoading}
              current={g.leader ? [g.leader] : []}
              value={draft[g.regionCode]?.leaderUsername ? [draft[g.regionCode].leaderUsername] : []}
              onChange={(v) => editor.patch(g.regionCode, { leaderUsername: v[0] ?? '' })}
              status={errors[g.regionCode]?.leaderUsername ? 'error' : undefined}
            />
            {fieldError(errors[g.regionCode]?.leaderUsername)}
          </div>
        ) : g.leader ? (
          <span className="group-person">{g.leader.displayName}</span>
        ) : (
          <Typography.Text type="secondary">未确定</Typography.Text>
        ),
    },
    {
      title: '组员（机关干部）',
      key: 'members',
      render: (_, g) =>
        draft ? (
          <div className="group-members-field">
            <CityPeopleSelect
              id={`groups_${g.regionCode}_memberUsernames`}
              role="staff"
              people={people}
              loading={peopleLoading}
              current={g.members}
              value={draft[g.regionCode]?.memberUsernames ?? []}
              onChange={(v) => editor.setMembers(g.regionCode, v)}
              noteOf={(u) => {
                const at = where.get(u);
                return at && at !== g.regionCode ? `在${nameOf(at)}` : undefined;
              }}
              status={errors[g.regionCode]?.memberUsernames ? 'error' : undefined}
            />
            {fieldError(errors[g.regionCode]?.memberUsernames)}
          </div>
        ) : (
          <MemberChips group={g} />
        ),
    },
    { title: '建档户数', dataIndex: 'filed', width: 80, align: 'right' },
    { title: '本年已帮扶户数', dataIndex: 'assistedThisYear', width: 90, align: 'right' },
    { title: '本年帮扶次数', dataIndex: 'recordsThisYear', width: 90, align: 'right' },
    {
      title: '帮扶覆盖',
      key: 'progress',
      width: 130,
      render: (_, g) => <Progress percent={g.filed ? Math.round((g.assistedThisYear * 100) / g.filed) : 0} size="small" />,
    },
  ];
}
