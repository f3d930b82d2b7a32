// /transfers — 档案转移: the transfers touching the user's organization, by tab (待我方同意: the
// requests the user's side must agree to; 我方申请: those it asked for; 全部), server-paged, each
// with 同意 / 拒绝 / 撤回 where the server allows; 申请转入 for a county or grassroots union that
// receives a family. The tab is the URL's (the 待办's link is /transfers?box=incoming). On a phone
// the rows become blocks with their buttons in reach.
import { useState } from 'react';
import { useLocation } from 'react-router';
import { Button, Card, Empty, Grid, Pagination, Select, Skeleton, Space, Table, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { TRANSFER_STATUS_LABELS, TRANSFER_STATUSES, type TransferBox, type TransferStatus } from '@bangfu/core';
import { listTransfers, type TransferView } from '../../api/transfers';
import { transferKeys } from '../../api/queries/transfers';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useListPage } from '../../components/list/useListPage';
import { useAccess } from '../../lib/session';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { TransferInModal } from './components/TransferInModal';
import { TransferItem } from './components/TransferItem';
import { useTransferHandling } from './components/TransferButtons';
import { transferColumns } from './transferColumns';
import { shownBox, TRANSFER_BOX_LABELS, TRANSFER_CODEC, transferBoxesOf, transferListQuery } from './transferQuery';
import './transfers.css';

const EMPTY_TEXT: Record<TransferBox, string> = {
  incoming: '没有等待本单位同意的转移申请',
  outgoing: '本单位没有提出过转移申请',
  all: '暂无档案转移',
};

export default function TransfersPage() {
  const access = useAccess();
  const handles = access.canHandleTransfers;
  const location = useLocation();
  // false once known to be narrower than 576 px (unknown on the first render: the table)
  const phone = Grid.useBreakpoint().sm === false;
  const list = useListPage({ codec: TRANSFER_CODEC, name: transferKeys.list[0], toQuery: (s) => transferListQuery(s, handles), fetch: listTransfers, unit: '条' });
  const { state, update, data, loading } = list;
  const box = shownBox(state, handles);
  const boxes = transferBoxesOf(handles);
  const [receiving, setReceiving] = useState(false);
  const handling = useTransferHandling();
  const from = location.pathname + location.search;
  const columns = transferColumns({
    from,
    actions: handles ? (t) => handling.buttons(t, { link: true }) : undefined,
  });

  const toolbar = (
    <ListToolbar title={TRANSFER_BOX_LABELS[box]} total={data?.total} unit="条" totalTestId="transfer-total">
      <Space wrap>
        {box !== 'incoming' && (
          <Select
            id="transfer-status"
            allowClear
            placeholder="全部状态"
            aria-label="状态"
            style={{ width: 140 }}
            options={TRANSFER_STATUSES.map((s) => ({ value: s, label: TRANSFER_STATUS_LABELS[s] }))}
            value={state.status}
            onChange={(v?: TransferStatus) => update({ status: v, page: 1 })}
          />
        )}
        <ReloadButton onClick={list.reload} />
      </Space>
    </ListToolbar>
  );
  const items = data?.items ?? [];
  const pagination = list.tableProps.pagination;
  const table = phone ? (
    <>
      <LoadError error={list.error} title="档案转移加载失败" onRetry={list.reload} />
      {!data && loading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={EMPTY_TEXT[box]} />
      ) : (
        <ul className="transfer-items transfer-cards" id="transfer-list">
          {items.map((t) => (
            <TransferItem
              key={t.id}
              t={t}
              household={
                <>
                  {t.canOpen ? <WorkerNoLink id={t.householdId} workerNo={t.workerNo} from={from} /> : <span className="num">{t.workerNo}</span>} {t.name}
                  {t.newWorkerNo && t.newWorkerNo !== t.workerNo && <Typography.Text type="secondary">（新编号 {t.newWorkerNo}）</Typography.Text>}
                </>
              }
              actions={handling.buttons(t, { size: 'large' })}
            />
          ))}
        </ul>
      )}
      {(data?.total ?? 0) > pagination.pageSize! && (
        <Pagination
          simple
          align="center"
          style={{ margin: '12px 0' }}
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          onChange={(current, pageSize) => list.onPageChange({ current, pageSize })}
        />
      )}
    </>
  ) : (
    <>
      <LoadError error={list.error} title="档案转移加载失败" onRetry={list.reload} />
      <Table<TransferView>
        id="transfer-table"
        rowKey="id"
        columns={columns}
        {...list.tableProps}
        onChange={list.onPageChange}
        locale={{ emptyText: loading ? '正在加载…' : EMPTY_TEXT[box] }}
      />
    </>
  );

  return (
    <div className="page transfers-page">
      <PageHeader
        title="档案转移"
        subTitle={phone ? undefined : '家庭迁往其他县（市、区）或基层工会时转移档案：一方申请，另一方同意'}
        extra={
          access.canReceiveTransfers ? (
            <Button id="transfer-in" type="primary" icon={<ImportOutlined />} onClick={() => setReceiving(true)}>
              申请转入
            </Button>
          ) : undefined
        }
      />
      {boxes.length > 1 ? (
        <Card
          variant="borderless"
          className="table-card"
          id="transfer-boxes"
          activeTabKey={box}
          onTabChange={(k) => update({ box: k as TransferBox, status: undefined, page: 1 })}
          tabList={boxes.map((b) => ({ key: b, tab: <span data-testid={`transfer-tab-${b}`}>{TRANSFER_BOX_LABELS[b]}</span> }))}
        >
          {toolbar}
          {table}
        </Card>
      ) : (
        <Card variant="borderless" className="table-card" id="transfer-boxes">
          {toolbar}
          {table}
        </Card>
      )}
      {handling.modal}
      {access.canReceiveTransfers && <TransferInModal open={receiving} onClose={() => setReceiving(false)} onDone={() => update({ box: 'outgoing', status: undefined, page: 1 })} />}
    </div>
  );
}
