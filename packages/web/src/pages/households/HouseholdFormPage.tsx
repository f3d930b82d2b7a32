// /households/new and /households/:id/edit — the survey form (调查表), laid out like the paper
// (components/HouseholdEditor). Validation is core's parseHousehold (the server's rules); errors
// from either side go through one helper (lib/fieldErrors) onto their own fields, member cells
// included. An edit first loads the file and says why it cannot be edited, if it cannot.
import { useNavigate, useParams } from 'react-router';
import { Button, Result, Skeleton } from 'antd';
import { HOUSEHOLD_STATUS_LABELS, editRule } from '@bangfu/core';
import { useHousehold, useSetHousehold } from '../../api/queries/households';
import { errorMessage, isApiError } from '../../api/request';
import { canFileAt } from '../../lib/access';
import { useSessionUser } from '../../lib/session';
import { HouseholdEditor } from './components/HouseholdEditor';
import './household.css';

export default function HouseholdFormPage() {
  const { id } = useParams();
  if (!id) return <HouseholdEditor key="new" />;
  return <EditLoader id={id} />;
}

function EditLoader({ id }: { id: string }) {
  const { data, error, isFetching: loading } = useHousehold(id);
  const setHousehold = useSetHousehold();
  const user = useSessionUser();
  const navigate = useNavigate();
  if (error)
    return (
      <Result
        status={isApiError(error, 'NOT_FOUND') ? '404' : isApiError(error, 'FORBIDDEN') ? '403' : 'error'}
        title={isApiError(error, 'NOT_FOUND') ? '档案不存在' : '档案加载失败'}
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/households')}>返回档案列表</Button>}
      />
    );
  if (loading || !data)
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  const view = (
    <Button type="primary" onClick={() => navigate(`/households/${data.id}`, { replace: true })}>
      查看档案
    </Button>
  );
  if (!canFileAt(user, data.regionCode, data.unitId))
    return (
      <div data-testid="edit-locked" data-reason="forbidden">
        <Result status="403" title="您没有修改此档案的权限" subTitle="档案由所属基层工会、县（市、区）工会或市总工会修改。" extra={view} />
      </div>
    );
  const label = HOUSEHOLD_STATUS_LABELS[data.status] ?? data.status;
  if (data.status === 'removed' || data.status === 'exited') {
    const why = data.status === 'removed' ? (data.removalReason ? `剔除原因：${data.removalReason}。` : '') : data.exitReason ? `脱困原因：${data.exitReason}。` : '';
    return (
      <div data-testid="edit-locked" data-reason={data.status}>
        <Result
          status="warning"
          title={`该档案${label}，不能修改`}
          subTitle={`${why}请先重新纳入：在档案详情的「办理」中点击「重新纳入」，档案回到草稿后即可修改。`}
          extra={view}
        />
      </div>
    );
  }
  if (editRule(data.status) === 'locked')
    return (
      <div data-testid="edit-locked" data-reason="review">
        <Result status="info" title="档案正在审核中，不能修改" subTitle={`当前状态：${label}。如需修改，请由审核人退回后再修改。`} extra={view} />
      </div>
    );
  return <HouseholdEditor key={`${data.id}:${data.version}`} household={data} onReplace={(h) => setHousehold(h, id)} />;
}
