// /reviews — 待我审核: the files waiting for this user's level of review (单位工会: 待单位审核;
// 市总工会: 待市总审核). Row selection with a batch footer (同意 / 退回 with one opinion), then the
// per-file results; 审核 on a row opens the file, where the single review is given.
import { WarningCountTag } from '../../components/Tags';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckOutlined, ReloadOutlined, RollbackOutlined, SearchOutlined } from '@ant-design/icons';
import { listHouseholds, reviewBatch, type HouseholdListItem, type ReviewDecision } from '../../api/households';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { identityColumns } from '../../components/HouseholdColumns';
import { CategoryTag, EligibleBadge, StatusBadge } from '../../components/Tags';
import { ownRegionOf, type ReviewQueue } from '../../lib/access';
import { notifyReviewsChanged } from '../../lib/events';
import { dateText, dateTimeText, yuanText } from '../../lib/format';
import { useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { useRequest } from '../../lib/useRequest';
import { QUICK_OPINIONS } from '../../lib/opinions';
import { REVIEW_PAGE_SIZES, readReviewState, reviewApiQuery, summarizeBatch, writeReviewState, type BatchFailure } from './reviewQuery';
import '../households/household.css';
import './reviews.css';

const OPINION_MAX = 1000;
const SUMMARY_NAMES = 8;
const DECISION_TEXT: Record<ReviewDecision, string> = { agree: '同意', return: '退回' };

interface Pending {
  decision: ReviewDecision;
  rows: HouseholdListItem[];
}

interface Outcome {
  decision: ReviewDecision;
  done: number;
  failures: BatchFailure[];
}

export default function ReviewQueuePage() {
  const { reviewQueue } = useAccess();
  // the route is guarded by reviews.queue, so every visitor here has a queue
  return reviewQueue ? <Queue queue={reviewQueue} /> : null;
}

function Queue({ queue }: { queue: ReviewQueue }) {
  const user = useSessionUser();
  const ownRegion = ownRegionOf(user);
  const { regions, regionName } = useRegions(user);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');

  const state = useMemo(() => readReviewState(params), [params]);
  const apiQuery = useMemo(() => reviewApiQuery(state, queue, ownRegion), [state, queue, ownRegion]);
  const key = JSON.stringify(apiQuery);
  const { data, error, loading, reload } = useRequest((signal) => listHouseholds(apiQuery, signal), key);

  const [selected, setSelected] = useState<HouseholdListItem[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [opinionForm] = Form.useForm<{ opinion: string }>();

  useEffect(() => setQ(state.q ?? ''), [state.q]);
  // A new filter or page starts with nothing selected.
  useEffect(() => setSelected([]), [key]);
  // A page past the end (reviewed meanwhile): go to the last page.
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && state.page > 1) {
      const last = Math.max(1, Math.ceil(data.total / state.pageSize));
      if (last !== state.page) setParams(writeReviewState({ ...state, page: last }), { replace: true });
    }
  }, [data, state, setParams]);

  const update = (patch: Partial<typeof state>) => setParams(writeReviewState({ ...state, ...patch }));
  const from = location.pathname + location.search;
  const levelName = queue.level === 'unit' ? '单位工会' : '市总工会';

  function open(decision: ReviewDecision, rows: HouseholdListItem[]) {
    if (rows.length === 0) return;
    setSubmitError(null);
    setPending({ decision, rows });
  }

  async function submit() {
    if (!pending || submitting) return;
    let opinion: string;
    try {
      opinion = (await opinionForm.validateFields()).opinion.trim();
    } catch {
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      const r = await reviewBatch(
        pending.rows.map((x) => x.id),
        queue.level,
        pending.decision,
        opinion,
      );
      const s = summarizeBatch(r, pending.rows);
      setOutcome({ decision: pending.decision, ...s });
      setPending(null);
      setSelected([]);
      if (s.failures.length === 0) message.success(`已${DECISION_TEXT[pending.decision]} ${s.done} 户`);
      else message.warning(`已${DECISION_TEXT[pending.decision]} ${s.done} 户，${s.failures.length} 户未能审核`);
      reload();
      notifyReviewsChanged();
    } catch (e) {
      setSubmitError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  }

  const columns: TableProps<HouseholdListItem>['columns'] = [
    ...identityColumns<HouseholdListItem>({ idOf: (r) => r.id, from, regionName }),
    { title: '困难类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryTag value={v} /> },
    { title: '家庭人口', dataIndex: 'householdSize', key: 'householdSize', align: 'right' },
    { title: '人均年收入(元)', dataIndex: 'perCapitaIncome', key: 'perCapitaIncome', align: 'right', render: (v: number) => <span className="num">{yuanText(v)}</span> },
    { title: '识别结果', dataIndex: 'eligible', key: 'eligible', render: (v: boolean | null) => <EligibleBadge value={v} /> },
    {
      title: '建议类别',
      dataIndex: 'suggestedCategory',
      key: 'suggestedCategory',
      render: (v: string | null, r) => (v ? <CategoryTag value={v} /> : <Typography.Text type="secondary">{r.eligible === null ? '—' : '无'}</Typography.Text>),
    },
    {
      title: '数据提示',
      dataIndex: 'warningCount',
      key: 'warningCount',
      align: 'center',
      render: (n: number) => <WarningCountTag value={n} />,
    },
    { title: '填报日期', dataIndex: 'fillDate', key: 'fillDate', render: (v: string) => dateText(v) },
    { title: '提交时间', dataIndex: 'updatedAt', key: 'updatedAt', render: (v: string) => dateTimeText(v) },
    { title: '状态', dataIndex: 'status', key: 'status', render: (v: HouseholdListItem['status']) => <StatusBadge value={v} /> },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) => (
        <Link to={`/households/${r.id}`} state={{ from }} data-testid="review-row-open" aria-label={`审核 ${r.name} 的档案`}>
          审核
        </Link>
      ),
    },
  ];

  const onTableChange: TableProps<HouseholdListItem>['onChange'] = (pagination) => {
    const pageSize = pagination.pageSize ?? state.pageSize;
    update({ page: pageSize !== state.pageSize ? 1 : pagination.current ?? 1, pageSize });
  };

  const names = pending?.rows.slice(0, SUMMARY_NAMES).map((r) => `${r.workerNo} ${r.name}（${r.regionName || regionName(r.regionCode)}）`) ?? [];
  const quick = pending ? QUICK_OPINIONS[queue.level][pending.decision] : [];

  return (
    <div className="page">
      <PageHeader
        title="待我审核"
        tags={<Tag color="processing">{queue.level === 'unit' ? '单位工会审核' : '市总工会审核'}</Tag>}
        subTitle={
          queue.level === 'unit'
            ? '作为职工所在单位工会签署意见：同意后报市总工会审核，退回后由填报人修改重新提交'
            : '作为市总工会签署意见：同意后档案建档，退回后由填报人修改重新提交'
        }
      />

      <Card variant="borderless" className="table-card">
        <div className="table-toolbar">
          <div className="table-toolbar-title">
            {queue.status === 'submitted' ? '待单位审核' : '待市总审核'}
            {data && (
              <Typography.Text type="secondary" className="table-total" data-testid="review-total">
                共 {data.total.toLocaleString('zh-CN')} 户
              </Typography.Text>
            )}
          </div>
          <Space>
            <Select
              id="reviewFilter_regionCode"
              allowClear
              placeholder="全部地区"
              style={{ width: 180 }}
              options={regions}
              value={ownRegion ?? state.regionCode}
              disabled={!!ownRegion}
              onChange={(v) => update({ regionCode: v || undefined, page: 1 })}
              aria-label="地区"
            />
            <Input
              id="reviewFilter_q"
              allowClear
              placeholder="姓名 / 职工编号 / 身份证号"
              style={{ width: 220 }}
              value={q}
              maxLength={40}
              onChange={(e) => setQ(e.target.value)}
              onPressEnter={() => update({ q: q.trim() || undefined, page: 1 })}
              suffix={<SearchOutlined onClick={() => update({ q: q.trim() || undefined, page: 1 })} />}
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
            data-testid="review-results"
            message={
              outcome.failures.length
                ? `已${DECISION_TEXT[outcome.decision]} ${outcome.done} 户，${outcome.failures.length} 户未能审核`
                : `已${DECISION_TEXT[outcome.decision]} ${outcome.done} 户`
            }
            description={
              outcome.failures.length ? (
                <ul className="plain-list">
                  {outcome.failures.map((f) => (
                    <li key={f.id} data-code={f.code}>
                      {f.who}：{f.message}
                    </li>
                  ))}
                </ul>
              ) : outcome.decision === 'agree' ? (
                queue.level === 'unit' ? (
                  '这些档案已报市总工会审核。'
                ) : (
                  '这些档案已建档，纳入困难职工数据库。'
                )
              ) : (
                '这些档案已退回填报单位，修改后重新提交。'
              )
            }
          />
        )}
        {error != null && (
          <Alert type="error" showIcon message="待审核档案加载失败" description={errorMessage(error)} action={<Button onClick={reload}>重试</Button>} style={{ marginBottom: 12 }} />
        )}

        <Table<HouseholdListItem>
          id="review-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          rowSelection={{
            selectedRowKeys: selected.map((r) => r.id),
            onChange: (_keys, rows) => setSelected(rows),
            columnWidth: 40,
          }}
          locale={{ emptyText: loading ? '正在加载…' : `没有等待${levelName}审核的档案` }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: REVIEW_PAGE_SIZES.map(String),
            showQuickJumper: true,
            showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 户`,
          }}
        />
      </Card>

      {selected.length > 0 && (
        <div className="footer-toolbar" data-testid="review-footer">
          <div className="footer-toolbar-left">
            <span data-testid="review-selected">
              已选择<span className="footer-toolbar-count">{selected.length}</span>户
            </span>
            <Button type="link" size="small" onClick={() => setSelected([])} style={{ padding: 0 }}>
              取消选择
            </Button>
          </div>
          <Space>
            <Button id="review-batch-return" danger icon={<RollbackOutlined />} onClick={() => open('return', selected)}>
              退回
            </Button>
            <Button id="review-batch-agree" type="primary" icon={<CheckOutlined />} onClick={() => open('agree', selected)}>
              同意
            </Button>
          </Space>
        </div>
      )}

      <Modal
        title={pending ? `批量${DECISION_TEXT[pending.decision]}（${pending.rows.length} 户）· ${levelName}意见` : ''}
        open={!!pending}
        okText={pending ? DECISION_TEXT[pending.decision] : '确定'}
        cancelText="取消"
        okButtonProps={{ id: 'review-batch-ok', danger: pending?.decision === 'return', loading: submitting }}
        onOk={submit}
        onCancel={() => !submitting && setPending(null)}
        destroyOnHidden
        width={600}
      >
        {pending && (
          <div data-testid="review-batch-summary">
            <p>
              {pending.decision === 'agree'
                ? queue.level === 'unit'
                  ? `以下 ${pending.rows.length} 户将签署单位工会“同意”意见，报市总工会审核：`
                  : `以下 ${pending.rows.length} 户将签署市总工会“同意”意见并建档：`
                : `以下 ${pending.rows.length} 户将退回填报单位修改，退回意见将告知填报人：`}
            </p>
            <ul className="plain-list proposal-summary-list">
              {names.map((n) => (
                <li key={n}>{n}</li>
              ))}
              {pending.rows.length > SUMMARY_NAMES && <li>等共 {pending.rows.length} 户</li>}
            </ul>
            <Form form={opinionForm} name="reviewBatch" layout="vertical" preserve={false} style={{ marginTop: 12 }}>
              <Form.Item
                name="opinion"
                label="审核意见（同一意见签署到每一户）"
                htmlFor="review-batch-opinion"
                rules={[{ required: true, whitespace: true, message: pending.decision === 'return' ? '请填写退回原因' : '请填写审核意见' }]}
                style={{ marginBottom: 8 }}
              >
                <Input.TextArea
                  id="review-batch-opinion"
                  autoSize={{ minRows: 3, maxRows: 6 }}
                  maxLength={OPINION_MAX}
                  showCount
                  placeholder={pending.decision === 'agree' ? '例如：经入户核实，情况属实，同意上报。' : '写明需要修改或补充的内容'}
                />
              </Form.Item>
            </Form>
            <div className="quick-opinions">
              <Typography.Text type="secondary">常用意见：</Typography.Text>
              {quick.map((t) => (
                <Tag key={t} className="quick-opinion" onClick={() => opinionForm.setFieldsValue({ opinion: t })}>
                  {t}
                </Tag>
              ))}
            </div>
            {submitError && <Alert type="error" showIcon message="审核失败" description={submitError} style={{ marginTop: 12 }} role="alert" />}
          </div>
        )}
      </Modal>
    </div>
  );
}
