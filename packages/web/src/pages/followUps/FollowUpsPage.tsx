// /follow-ups — 脱困回访: the exited households of the user's scope with their next planned visit,
// by tab (到期待回访 / 已超期 / 返困待重新纳入 / 全部已脱困), mine only, region and year of exit, each
// with 记录回访; below it 年度回访统计 per region. The filters are the URL's (the 待办 link here).
import { useState } from 'react';
import { useLocation } from 'react-router';
import { Card, Select, Space, Switch, Table } from 'antd';
import { FOLLOW_UP_NOTICE_DAYS } from '@bangfu/core';
import { listFollowUps, type FollowUpList, type FollowUpListItem } from '../../api/followUps';
import { followUpKeys } from '../../api/queries/followUps';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useListPage } from '../../components/list/useListPage';
import { reopensListed } from '../../lib/access';
import { currentYearInChina, yearOptions } from '../../lib/assistance';
import { ownRegionOf, useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { FollowUpModal, type FollowUpTarget } from './components/FollowUpModal';
import { FollowUpSummaryCard } from './components/FollowUpSummaryCard';
import { followUpColumns } from './followUpColumns';
import { FOLLOW_UP_CODEC, FOLLOW_UP_VIEW_LABELS, FOLLOW_UP_VIEWS, followUpListQuery, type FollowUpView } from './followUpQuery';
import { followUpMonthsText } from './followUpText';

const EMPTY_TEXT: Record<FollowUpView, string> = {
  due: '没有到期待回访的家庭',
  overdue: '没有超期未回访的家庭',
  fallenBack: '没有回访发现返困、待重新纳入的家庭',
  all: '暂无已脱困的家庭',
};

export default function FollowUpsPage() {
  const user = useSessionUser();
  const access = useAccess();
  const ownRegion = ownRegionOf(user);
  const { regions, regionName } = useRegions(user);
  const location = useLocation();
  const list = useListPage({ codec: FOLLOW_UP_CODEC, name: followUpKeys.list[0], toQuery: (s) => followUpListQuery(s, ownRegion), fetch: listFollowUps, unit: '户' });
  const { state, update, data, loading } = list;
  const [recording, setRecording] = useState<FollowUpTarget | null>(null);
  // a page of the list carries the schedule it was computed with
  const months = (data as FollowUpList | undefined)?.months;
  const thisYear = currentYearInChina();
  const reopens = reopensListed(user.role);
  const columns = followUpColumns({
    from: location.pathname + location.search,
    months: months ?? [],
    regionName,
    onRecord: access.canRecordFollowUps ? (i) => setRecording({ id: i.householdId, workerNo: i.workerNo, name: i.name }) : undefined,
    reopens,
  });

  return (
    <div className="page">
      <PageHeader
        title="脱困回访"
        subTitle={months ? `${followUpMonthsText(months)}各回访一次，计划日期前 ${FOLLOW_UP_NOTICE_DAYS} 天列入到期待回访` : undefined}
      />
      <Card
        variant="borderless"
        className="table-card"
        id="follow-up-views"
        activeTabKey={state.view}
        onTabChange={(k) => update({ view: k as FollowUpView, page: 1 })}
        tabList={FOLLOW_UP_VIEWS.map((v) => ({ key: v, tab: <span data-testid={`follow-up-tab-${v}`}>{FOLLOW_UP_VIEW_LABELS[v]}</span> }))}
      >
        <ListToolbar title={FOLLOW_UP_VIEW_LABELS[state.view]} total={data?.total} totalTestId="follow-up-total">
          <Space wrap>
            {access.canViewMyHouseholds && (
              <Space size={6}>
                <Switch id="follow-up-mine" size="small" checked={state.mine} aria-label="只看我的帮扶对象" onChange={(mine) => update({ mine, page: 1 })} />
                <span>只看我的帮扶对象</span>
              </Space>
            )}
            {regions.length > 1 && (
              <Select
                id="follow-up-region"
                allowClear
                placeholder="全部地区"
                style={{ width: 180 }}
                options={regions}
                value={state.regionCode}
                onChange={(v?: string) => update({ regionCode: v || undefined, page: 1 })}
              />
            )}
            <Select
              id="follow-up-year"
              allowClear
              placeholder="全部脱困年度"
              aria-label="脱困年度"
              style={{ width: 140 }}
              options={yearOptions(thisYear).map((y) => ({ value: y, label: `${y} 年脱困` }))}
              value={state.year}
              onChange={(v?: number) => update({ year: v, page: 1 })}
            />
            <ReloadButton onClick={list.reload} />
          </Space>
        </ListToolbar>
        <LoadError error={list.error} title="脱困回访加载失败" onRetry={list.reload} />
        <Table<FollowUpListItem>
          id="follow-up-table"
          rowKey="householdId"
          columns={columns}
          {...list.tableProps}
          onChange={list.onPageChange}
          locale={{ emptyText: loading ? '正在加载…' : EMPTY_TEXT[state.view] }}
        />
      </Card>

      <FollowUpSummaryCard year={state.summaryYear ?? thisYear} onYear={(y) => update({ summaryYear: y === thisYear ? undefined : y })} />
      <FollowUpModal household={recording} reopens={reopens} onClose={() => setRecording(null)} />
    </div>
  );
}
