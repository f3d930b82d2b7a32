import { WarningCountTag } from '../../components/Tags';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert, Badge, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { CATEGORIES, CONDITION_CODES, CONDITION_DESCRIPTIONS, CONDITION_LABELS, FLAG_LABELS, HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS, IDENTIFY_FLAGS, type ConditionCode, type IdentifyFlag } from '@bangfu/core';
import { listHouseholds, type EligibleFilter, type HouseholdListItem, type SortKey } from '../../api/households';
import { errorMessage } from '../../api/request';
import { dateText, yuanText } from '../../lib/format';
import { ownRegionOf, useAccess, useSessionUser } from '../../lib/session';
import { canEditListed } from '../../lib/access';
import { useRegions } from '../../lib/useOrgs';
import { useRequest } from '../../lib/useRequest';
import PageHeader from '../../components/PageHeader';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { CategoryTag, EligibleBadge, StatusBadge } from '../../components/Tags';
import { FLAG_SHORT_LABELS } from '../../lib/identification';
import { BatchPrintButton } from './PrintButtons';
import { PAGE_SIZES, hasIdentificationFilter, readListState, toApiQuery, toExportQuery, writeListState, type ListState, type StatusFilter } from './listQuery';
import ExportButton from './ExportButton';

interface FilterValues {
  regionCode?: string;
  category?: string;
  status: StatusFilter;
  q?: string;
  eligible?: EligibleFilter;
  condition?: ConditionCode;
  suggestedCategory?: string;
  flag?: IdentifyFlag;
}

const ELIGIBLE_OPTIONS: { value: EligibleFilter; label: string }[] = [
  { value: 'true', label: '符合' },
  { value: 'false', label: '不符合' },
  { value: 'unknown', label: '无法判定' },
];
const CONDITION_OPTIONS = CONDITION_CODES.map((c) => ({ value: c, label: `${CONDITION_LABELS[c]}（${CONDITION_DESCRIPTIONS[c]}）`, short: CONDITION_LABELS[c] }));
const SUGGESTED_OPTIONS = [...CATEGORIES.map((c) => ({ value: c as string, label: c as string })), { value: 'none', label: '无（不符合或无法判定）' }];
const FLAG_OPTIONS = IDENTIFY_FLAGS.map((f) => ({ value: f, label: FLAG_LABELS[f] }));


const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: HOUSEHOLD_STATUS_LABELS[s] })),
];

/** Files no longer on the books: their identification result is not shown. */
const CLOSED = new Set<string>(['removed', 'exited']);

// Clicking a sorted header flips the order; it never drops back to "unsorted" (the server
// always sorts, by 更新时间 descending unless told otherwise).
const ASC_FIRST: ('ascend' | 'descend')[] = ['ascend', 'descend', 'ascend'];
const DESC_FIRST: ('ascend' | 'descend')[] = ['descend', 'ascend', 'descend'];

