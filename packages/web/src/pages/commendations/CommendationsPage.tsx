// /commendations — 表彰: a year's nominations of units (先进单位) and people (先进个人), filtered by
// status. The city union and the county unions nominate (新增推荐; also from the 考核 ranking); the
// city union approves or declines; everyone prints the year's approved list or exports it.
import { useState } from 'react';
import { App, Button, Card, Space, Table, Tabs } from 'antd';
import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { COMMENDATION_STATUS_LABELS, COMMENDATION_STATUSES } from '@bangfu/core';
import { decideCommendation, downloadCommendations, type Commendation } from '../../api/commendations';
import { useCommendations, useInvalidateCommendations } from '../../api/queries/assessment';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { YearSelect } from '../../components/YearSelect';
import { useParamsUpdate } from '../../lib/useParamsUpdate';
import { useAccess } from '../../lib/session';
import { useDownload } from '../../lib/useDownload';
import { currentYearInChina } from '../../lib/assistance';
import { commendationColumns } from './commendationColumns';
import { countByStatus, isStatusFilter, rowsOf, type StatusFilter } from './commendationText';
import { CommendationDecisionModal, type Decision } from './components/CommendationDecisionModal';
import { NominationModal } from './components/NominationModal';
import './commendations.css';

export default function CommendationsPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const [params, update] = useParamsUpdate();
  const thisYear = currentYearInChina();
  const year = Number(params.get('year')) || thisYear;
  const s = params.get('status');
  const status: StatusFilter = isStatusFilter(s) ? s : 'all';
  const q = useCommendations({ year });
  const invalidate = useInvalidateCommendations();
  const { busy: downloading, download } = useDownload();
  const [nominating, setNominating] = useState(false);
  const [deciding, setDeciding] = useState<{ item: Commendation; decision: Decision } | null>(null);
  const [decisionBusy, setDecisionBusy] = useState(false);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const items = q.data?.items ?? [];
  const counts = countByStatus(items);
  const rows = rowsOf(items, status);
  const reload = () => void q.refetch();


  async function decide(opinion: string) {
    if (!deciding) return;
    setDecisionBusy(true);
    setDecisionError(null);
    try {
      const c = await decideCommendation(deciding.item.id, deciding.decision, opinion || undefined);
      message.success(c.status === 'approved' ? '已批准，列入表彰名单' : '已不批准');
      setDeciding(null);
      invalidate();
    } catch (e) {
      setDecisionError(errorMessage(e));
    } finally {
      setDecisionBusy(false);
    }
  }

  const tabs = (['all', ...COMMENDATION_STATUSES] as const).map((k) => ({ key: k, label: `${k === 'all' ? '全部' : COMMENDATION_STATUS_LABELS[k]}${q.data ? ` ${counts[k]}` : ''}` }));

  return (
    <div className="page">
      <PageHeader title="表彰" subTitle="对精准帮扶工作成效显著的单位和个人集中表彰：县（市、区）工会和市总工会推荐，市总工会审批" />
      <Card variant="borderless" className="table-card">
        <ListToolbar
          title={
            <Space>
              <YearSelect id="commendation-year" value={year} onChange={(v) => update({ year: String(v) })} />
              <span>表彰推荐</span>
            </Space>
          }
          total={q.data ? rows.length : undefined}
          unit="项"
        >
          <Space wrap>
            <ReloadButton onClick={reload} />
            <Button icon={<PrinterOutlined />} id="commendation-pdf" loading={downloading} onClick={() => void download('正在生成表彰名单…', () => downloadCommendations(year, 'pdf'))}>
              打印名单（PDF）
            </Button>
            <Button icon={<DownloadOutlined />} id="commendation-xlsx" loading={downloading} onClick={() => void download('正在生成表彰名单…', () => downloadCommendations(year, 'xlsx'), (n) => `已导出 ${n}`)}>
              导出Excel
            </Button>
            {access.canProposeCommendations && (
              <Button type="primary" icon={<PlusOutlined />} id="commendation-new" onClick={() => setNominating(true)}>
                新增推荐
              </Button>
            )}
          </Space>
        </ListToolbar>
        <Tabs id="commendation-status" activeKey={status} onChange={(k) => update({ status: k })} items={tabs} size="small" />
        <LoadError error={q.error} title="表彰推荐加载失败" onRetry={reload} />
        <Table<Commendation>
          id="commendation-table"
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={rows}
          columns={commendationColumns(access.canDecideCommendations ? (item, decision) => setDeciding({ item, decision }) : null)}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: q.isFetching ? '正在加载…' : `${year} 年度暂无${status === 'all' ? '' : COMMENDATION_STATUS_LABELS[status]}的表彰推荐` }}
          onRow={(c) => ({ 'data-commendation-id': c.id, 'data-status': c.status, 'data-org': c.orgCode, 'data-kind': c.kind }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      {access.canProposeCommendations && (
        <NominationModal
          open={nominating}
          year={year}
          onCancel={() => setNominating(false)}
          onDone={() => {
            setNominating(false);
            message.success('已推荐，待市总工会审批');
            invalidate();
          }}
        />
      )}
      <CommendationDecisionModal
        item={deciding?.item ?? null}
        decision={deciding?.decision ?? 'approve'}
        busy={decisionBusy}
        error={decisionError}
        onOk={(o) => void decide(o)}
        onCancel={() => {
          setDeciding(null);
          setDecisionError(null);
        }}
      />
    </div>
  );
}
