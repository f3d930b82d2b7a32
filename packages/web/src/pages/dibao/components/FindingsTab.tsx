// 核对结果: the findings of the user's scope, filtered by kind (with each kind's count), status
// (待核实 by default), region (the city's people) and list (a removable tag, set by the links of an
// import's counts and of 名单记录), server-paged; each with 修改档案 and 核实处理 where the user
// resolves it.
import { useState } from 'react';
import { useLocation } from 'react-router';
import { Empty, Select, Skeleton, Space, Spin, Tag } from 'antd';
import { DIBAO_FINDING_STATUS_LABELS, DIBAO_FINDING_STATUSES, type DibaoFindingStatus } from '@bangfu/core';
import { listDibaoFindings, type DibaoFinding } from '../../../api/dibao';
import { dibaoKeys, useDibaoChanged, useDibaoKindCounts, useDibaoLists } from '../../../api/queries/dibao';
import { CardListPagination, ListToolbar, LoadError, ReloadButton } from '../../../components/list/ListParts';
import { useListPage } from '../../../components/list/useListPage';
import { ownRegionOf, useSessionUser } from '../../../lib/session';
import { useRegions } from '../../../lib/useOrgs';
import { DIBAO_FINDINGS_CODEC, dibaoFindingsQuery } from '../dibaoQuery';
import { listText } from '../dibaoText';
import { FindingItem } from './FindingItem';
import { KindFilter } from './KindFilter';
import { ResolveModal } from './ResolveModal';

const EMPTY_TEXT: Record<DibaoFindingStatus, string> = {
  open: '没有待核实的低保核对结果',
  explained: '没有已作情况说明的核对结果',
  corrected: '没有已更正档案的核对结果',
  superseded: '没有已由新名单替代的核对结果',
};

export function FindingsTab({ phone }: { phone: boolean }) {
  const user = useSessionUser();
  // a county or grassroots union sees the findings of its own files: no region to choose
  const filtersRegion = ownRegionOf(user) === null;
  const { regions } = useRegions(user);
  const location = useLocation();
  const from = location.pathname + location.search;
  const list = useListPage({ codec: DIBAO_FINDINGS_CODEC, name: dibaoKeys.findings[0], toQuery: (s) => dibaoFindingsQuery(s, filtersRegion), fetch: listDibaoFindings, unit: '条' });
  const { state, update, data, loading } = list;
  const query = dibaoFindingsQuery(state, filtersRegion);
  const counts = useDibaoKindCounts({ status: query.status, regionCode: query.regionCode, listId: query.listId }).data;
  // the list a link filtered by, named by its month and region
  const lists = useDibaoLists(state.listId !== undefined).data?.items;
  const filteredList = state.listId !== undefined ? lists?.find((l) => l.id === state.listId) : undefined;
  const changed = useDibaoChanged();
  const [resolving, setResolving] = useState<DibaoFinding | null>(null);
  const items = data?.items ?? [];
  const pagination = list.tableProps.pagination;

  return (
    <div data-testid="dibao-findings">
      <ListToolbar title={DIBAO_FINDING_STATUS_LABELS[state.status]} total={data?.total} unit="条" totalTestId="dibao-total">
        <Space wrap className="dibao-filters">
          <KindFilter value={state.kind} counts={counts} phone={phone} onChange={(kind) => update({ kind, page: 1 })} />
          <Select
            id="dibao-status"
            aria-label="处理状态"
            style={{ width: 150 }}
            options={DIBAO_FINDING_STATUSES.map((s) => ({ value: s, label: DIBAO_FINDING_STATUS_LABELS[s] }))}
            value={state.status}
            onChange={(status: DibaoFindingStatus) => update({ status, page: 1 })}
          />
          {filtersRegion && (
            <Select
              id="dibao-region"
              allowClear
              placeholder="全部地区"
              aria-label="地区"
              style={{ width: 150 }}
              options={regions}
              value={state.regionCode}
              onChange={(v?: string) => update({ regionCode: v || undefined, page: 1 })}
            />
          )}
          {state.listId !== undefined && (
            <Tag closable data-testid="dibao-list-filter" className="dibao-list-filter" onClose={() => update({ listId: undefined, page: 1 })}>
              名单：{filteredList ? listText(filteredList) : `#${state.listId}`}
            </Tag>
          )}
          <ReloadButton onClick={list.reload} />
        </Space>
      </ListToolbar>
      <LoadError error={list.error} title="低保核对结果加载失败" onRetry={list.reload} />
      {!data && loading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={loading ? '正在加载…' : EMPTY_TEXT[state.status]} data-testid="dibao-empty" />
      ) : (
        <Spin spinning={loading} delay={300}>
          <ul className="dibao-findings" id="dibao-finding-list">
            {items.map((f) => (
              <FindingItem key={f.id} f={f} role={user.role} from={from} phone={phone} onResolve={setResolving} />
            ))}
          </ul>
        </Spin>
      )}
      {(data?.total ?? 0) > 0 && (
        <CardListPagination pagination={pagination} phone={phone} onChange={list.onPageChange} />
      )}
      <ResolveModal finding={resolving} from={from} onClose={() => setResolving(null)} onDone={(f) => changed(f.household.id)} />
    </div>
  );
}