export default function HouseholdListPage() {
  const user = useSessionUser();
  const access = useAccess();
  const ownRegion = ownRegionOf(user);
  const { regions, regionName } = useRegions(user);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FilterValues>();
  const [moreOpen, setMoreOpen] = useState(false);

  const state = useMemo(() => readListState(params), [params]);
  const apiQuery = useMemo(() => toApiQuery(state, ownRegion), [state, ownRegion]);
  const key = JSON.stringify(apiQuery);
  const { data, error, loading, reload } = useRequest((signal) => listHouseholds(apiQuery, signal), key);

  // The filter form follows the URL (Back, a pasted link).
  useEffect(() => {
    form.setFieldsValue({
      regionCode: ownRegion ?? state.regionCode,
      category: state.category,
      status: state.status,
      q: state.q ?? '',
      eligible: state.eligible,
      condition: state.condition,
      suggestedCategory: state.suggestedCategory,
      flag: state.flag,
    });
  }, [form, state, ownRegion]);

  // A link with identification filters opens the 「更多条件」 row.
  const moreActive = hasIdentificationFilter(state);
  useEffect(() => {
    if (moreActive) setMoreOpen(true);
  }, [moreActive]);

  // A page number past the end (records removed meanwhile): go to the last page.
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && state.page > 1) {
      const last = Math.max(1, Math.ceil(data.total / state.pageSize));
      if (last !== state.page) setParams(writeListState({ ...state, page: last }), { replace: true });
    }
  }, [data, state, setParams]);

  const update = (patch: Partial<ListState>) => setParams(writeListState({ ...state, ...patch }));

  function onSearch(v: FilterValues) {
    update({
      regionCode: ownRegion ? undefined : v.regionCode || undefined,
      category: v.category || undefined,
      status: v.status,
      q: v.q?.trim() || undefined,
      eligible: v.eligible || undefined,
      condition: v.condition || undefined,
      suggestedCategory: v.suggestedCategory || undefined,
      flag: v.flag || undefined,
      page: 1,
    });
  }

  function onReset() {
    setParams(writeListState({ ...readListState(new URLSearchParams()), pageSize: state.pageSize }));
  }

  const from = location.pathname + location.search;
  const sortOrderOf = (k: SortKey) => (state.sortKey === k ? (state.sortOrder === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableProps<HouseholdListItem>['columns'] = [
    {
      title: '职工编号',
      dataIndex: 'workerNo',
      key: 'workerNo',
      sorter: true,
      sortDirections: ASC_FIRST,
      sortOrder: sortOrderOf('workerNo'),
      render: (v: string, r) => <WorkerNoLink id={r.id} workerNo={v} from={from} />,
    },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 80, ellipsis: true },
    { title: '性别', dataIndex: 'gender', key: 'gender', align: 'center' },
    { title: '身份证号', dataIndex: 'idNumber', key: 'idNumber', render: (v: string) => <span className="num">{v}</span> },
    {
      title: '地区',
      dataIndex: 'regionName',
      key: 'regionName',
      width: 92,
      ellipsis: { showTitle: true },
      render: (v: string, r) => v || regionName(r.regionCode),
    },
    { title: '困难类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryTag value={v} /> },
    { title: '家庭人口', dataIndex: 'householdSize', key: 'householdSize', align: 'right' },
    {
      title: '人均年收入(元)',
      dataIndex: 'perCapitaIncome',
      key: 'perCapitaIncome',
      align: 'right',
      sorter: true,
      sortDirections: ASC_FIRST,
      sortOrder: sortOrderOf('perCapitaIncome'),
      render: (v: number) => <span className="num">{yuanText(v)}</span>,
    },
    {
      title: '识别结果',
      dataIndex: 'eligible',
      key: 'eligible',
      render: (v: boolean | null, r) => (
        <span data-testid="list-eligible" data-eligible={v === null ? 'unknown' : String(v)}>
          {CLOSED.has(r.status) ? <Typography.Text type="secondary">—</Typography.Text> : <EligibleBadge value={v} />}
        </span>
      ),
    },
    {
      title: '建议类别',
      dataIndex: 'suggestedCategory',
      key: 'suggestedCategory',
      render: (v: string | null, r) =>
        v ? (
          <CategoryTag value={v} />
        ) : (
          <Typography.Text type="secondary">{r.eligible === null ? '—' : '无'}</Typography.Text>
        ),
    },
    {
      title: '识别提示',
      dataIndex: 'flags',
      key: 'flags',
      render: (flags: IdentifyFlag[] | undefined) =>
        flags && flags.length ? (
          <span className="flag-tags">
            {flags.map((f) => (
              <Tooltip key={f} title={FLAG_LABELS[f] ?? f}>
                <Tag color={f === 'noLine' ? 'default' : 'warning'} data-flag={f}>
                  {FLAG_SHORT_LABELS[f] ?? f}
                </Tag>
              </Tooltip>
            ))}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '填报日期',
      dataIndex: 'fillDate',
      key: 'fillDate',
      sorter: true,
      sortDirections: DESC_FIRST,
      sortOrder: sortOrderOf('fillDate'),
      render: (v: string) => dateText(v),
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortDirections: DESC_FIRST,
      sortOrder: sortOrderOf('updatedAt'),
      render: (v: string) => dateText(v),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (v: HouseholdListItem['status']) => <StatusBadge value={v} />,
    },
    {
      title: '数据提示',
      dataIndex: 'warningCount',
      key: 'warningCount',
      align: 'center',
      render: (n: number) => <WarningCountTag value={n} />,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={12}>
          <Link to={`/households/${r.id}`} state={{ from }} aria-label={`查看 ${r.name} 的档案`}>
            查看
          </Link>
          {canEditListed(user.role, r.status) && (
            <Link to={`/households/${r.id}/edit`} state={{ from }} aria-label={`编辑 ${r.name} 的档案`}>
              编辑
            </Link>
          )}
        </Space>
      ),
    },
  ];

  const onTableChange: TableProps<HouseholdListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const k = s?.columnKey as SortKey | undefined;
      if (k && s.order) update({ sortKey: k, sortOrder: s.order === 'ascend' ? 'asc' : 'desc', page: 1 });
      return;
    }
    const pageSize = pagination.pageSize ?? state.pageSize;
    update({ page: pageSize !== state.pageSize ? 1 : pagination.current ?? 1, pageSize });
  };

  return (
    <div className="page">
      <PageHeader title="档案列表" subTitle={access.linkedOnly ? '您定点联系的困难职工档案（一户一档）' : '困难职工档案（一户一档）'} />

      <Card className="filter-card" variant="borderless">
        <Form<FilterValues> form={form} name="householdFilter" layout="horizontal" onFinish={onSearch} initialValues={{ status: 'all' }} labelCol={{ flex: '68px' }}>
          <Row gutter={[24, 12]}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="地区" name="regionCode" style={{ marginBottom: 0 }}>
                <Select allowClear placeholder="全部地区" options={regions} disabled={!!ownRegion} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label="困难类别" name="category" style={{ marginBottom: 0 }}>
                <Select allowClear placeholder="全部类别" options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label="状态" name="status" style={{ marginBottom: 0 }}>
                <Select options={STATUS_OPTIONS} popupMatchSelectWidth={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="关键词" name="q" style={{ marginBottom: 0 }}>
                <Input allowClear placeholder="姓名 / 职工编号 / 身份证号" maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={3} className="filter-actions">
              <Space>
                <Button onClick={onReset} id="householdFilter_reset">
                  重置
                </Button>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} id="householdFilter_submit">
                  查询
                </Button>
              </Space>
            </Col>
          </Row>
          <div className="filter-more-toggle">
            <Button
              type="link"
              size="small"
              id="householdFilter_more"
              aria-expanded={moreOpen}
              aria-controls="householdFilter_moreRow"
              onClick={() => setMoreOpen(!moreOpen)}
            >
              {moreOpen ? '收起' : '更多条件'}
              {moreOpen ? <UpOutlined /> : <DownOutlined />}
              {!moreOpen && moreActive && <Badge status="processing" style={{ marginInlineStart: 4 }} />}
            </Button>
          </div>
          <Row gutter={[24, 12]} id="householdFilter_moreRow" hidden={!moreOpen} className="filter-more-row">
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="识别结果" name="eligible" style={{ marginBottom: 0 }}>
                <Select allowClear placeholder="全部" options={ELIGIBLE_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label="满足条件" name="condition" style={{ marginBottom: 0 }}>
                <Select
                  allowClear
                  placeholder="全部"
                  options={CONDITION_OPTIONS}
                  optionRender={(o) => (
                    <div>
                      <div>{o.data.short}</div>
                      <div className="option-desc">{CONDITION_DESCRIPTIONS[o.value as ConditionCode]}</div>
                    </div>
                  )}
                  labelRender={(o) => CONDITION_LABELS[o.value as ConditionCode] ?? o.label}
                  popupMatchSelectWidth={360}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label="建议类别" name="suggestedCategory" style={{ marginBottom: 0 }}>
                <Select allowClear placeholder="全部" options={SUGGESTED_OPTIONS} popupMatchSelectWidth={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="识别提示" name="flag" style={{ marginBottom: 0 }}>
                <Select allowClear placeholder="全部" options={FLAG_OPTIONS} popupMatchSelectWidth={260} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      <Card variant="borderless" className="table-card">
        <div className="table-toolbar">
          <div className="table-toolbar-title">
            困难职工档案
            {data && (
              <Typography.Text type="secondary" className="table-total" data-testid="list-total">
                共 {data.total.toLocaleString('zh-CN')} 户
              </Typography.Text>
            )}
          </div>
          <Space>
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
            </Tooltip>
            {access.canExport && <ExportButton filters={toExportQuery(state, ownRegion)} />}
            <BatchPrintButton filters={toExportQuery(state, ownRegion)} total={data?.total} />
            {access.canCreateHousehold && (
              <Button type="primary" icon={<PlusOutlined />} id="household-new" onClick={() => navigate('/households/new', { state: { from } })}>
                新建档案
              </Button>
            )}
          </Space>
        </div>
        {error != null && (
          <Alert
            type="error"
            showIcon
            message="档案列表加载失败"
            description={errorMessage(error)}
            action={<Button onClick={reload}>重试</Button>}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<HouseholdListItem>
          id="household-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: loading ? '正在加载…' : access.linkedOnly && state.q === undefined ? '暂无定点联系的困难职工档案' : '没有符合条件的档案' }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showQuickJumper: true,
            showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 户`,
          }}
        />
      </Card>
    </div>
  );
}
