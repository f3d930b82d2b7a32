// /removal-proposals — 剔除建议: files that meet none of the three conditions wait here for a
// person. Tabs by status, a region filter, row selection with a batch footer (确认剔除 / 不予剔除),
// each decision with an optional note, then the per-item results.
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Modal, Popover, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import {
  PROPOSAL_STATUSES,
  PROPOSAL_STATUS_LABELS,
  decideProposals,
  listProposals,
  type Decision,
  type ProposalStatus,
  type RemovalProposal,
} from '../../api/proposals';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { identityColumns } from '../../components/HouseholdColumns';
import { CategoryTag } from '../../components/Tags';
import { notifyProposalsChanged } from '../../lib/events';
import { dateTimeText, yuanText } from '../../lib/format';
import { ownRegionOf, useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { useRequest } from '../../lib/useRequest';
import { PROPOSAL_PAGE_SIZES, readProposalQuery, summarizeDecision, writeProposalQuery, type DecideFailure } from './proposalQuery';
import './proposals.css';

const NOTE_MAX = 500;
const SUMMARY_NAMES = 8;

const DECISION_TEXT: Record<Decision, string> = { confirm: '确认剔除', reject: '不予剔除' };

interface Pending {
  decision: Decision;
  rows: RemovalProposal[];
}

interface Outcome {
  decision: Decision;
  decided: number;
  failures: DecideFailure[];
}

export default function RemovalProposalsPage() {
  const user = useSessionUser();
  const { canDecideProposals } = useAccess();
  const ownRegion = ownRegionOf(user);
  const { regions, regionName } = useRegions(user);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const { message } = App.useApp();

  const query = useMemo(() => readProposalQuery(params), [params]);
  const apiQuery = useMemo(() => ({ ...query, regionCode: ownRegion ?? query.regionCode }), [query, ownRegion]);
  const key = JSON.stringify(apiQuery);
  const { data, error, loading, reload } = useRequest((signal) => listProposals(apiQuery, signal), key);

  const [selected, setSelected] = useState<RemovalProposal[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [noteForm] = Form.useForm<{ note?: string }>();

  // A new tab, filter or page starts with nothing selected.
  useEffect(() => setSelected([]), [key]);

  // A page past the end (decided meanwhile): go to the last page.
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && query.page > 1) {
      const last = Math.max(1, Math.ceil(data.total / query.pageSize));
      if (last !== query.page) setParams(writeProposalQuery({ ...query, page: last }), { replace: true });
    }
  }, [data, query, setParams]);

  const update = (patch: Partial<typeof query>) => setParams(writeProposalQuery({ ...query, ...patch }));
  const isPending = query.status === 'pending';
  /** the pending tab with decisions: only for those who decide (viewers read) */
  const deciding = isPending && canDecideProposals;
  const from = location.pathname + location.search;

  function openDecision(decision: Decision, rows: RemovalProposal[]) {
    if (rows.length === 0) return;
    setSubmitError(null);
    setPending({ decision, rows });
  }

  async function submitDecision() {
    if (!pending || submitting) return;
    let note: string | undefined;
    try {
      note = (await noteForm.validateFields()).note?.trim() || undefined;
    } catch {
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      const r = await decideProposals(
        pending.rows.map((x) => x.id),
        pending.decision,
        note,
      );
      const s = summarizeDecision(r, pending.rows);
      setOutcome({ decision: pending.decision, ...s });
      setPending(null);
      setSelected([]);
      if (s.failures.length === 0) message.success(`已${DECISION_TEXT[pending.decision]} ${s.decided} 户`);
      else message.warning(`已处理 ${s.decided} 户，${s.failures.length} 户未能处理`);
      reload();
      notifyProposalsChanged();
    } catch (e) {
      setSubmitError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  }

  const columns: TableProps<RemovalProposal>['columns'] = [
    ...identityColumns<RemovalProposal>({ idOf: (r) => r.householdId, from, regionName }),
    { title: '申报类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryTag value={v} /> },
    { title: '人均年收入(元)', dataIndex: 'perCapitaIncome', key: 'perCapitaIncome', align: 'right', render: (v: number) => <span className="num">{yuanText(v)}</span> },
    {
      title: '年低保标准(元)',
      dataIndex: 'annualLine',
      key: 'annualLine',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : <span className="num">{yuanText(v)}</span>),
    },
    {
      title: '剔除理由',
      dataIndex: 'reason',
      key: 'reason',
      render: (v: string, r) => (
        <Popover
          title="剔除理由"
          trigger={['hover', 'click']}
          placement="left"
          content={
            <div className="proposal-reason-full">
              <p>{r.explanation}</p>
              {r.policyVersion !== null && <Typography.Text type="secondary">依据第 {r.policyVersion} 版政策</Typography.Text>}
            </div>
          }
        >
          <span className="proposal-reason" tabIndex={0}>
            {v.replace(/^经精准识别，/, '')}
          </span>
        </Popover>
      ),
    },
    { title: '建议时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dateTimeText(v) },
    ...(isPending
      ? []
      : ([
          { title: '处理时间', dataIndex: 'decidedAt', key: 'decidedAt', render: (v: string | null) => dateTimeText(v) || '—' },
          {
            title: '说明',
            dataIndex: 'note',
            key: 'note',
            render: (v: string | null) =>
              v ? (
                <Tooltip title={v}>
                  <span className="proposal-note">{v}</span>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ] as NonNullable<TableProps<RemovalProposal>['columns']>)),
    ...(deciding
      ? ([
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r: RemovalProposal) => (
              <Space size={12}>
                <Button type="link" danger size="small" className="link-button" data-testid="proposal-row-confirm" aria-label={`确认剔除 ${r.name}`} onClick={() => openDecision('confirm', [r])}>
                  确认剔除
                </Button>
                <Button type="link" size="small" className="link-button" data-testid="proposal-row-reject" aria-label={`不予剔除 ${r.name}`} onClick={() => openDecision('reject', [r])}>
                  不予剔除
                </Button>
              </Space>
            ),
          },
        ] as NonNullable<TableProps<RemovalProposal>['columns']>)
      : []),
  ];

  const onTableChange: TableProps<RemovalProposal>['onChange'] = (pagination) => {
    const pageSize = pagination.pageSize ?? query.pageSize;
    update({ page: pageSize !== query.pageSize ? 1 : pagination.current ?? 1, pageSize });
  };

  const names = pending?.rows.slice(0, SUMMARY_NAMES).map((r) => `${r.workerNo} ${r.name}（${r.regionName || regionName(r.regionCode)}）`) ?? [];

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
          setOutcome(null);
          update({ status: k as ProposalStatus, page: 1 });
        }}
        tabList={PROPOSAL_STATUSES.map((s) => ({ key: s, tab: <span data-testid={`proposal-tab-${s}`}>{PROPOSAL_STATUS_LABELS[s]}</span> }))}
      >
        <div className="table-toolbar">
          <div className="table-toolbar-title">
            {PROPOSAL_STATUS_LABELS[query.status]}
            {data && (
              <Typography.Text type="secondary" className="table-total" data-testid="proposal-total">
                共 {data.total.toLocaleString('zh-CN')} 条
              </Typography.Text>
            )}
          </div>
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
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
            </Tooltip>
          </Space>
        </div>

        {outcome && (
          <Alert
            type={outcome.failures.length ? 'warning' : 'success'}
            showIcon
            closable
            onClose={() => setOutcome(null)}
            style={{ marginBottom: 12 }}
            data-testid="proposal-results"
            message={
              outcome.failures.length
                ? `已${DECISION_TEXT[outcome.decision]} ${outcome.decided} 户，${outcome.failures.length} 户未能处理`
                : `已${DECISION_TEXT[outcome.decision]} ${outcome.decided} 户`
            }
            description={
              outcome.failures.length ? (
                <ul className="plain-list">
                  {outcome.failures.map((f) => (
                    <li key={f.id}>
                      {f.who}：{f.message}
                    </li>
                  ))}
                </ul>
              ) : outcome.decision === 'confirm' ? (
                <span>
                  这些档案已剔除，可在「<a onClick={() => update({ status: 'confirmed', page: 1 })}>已确认剔除</a>」中查看，档案与版本历史仍保留。
                </span>
              ) : (
                '这些档案保留在册。'
              )
            }
          />
        )}
        {error != null && (
          <Alert type="error" showIcon message="剔除建议加载失败" description={errorMessage(error)} action={<Button onClick={reload}>重试</Button>} style={{ marginBottom: 12 }} />
        )}

        <Table<RemovalProposal>
          id="proposal-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          rowSelection={
            deciding
              ? {
                  selectedRowKeys: selected.map((r) => r.id),
                  onChange: (_keys, rows) => setSelected(rows),
                  columnWidth: 40,
                }
              : undefined
          }
          locale={{ emptyText: loading ? '正在加载…' : isPending ? '没有待处理的剔除建议' : '暂无记录' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PROPOSAL_PAGE_SIZES.map(String),
            showQuickJumper: true,
            showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 条`,
          }}
        />
      </Card>

      {deciding && selected.length > 0 && (
        <div className="footer-toolbar" data-testid="proposal-footer">
          <div className="footer-toolbar-left">
            <span>
              已选择<span className="footer-toolbar-count">{selected.length}</span>项
            </span>
            <Button type="link" size="small" onClick={() => setSelected([])} style={{ padding: 0 }}>
              取消选择
            </Button>
          </div>
          <Space>
            <Button id="proposal-reject" onClick={() => openDecision('reject', selected)}>
              不予剔除
            </Button>
            <Button id="proposal-confirm" type="primary" danger onClick={() => openDecision('confirm', selected)}>
              确认剔除
            </Button>
          </Space>
        </div>
      )}

      <Modal
        title={pending ? `${DECISION_TEXT[pending.decision]}（${pending.rows.length} 户）` : ''}
        open={!!pending}
        okText={pending ? DECISION_TEXT[pending.decision] : '确定'}
        cancelText="取消"
        okButtonProps={{ id: 'proposal-modal-ok', danger: pending?.decision === 'confirm', loading: submitting }}
        onOk={submitDecision}
        onCancel={() => !submitting && setPending(null)}
        destroyOnHidden
        width={560}
      >
        {pending && (
          <div data-testid="proposal-modal-summary">
            <p>
              {pending.decision === 'confirm'
                ? `以下 ${pending.rows.length} 户将从困难职工数据库中剔除，剔除原因为识别说明；档案与版本历史仍会保留。`
                : `以下 ${pending.rows.length} 户将保留在册，剔除建议标记为「不予剔除」。`}
            </p>
            <ul className="plain-list proposal-summary-list">
              {names.map((n) => (
                <li key={n}>{n}</li>
              ))}
              {pending.rows.length > SUMMARY_NAMES && <li>等共 {pending.rows.length} 户</li>}
            </ul>
            <Form form={noteForm} name="proposal" layout="vertical" preserve={false} style={{ marginTop: 12 }}>
              <Form.Item name="note" label="说明（可不填）" htmlFor="proposal-note" rules={[{ max: NOTE_MAX, message: `说明不能超过${NOTE_MAX}个字` }]} style={{ marginBottom: 0 }}>
                <Input.TextArea
                  id="proposal-note"
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={NOTE_MAX}
                  showCount
                  placeholder={pending.decision === 'confirm' ? '例如：经入户核实，家庭收入已明显改善' : '例如：经核实该户仍有实际困难，暂不剔除'}
                />
              </Form.Item>
            </Form>
            {submitError && <Alert type="error" showIcon message="处理失败" description={submitError} style={{ marginTop: 12 }} role="alert" />}
          </div>
        )}
      </Modal>
    </div>
  );
}
