// A working group's people: the 带队市总领导 and the 机关干部 (each with the households linked to
// them), and the county's figures this year.
import { Card, Descriptions, Typography } from 'antd';
import type { WorkingGroup } from '../../../api/assistance';
import { MemberChips } from '../groupColumns';

export function GroupPeopleCard({ group, year }: { group: WorkingGroup; year: number }) {
  const rate = group.filed ? `${Math.round((group.assistedThisYear * 100) / group.filed)}%` : '—';
  return (
    <Card variant="borderless" title="工作组成员" id="group-people" className="group-people" style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="联系地区">{group.regionName}</Descriptions.Item>
        <Descriptions.Item label="带队市总领导">
          <span data-testid="group-leader">{group.leader ? group.leader.displayName : <Typography.Text type="secondary">未确定</Typography.Text>}</span>
        </Descriptions.Item>
        <Descriptions.Item label="组员人数">{group.members.length} 人</Descriptions.Item>
        <Descriptions.Item label="组员（机关干部）" span="filled">
          <div id="group-members">
            <MemberChips group={group} />
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={`${year} 年`} span="filled">
          建档 {group.filed} 户，已帮扶 {group.assistedThisYear} 户（{rate}），帮扶 {group.recordsThisYear} 次
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
