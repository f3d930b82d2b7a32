// /households — 档案列表: the filters, one page of files sorted as the URL says, 导出 / 打印 of
// the filtered list, and 新建档案.
import { useLocation, useNavigate } from 'react-router';
import { Button, Card, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { listHouseholds, type HouseholdListItem, type SortKey } from '../../api/households';
import { MAX_LIST_ROWS } from '@bangfu/core';
import { ownRegionOf, useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useListPage } from '../../components/list/useListPage';
import { BatchPrintButton } from './PrintButtons';
import { LIST_CODEC, readListState, toApiQuery, toExportQuery } from './listQuery';
import { householdColumns } from './listColumns';
import { HouseholdFilterForm } from './components/HouseholdFilterForm';
import { LinkFilterTags } from './components/LinkFilterTags';
import ExportButton from './ExportButton';

export default function HouseholdListPage() {
  const user = useSessionUser();
  const access = useAccess();
  const ownRegion = ownRegionOf(user);
  const { regions, regionName } = useRegions(user);
  const location = useLocation();
  const navigate = useNavigate();
  const list = useListPage({ codec: LIST_CODEC, name: 'households', toQuery: (s) => toApiQuery(s, ownRegion), fetch: listHouseholds, unit: '户', maxRows: MAX_LIST_ROWS });
  const { state, update, data, loading } = list;

  const from = location.pathname + location.search;

  const onTableChange: TableProps<HouseholdListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const k = s?.columnKey as SortKey | undefined;
      if (k && s.order) update({ sortKey: k, sortOrder: s.order === 'ascend' ? 'asc' : 'desc', page: 1 });
      return;
    }
    list.onPageChange(pagination);
  };

  return (
    <div className="page">
      <PageHeader title="档案列表" subTitle={access.linkedOnly ? '您定点联系的困难职工档案（一户一档）' : '困难职工档案（一户一档）'} />

      <HouseholdFilterForm
        state={state}
        ownRegion={ownRegion}
        regions={regions}
        onSearch={update}
        onReset={() => list.replace({ ...readListState(new URLSearchParams()), pageSize: state.pageSize })}
      />

      <Card variant="borderless" className="table-card">
        <ListToolbar title="困难职工档案" total={data?.total} totalTestId="list-total">
          <Space>
            <ReloadButton onClick={list.reload} />
            {access.canExport && <ExportButton filters={toExportQuery(state, ownRegion)} />}
            <BatchPrintButton filters={toExportQuery(state, ownRegion)} total={data?.total} />
            {access.canCreateHousehold && (
              <Button type="primary" icon={<PlusOutlined />} id="household-new" onClick={() => navigate('/households/new', { state: { from } })}>
                新建档案
              </Button>
            )}
          </Space>
        </ListToolbar>
        <LinkFilterTags state={state} orgName={regionName} onRemove={update} />
        <LoadError error={list.error} title="档案列表加载失败" onRetry={list.reload} style={{ marginBottom: 16 }} />
        <Table<HouseholdListItem>
          id="household-table"
          rowKey="id"
          columns={householdColumns({ state, from, role: user.role, regionName })}
          {...list.tableProps}
          onChange={onTableChange}
          locale={{ emptyText: loading ? '正在加载…' : access.linkedOnly && state.q === undefined ? '暂无定点联系的困难职工档案' : '没有符合条件的档案' }}
        />
      </Card>
    </div>
  );
}
