// 荣誉 on the 工作台: the approved commendations of the user's own organization and of the user,
// all years; nothing when there are none.
import { Card } from 'antd';
import type { SessionUser } from '../../../api/session';
import { useCommendations } from '../../../api/queries/assessment';
import { Honors } from '../../../components/Honors';
import { honorsOf } from '../../../lib/honors';

export function HonorsCard({ user }: { user: SessionUser }) {
  // the same queries Honors asks: read once, the card shows only when either has something
  const org = useCommendations({ orgCode: user.orgCode });
  const me = useCommendations({ username: user.username });
  const has = (org.data && honorsOf(org.data.items, { orgCode: user.orgCode }).length > 0) || (me.data && honorsOf(me.data.items, { username: user.username }).length > 0);
  if (!has) return null;
  return (
    <Card variant="borderless" className="dashboard-card" title="荣誉" id="dashboard-honors" style={{ marginTop: 12 }}>
      <Honors subject={{ orgCode: user.orgCode }} hideWhenEmpty title={<div className="honors-title">{user.orgName}</div>} />
      <Honors subject={{ username: user.username }} hideWhenEmpty title={<div className="honors-title">{user.displayName}</div>} />
    </Card>
  );
}
