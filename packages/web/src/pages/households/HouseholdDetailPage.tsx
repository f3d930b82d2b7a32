// /households/:id — the file, read-only, laid out as the paper form (full identity number here),
// its data-quality warnings, 「办理」 (submit, review, 剔除, 脱困, 重新纳入 as this user may), the
// unions' review opinions (四、工会审核意见), 帮扶 (plan, responsible people, assistance records)
// for filed and exited files, 脱困回访 for exited ones, 转移记录 once the file was transferred (its
// former worker numbers also beside the title), and the version history. Prints cleanly on A4.
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Result, Skeleton, Space, Tag, Typography, type AlertProps } from 'antd';
import { EditOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { usePolicy } from '../../api/queries/policy';
import { labelOfPath } from '@bangfu/core';
import type { HouseholdFile } from '../../api/households';
import { useHousehold, useHouseholdHistory, useSetHousehold } from '../../api/queries/households';
import { useRefreshHouseholdFollowUps } from '../../api/queries/followUps';
import { useHouseholdTransfers } from '../../api/queries/transfers';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { CategoryTag, StatusTag } from '../../components/Tags';
import { fileActions } from '../../lib/access';
import { dateText, dateTimeText } from '../../lib/format';
import { latestOpinions, roundStartVersion } from '../../lib/opinions';
import { fromOf } from '../../lib/navigation';
import { useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { HistoryTimeline } from './HistoryTimeline';
import { HouseholdActions } from './HouseholdActions';
import { PrintPdfButton } from './PrintButtons';
import { PersonalDataButton } from './PersonalDataButton';
import { ReportedAlert } from './components/ReportedAlert';
import { HouseholdView } from './sheet/HouseholdView';
import { StoredIdentificationPanel } from '../identification/StoredIdentificationPanel';
import HouseholdAssistance from '../assistance/HouseholdAssistance';
import HouseholdFollowUps from '../followUps/HouseholdFollowUps';
import HouseholdTransfers from '../transfers/HouseholdTransfers';
import { DibaoCheckCard } from '../dibao/DibaoCheckCard';
import './household.css';

/** A banner above the file saying where it stands (returned, removed, exited, proposed for removal); not printed. */
function StatusAlert({ testId, ...props }: AlertProps & { testId: string }) {
  return <Alert className="no-print" showIcon style={{ marginBottom: 12 }} data-testid={testId} {...props} />;
}

export default function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const user = useSessionUser();
  const { regionName } = useRegions(user);
  const navigate = useNavigate();
  const location = useLocation();
  const from = fromOf(location.state);
  const access = useAccess();
  const file = useHousehold(id);
  const history = useHouseholdHistory(id);
  const setHousehold = useSetHousehold();
  const refreshFollowUps = useRefreshHouseholdFollowUps();
  // the numbers the file had before a move to another region, beside the number it has now
  const formerNumbers = useHouseholdTransfers(id).data?.formerWorkerNos ?? [];
  // only to mark a result computed from an example line (示例标准)
  const policy = usePolicy();

  const h = file.data;
  const historyItems = history.data?.items;
  const opinions = useMemo(() => latestOpinions(h?.opinions, roundStartVersion(historyItems)), [h?.opinions, historyItems]);

  if (file.error && !h)
    return (
      <Result
        status={isApiError(file.error, 'NOT_FOUND') ? '404' : isApiError(file.error, 'FORBIDDEN') ? '403' : 'error'}
        title={isApiError(file.error, 'NOT_FOUND') ? '档案不存在' : '档案加载失败'}
        subTitle={errorMessage(file.error)}
        extra={
          <Space>
            <Button onClick={() => navigate(from ?? '/households')}>返回档案列表</Button>
            {!isApiError(file.error, 'NOT_FOUND') && (
              <Button type="primary" onClick={() => void file.refetch()}>
                重试
              </Button>
            )}
          </Space>
        }
      />
    );
  if (!h)
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 14 }} />
      </div>
    );

  const acts = fileActions(user, { status: h.status, regionCode: h.regionCode, unitId: h.unitId, createdBy: h.createdBy });
  const filed = h.status === 'filed';
  const lastReturn = [...(h.opinions ?? [])].reverse().find((o) => o.decision === 'return');

  function onChanged(updated: HouseholdFile) {
    setHousehold(updated, id);
    void history.refetch();
    refreshFollowUps(id);
  }

  return (
    <div className="page household-detail">
      <PageHeader
        title={`${h.workerNo} ${h.name}`}
        tags={
          <Space size={8} wrap>
            <StatusTag value={h.status} />
            <CategoryTag value={h.category} />
            {formerNumbers.map((f) => (
              <Tag key={f.workerNo} data-testid="former-worker-no-tag" title={`转移前的职工编号（${regionName(f.regionCode)}，用至 ${dateText(f.until)}）`} style={{ marginInlineEnd: 0 }}>
                原编号 <span className="num">{f.workerNo}</span>
              </Tag>
            ))}
          </Space>
        }
        subTitle={`第 ${h.version} 版 · 更新于 ${dateTimeText(h.updatedAt)}`}
        onBack={() => navigate(from ?? '/households')}
        extra={
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} id="household-print">
              打印
            </Button>
            <PrintPdfButton id={h.id} workerNo={h.workerNo} />
            {access.canCopyPersonalData && <PersonalDataButton id={h.id} workerNo={h.workerNo} />}
            {acts.edit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/households/${h.id}/edit`, { state: { from } })} id="household-edit">
                编辑
              </Button>
            )}
          </Space>
        }
      />

      {h.status === 'draft' && h.returnReason && (
        <StatusAlert
          type="warning"
          testId="return-reason"
          message={`已被退回：${h.returnReason}`}
          description={
            <span>
              {lastReturn && `${lastReturn.level === 'unit' ? '单位工会' : '市总工会'}退回（${lastReturn.authorName}，${lastReturn.orgName}，${dateTimeText(lastReturn.at)}）。`}
              {acts.submit ? '请按退回意见修改档案后重新提交审核。' : '等待填报单位修改后重新提交审核。'}
            </span>
          }
        />
      )}
      {h.status === 'removed' && (
        <StatusAlert
          type="info" testId="household-removed" message="该档案已从困难职工数据库中剔除"
          description={(
            <>
              {h.removalReason ? `剔除原因：${h.removalReason}` : null}
              {h.mergedInto ? <> <Link to={`/households/${h.mergedInto.id}`} data-testid="merged-into-link">打开保留的档案 {h.mergedInto.workerNo}</Link></> : null}
            </>
          )}
        />
      )}
      {h.status === 'exited' && (
        <StatusAlert
          type="success"
          testId="household-exited"
          message={`该户已脱困${h.exitDate ? `（脱困日期 ${dateText(h.exitDate)}）` : ''}`}
          description={
            <span>
              <span data-testid="exit-reason">脱困原因：{h.exitReason || '—'}</span>
              <br />
              <span data-testid="exit-date">脱困日期：{dateText(h.exitDate) || '—'}</span>
            </span>
          }
        />
      )}
      {filed && h.pendingProposal && (
        <StatusAlert
          type="warning"
          testId="household-removal-proposal"
          message="剔除建议：经精准识别，该户三项条件均不符合"
          description={
            access.canDecideProposals
              ? '系统已将该户列入剔除建议（识别说明见“精准识别结果”），请核实后在「剔除建议」中确认剔除或不予剔除。'
              : '系统已将该户列入剔除建议（识别说明见“精准识别结果”），由市总工会或县区工会核实处理。'
          }
          action={
            access.canDecideProposals && <Link to={`/removal-proposals?regionCode=${encodeURIComponent(h.regionCode)}`} id="household-proposal-link">
              <Button size="small" danger>
                前往处理
              </Button>
            </Link>
          }
        />
      )}
      <ReportedAlert householdId={id} version={h.version} />
      {h.warnings.length > 0 && (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          message={`数据提示（${h.warnings.length} 项，不影响保存，请核对）`}
          style={{ marginBottom: 12 }}
          data-testid="household-warnings"
          description={
            <ul className="plain-list">
              {h.warnings.map((w, i) => (
                <li key={i} data-code={w.code}>
                  <Typography.Text strong>{labelOfPath(w.path)}</Typography.Text>：{w.message}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <HouseholdActions file={h} boxes={opinions} onChanged={onChanged} regionName={regionName} />

      <div className="hh-layout">
        <div className="hh-main">
          <HouseholdView household={h} regionName={regionName} opinions={opinions} />
        </div>
        <aside className="hh-aside no-print" aria-label="精准识别结果">
          <StoredIdentificationPanel file={h} policy={policy.data} regionName={regionName} />
          <DibaoCheckCard householdId={h.id} />
        </aside>
      </div>

      {(h.status === 'filed' || h.status === 'exited') && <HouseholdAssistance file={h} />}
      <HouseholdFollowUps file={h} onChanged={onChanged} />
      <HouseholdTransfers file={h} regionName={regionName} />

      <Card
        className="history-card no-print"
        title="版本历史"
        variant="borderless"
        id="household-history"
        extra={<Button type="text" icon={<ReloadOutlined />} onClick={() => void history.refetch()} aria-label="刷新版本历史" />}
      >
        {history.error ? (
          <Alert type="error" showIcon message="版本历史加载失败" description={errorMessage(history.error)} action={<Button onClick={() => void history.refetch()}>重试</Button>} />
        ) : history.isFetching && !history.data ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <HistoryTimeline items={history.data?.items ?? []} regionName={regionName} />
        )}
      </Card>

    </div>
  );
}
