// 我的工作组 on a 市总领导's or 机关干部's 工作台: the group they lead or belong to, its people and a
// way to its page. Nothing when they are in no group (or the groups cannot be read).
import { Link } from 'react-router';
import { Button, Card, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useWorkingGroups } from '../../../api/queries/assistance';
import { myGroupOf } from '../../../lib/workingGroups';

export function MyGroupCard({ username }: { username: string }) {
  const q = useWorkingGroups();
  const mine = q.data ? myGroupOf(q.data.items, username) : null;
  if (!mine) return null;
  const { group, as } = mine;
  const href = `/working-groups/${group.regionCode}`;
  return (
    <Card
      variant="borderless"
      className="dashboard-card"
      title="我的工作组"
      id="dashboard-my-group"
      extra={
        <Link to={href}>
          <Button type="primary" ghost size="small">
            查看工作组 <RightOutlined />
          </Button>
        </Link>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Link to={href} className="my-group-name">
          {group.name}
        </Link>
        （联系{group.regionName}工会，我是{as === 'leader' ? '带队领导' : '组员'}）
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        带队：{group.leader?.displayName ?? '未确定'} · 组员 {group.members.length} 人 · 组员联系 {group.members.reduce((n, m) => n + m.linked, 0)} 户
      </Typography.Text>
    </Card>
  );
}
