// /working-groups/:regionCode — one 工作组: its 带队市总领导 and 机关干部 (with the households linked
// to each), its county's progress in the current 专项行动 (the campaign page's table), and the
// households linked to the group's people with the overdue ones marked. The city's people see every
// group; a leader or member their own group's households.
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Result, Skeleton, Tag } from 'antd';
import { useWorkingGroups } from '../../api/queries/assistance';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { useSessionUser } from '../../lib/session';
import { roleInGroup } from '../../lib/workingGroups';
import { GroupHouseholdsCard } from './components/GroupHouseholdsCard';
import { GroupPeopleCard } from './components/GroupPeopleCard';
import { GroupProgressCard } from './components/GroupProgressCard';
import './assistance.css';

export default function WorkingGroupPage() {
  const { regionCode = '' } = useParams();
  const navigate = useNavigate();
  const user = useSessionUser();
  const q = useWorkingGroups();
  const group = q.data?.items.find((g) => g.regionCode === regionCode);
  const back = () => navigate('/working-groups');

  if (q.data && !group)
    return <Result status="404" title="工作组不存在" subTitle={`没有联系 ${regionCode} 的工作组`} extra={<Button onClick={back}>返回工作组</Button>} />;
  if (!q.data || !group)
    return (
      <div className="page">
        {q.error != null ? (
          <Alert type="error" showIcon message="工作组加载失败" description={errorMessage(q.error)} action={<Button onClick={() => void q.refetch()}>重试</Button>} />
        ) : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )}
      </div>
    );

  const mine = roleInGroup(group, user.username);
  return (
    <div className="page" data-region={group.regionCode}>
      <PageHeader
        title={group.name}
        onBack={back}
        tags={
          mine && (
            <Tag color="blue" data-testid="my-group-tag">
              我的工作组 · {mine === 'leader' ? '带队领导' : '组员'}
            </Tag>
          )
        }
        subTitle={`联系${group.regionName}工会 · ${q.data.year} 年`}
      />
      <GroupPeopleCard group={group} year={q.data.year} />
      <GroupProgressCard regionCode={group.regionCode} regionName={group.regionName} />
      <GroupHouseholdsCard group={group} />
    </div>
  );
}
