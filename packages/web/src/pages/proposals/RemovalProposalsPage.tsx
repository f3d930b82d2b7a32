// /removal-proposals — 剔除建议: files that meet none of the three conditions wait here for a
// person. Tabs by status, a region filter, row selection with a batch footer (确认剔除 / 不予剔除),
// each decision with an optional note, then the per-item results.
import { useLocation } from 'react-router';
import { Button, Card, Form, Select, Space, Table } from 'antd';
import { PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, decideProposals, listProposals, type Decision, type ProposalStatus, type RemovalProposal } from '../../api/proposals';
import PageHeader from '../../components/PageHeader';
import { BatchFooter, ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { BatchOutcomeAlert } from '../../components/list/BatchOutcome';
import { useBatchAction } from '../../components/list/useBatchAction';
import { useListPage } from '../../components/list/useListPage';
import { notifyProposalsChanged } from '../../lib/events';
import { ownRegionOf, useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { PROPOSAL_CODEC, summarizeDecision } from './proposalQuery';
import { proposalColumns } from './columns';
import { DECISION_TEXT, DecisionModal } from './components/DecisionModal';
import './proposals.css';

export default function RemovalProposalsPage() {
  const user = useSessionUser();
  const { canDecideProposals } = useAccess();
  const ownRegion = ownRegionOf(user);
  const { regions, regionName } = useRegions(user);
  const location = useLocation();
  const list = useListPage({
    codec: PROPOSAL_CODEC,
    name: 'removal-proposals',
    toQuery: (s) => ({ ...s, regionCode: ownRegion ?? s.regionCode }),
    fetch: listProposals,
    unit: '条',
  });
  const { state: query, update, data, loading } = list;
  const [noteForm] = Form.useForm<{ note?: string }>();
  const batch = useBatchAction<Decision, RemovalProposal>({
    run: (decision, rows, note) =>
      decideProposals(
        rows.map((x) => x.id),
        decision,
        note,
      ).then((r) => {
        const s = summarizeDecision(r, rows);
        return { done: s.decided, failures: s.failures };
      }),
    success: (o) => `已${DECISION_TEXT[o.decision]} ${o.done} 户`,
    partial: (o) => `已处理 ${o.done} 户，${o.failures.length} 户未能处理`,
    invalidate: [['removal-proposals']],
    onDone: notifyProposalsChanged,
  });

  const isPending = query.status === 'pending';
  /** the pending tab with decisions: only for those who decide (viewers read) */
  const deciding = isPending && canDecideProposals;
  const from = location.pathname + location.search;

  async function submitDecision() {
    if (!batch.pending || batch.submitting) return;
    let note: string | undefined;
    try {
      note = (await noteForm.validateFields()).note?.trim() || undefined;
    } catch {
      return;
    }
    if (await batch.submit(note)) list.clearSelection();
  }

  return (
    <div className="page">
      <PageHeader
        title="剔除建议"
        subTitle={canDecideProposals ? '经精准识别三项条件均不符合的在册档案，请核实后确认剔除或不予剔除' : '经精准识别三项条件均不符合的在册档案，由市总工会和县区工会核实处理'}
      />

      <Card
        variant="borderless"
        className="table-card proposal-card"
        activeTabKey={query.status}
        onTabChange={(k) => {
          batch.clearOutcome();
          update({ status: k as ProposalStatus, page: 1 });
        }}
        tabList={PROPOSAL_STATUSES.map((s) => ({ key: s, tab: <span data-testid={`proposal-tab-${s}`}>{PROPOSAL_STATUS_LABELS[s]}</span> }))}
      >
        <ListToolbar title={PROPOSAL_STATUS_LABELS[query.status]} total={data?.total} unit="条" totalTestId="proposal-total">
          <Space>
            <span className="toolbar-label">地区</span>
            <Select
              id="proposalFilter_regionCode"
              allowClear
              placeholder="全部地区"
              style={{ width: 180 }}
              options={regions}
              value={ownRegion ?? query.regionCode}
              disabled={!!ownRegion}
              onChange={(v) => update({ regionCode: v || undefined, page: 1 })}
            />
            <ReloadButton onClick={list.reload} />
          </Space>
        </ListToolbar>

        <BatchOutcomeAlert
          outcome={batch.outcome}
          testId="proposal-results"
          onClose={batch.clearOutcome}
          title={(o) => (o.failures.length ? `已${DECISION_TEXT[o.decision]} ${o.done} 户，${o.failures.length} 户未能处理` : `已${DECISION_TEXT[o.decision]} ${o.done} 户`)}
          next={(o) =>
            o.decision === 'confirm' ? (
              <span>
                这些档案已剔除，可在「<a onClick={() => update({ status: 'confirmed', page: 1 })}>已确认剔除</a>」中查看，档案与版本历史仍保留。
              </span>
            ) : (
              '这些档案保留在册。'
            )
          }
        />
        <LoadError error={list.error} title="剔除建议加载失败" onRetry={list.reload} />

        <Table<RemovalProposal>
          id="proposal-table"
          rowKey="id"
          columns={proposalColumns({ from, regionName, isPending, onDecide: deciding ? batch.open : undefined })}
          {...list.tableProps}
          onChange={list.onPageChange}
          rowSelection={deciding ? list.rowSelection((r) => r.id) : undefined}
          locale={{ emptyText: loading ? '正在加载…' : isPending ? '没有待处理的剔除建议' : '暂无记录' }}
        />
      </Card>

      {deciding && (
        <BatchFooter count={list.selected.length} unit="项" testId="proposal-footer" onClear={list.clearSelection}>
          <Button id="proposal-reject" onClick={() => batch.open('reject', list.selected)}>
            不予剔除
          </Button>
          <Button id="proposal-confirm" type="primary" danger onClick={() => batch.open('confirm', list.selected)}>
            确认剔除
          </Button>
        </BatchFooter>
      )}

      <DecisionModal
        pending={batch.pending}
        form={noteForm}
        submitting={batch.submitting}
        submitError={batch.submitError}
        regionName={regionName}
        onOk={() => void submitDecision()}
        onCancel={batch.cancel}
      />
    </div>
  );
}
