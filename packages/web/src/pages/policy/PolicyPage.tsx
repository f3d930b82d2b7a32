// /policy — 低保标准: the monthly line per region and year and the two ratios of identification.
// City users edit: changes collect into a pending set, 「预览影响」 shows the what-if, and
// 「保存并重新识别」 saves (with the version read) and follows the background re-identification.
// Region users see the same page read-only. A second tab lists every saved change.
import { useSearchParams } from 'react-router';
import { Button, Card, Result, Skeleton, Tabs, Tag } from 'antd';
import { usePolicy } from '../../api/queries/policy';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { ReloadButton } from '../../components/list/ListParts';
import { can } from '../../lib/access';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { PolicyEditor } from './PolicyEditor';
import { PolicyHistory } from './PolicyHistory';
import './policy.css';

type TabKey = 'lines' | 'history';

export default function PolicyPage() {
  const user = useSessionUser();
  const canEdit = can(user.role, 'policy.edit');
  const { regionName } = useRegions(user);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'history' ? 'history' : 'lines';
  const policy = usePolicy();
  const reloadPolicy = () => void policy.refetch();

  return (
    <div className="page policy-page">
      <PageHeader
        title="低保标准"
        tags={policy.data && <Tag color="blue">第 {policy.data.version} 版</Tag>}
        subTitle="城市居民最低生活保障标准（元/人·月），精准识别的依据"
        extra={<ReloadButton onClick={reloadPolicy} />}
      />
      <Card variant="borderless" className="policy-tabs-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'history' ? { tab: 'history' } : {}, { replace: true })}
          items={[
            {
              key: 'lines',
              label: '低保标准',
              children:
                policy.error && !policy.data ? (
                  <Result
                    status="error"
                    title="低保标准加载失败"
                    subTitle={errorMessage(policy.error)}
                    extra={
                      <Button type="primary" onClick={reloadPolicy}>
                        重试
                      </Button>
                    }
                  />
                ) : !policy.data ? (
                  <Skeleton active paragraph={{ rows: 10 }} />
                ) : (
                  <PolicyEditor policy={policy.data} canEdit={canEdit} regionName={regionName} reloadPolicy={reloadPolicy} refreshing={policy.isFetching} />
                ),
            },
            {
              key: 'history',
              label: '修改记录',
              children: <PolicyHistory policyVersion={policy.data?.version} regionName={regionName} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
