// /duplicates — 重复档案: the pairs of live files a scan found alike (same person, name and birth
// date, phone, address and surname), by tab (待处理 / 不是重复 / 已合并 / 已不再相同, the URL's
// status), filtered by 线索类型 and (the city's people) 地区, server-paged. Each pair shows the two
// files side by side with 不是重复 and 合并 for a pair the user keeps both files of; the last scan
// and 重新查找 (with its progress) sit above the tabs. On a phone the files stack, one block each.
import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';
import { Card, Empty, Select, Skeleton, Space, Spin } from 'antd';
import { DUPLICATE_KIND_SHORT, DUPLICATE_KINDS, DUPLICATE_STATUS_LABELS, DUPLICATE_STATUSES, type DuplicateKind, type DuplicateStatus } from '@bangfu/core';
import { listDuplicates, type DuplicateList, type DuplicatePair } from '../../api/duplicates';
import { duplicateKeys, useDuplicatesChanged } from '../../api/queries/duplicates';
import PageHeader from '../../components/PageHeader';
import { CardListPagination, ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useListPage } from '../../components/list/useListPage';
import { ownRegionOf, useAccess, useSessionUser } from '../../lib/session';
import { useNarrowerThan } from '../../lib/useNarrow';
import { useRegions } from '../../lib/useOrgs';
import { DismissModal, MergeModal } from './components/DecideModals';
import { PairItem } from './components/PairItem';
import { ScanBar } from './components/ScanBar';
import { DUPLICATE_CODEC, duplicateListQuery } from './duplicateQuery';
import './duplicates.css';

const EMPTY_TEXT: Record<DuplicateStatus, string> = {
  open: '没有待处理的重复档案线索',
  dismissed: '没有标为“不是重复”的线索',
  merged: '没有已合并的线索',
  cleared: '没有已不再相同的线索',
};

export default function DuplicatesPage() {
  const user = useSessionUser();
  const access = useAccess();
  const handles = access.canHandleDuplicates;
  // a county or grassroots union sees the pairs touching its files: no region to choose
  const filtersRegion = ownRegionOf(user) === null;
  const { regions } = useRegions(user);
  const location = useLocation();
  const phone = useNarrowerThan('md');
  const list = useListPage({ codec: DUPLICATE_CODEC, name: duplicateKeys.list[0], toQuery: (s) => duplicateListQuery(s, filtersRegion), fetch: listDuplicates, unit: '条' });
  const { state, update, data, loading } = list;
  const changed = useDuplicatesChanged();
  const [dismissing, setDismissing] = useState<DuplicatePair | null>(null);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const from = location.pathname + location.search;
  const onScanned = useCallback(() => changed(), [changed]);

  // the page of pairs carries the last scan too (useListPage knows only its items and total)
  const lastScan = (data as DuplicateList | undefined)?.lastScan;
  const items = data?.items ?? [];
  const pagination = list.tableProps.pagination;
  const total = data?.total ?? 0;

  return (
    <div className="page duplicates-page">
      <PageHeader title="重复档案" subTitle={phone ? undefined : '同一户被建档两次的线索：打开档案核对后，标为“不是重复”或合并为一份档案'} />
      <ScanBar lastScan={lastScan} loaded={data !== undefined} canScan={handles} phone={phone} onFinished={onScanned} />
      <Card
        variant="borderless"
        className="table-card"
        id="duplicate-tabs"
        activeTabKey={state.status}
        // four tabs fit a phone's width at the small size
        tabProps={phone ? { size: 'small', tabBarGutter: 20 } : undefined}
        onTabChange={(k) => update({ status: k as DuplicateStatus, page: 1 })}
        tabList={DUPLICATE_STATUSES.map((s) => ({ key: s, tab: <span data-testid={`duplicate-tab-${s}`}>{DUPLICATE_STATUS_LABELS[s]}</span> }))}
      >
        <ListToolbar title={DUPLICATE_STATUS_LABELS[state.status]} total={data?.total} unit="条" totalTestId="duplicate-total">
          <Space wrap>
            <Select
              id="duplicate-kind"
              allowClear
              placeholder="全部线索类型"
              aria-label="线索类型"
              style={{ width: 160 }}
              options={DUPLICATE_KINDS.map((k) => ({ value: k, label: DUPLICATE_KIND_SHORT[k] }))}
              value={state.kind}
              onChange={(v?: DuplicateKind) => update({ kind: v, page: 1 })}
            />
            {filtersRegion && (
              <Select
                id="duplicate-region"
                allowClear
                placeholder="全部地区"
                aria-label="地区"
                style={{ width: 180 }}
                options={regions}
                value={state.regionCode}
                onChange={(v?: string) => update({ regionCode: v || undefined, page: 1 })}
              />
            )}
            <ReloadButton onClick={list.reload} />
          </Space>
        </ListToolbar>
        <LoadError error={list.error} title="重复档案线索加载失败" onRetry={list.reload} />
        {!data && loading ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={loading ? '正在加载…' : data && lastScan === null ? `还没有查找过重复档案${handles ? '，请点击“重新查找”' : ''}` : EMPTY_TEXT[state.status]}
          />
        ) : (
          <Spin spinning={loading} delay={300}>
            <ul className="dup-pairs" id="duplicate-list">
              {items.map((p) => (
                <PairItem key={p.id} p={p} from={from} phone={phone} handles={handles} onDismiss={setDismissing} onMerge={setMerging} />
              ))}
            </ul>
          </Spin>
        )}
        {total > 0 && (
          <CardListPagination pagination={pagination} phone={phone} onChange={list.onPageChange} />
        )}
      </Card>
      <DismissModal pair={dismissing} onClose={() => setDismissing(null)} onDone={() => changed()} />
      <MergeModal pair={merging} onClose={() => setMerging(null)} onDone={({ merged }) => changed(merged)} />
    </div>
  );
}
