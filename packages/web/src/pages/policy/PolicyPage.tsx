// /policy — 低保标准: the monthly line per region and year and the two ratios of identification.
// City users edit: changes collect into a pending set, 「预览影响」 shows the what-if, and
// 「保存并重新识别」 saves (with the version read) and follows the background re-identification.
// Region users see the same page read-only. A second tab lists every saved change.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Result, Row, Segmented, Select, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { FormInstance } from 'antd/es/form';
import { DeleteOutlined, EyeOutlined, PlusOutlined, ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { formatYuan, parseYuan, todayInChina } from '@bangfu/core';
import { getPolicy, previewPolicy, savePolicy, type Policy, type PolicyPreview } from '../../api/policy';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { dateTimeText } from '../../lib/format';
import { ratioTextPercent } from '../../lib/identification';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { useRequest } from '../../lib/useRequest';
import {
  EMPTY_CHANGES,
  RATIO_LABELS,
  addLine,
  changeText,
  lineAmountError,
  lineInputId,
  lineKey,
  mergedRows,
  pendingChangeItems,
  pendingCount,
  plainYuan,
  pruneChangeSet,
  removeLine,
  serverErrorsToKeys,
  setLineAmount,
  setRatio,
  toRequestBody,
  undoLine,
  validateChangeSet,
  type ChangeErrors,
  type ChangeSet,
  type LineRow,
  type RatioKey,
} from './changeSet';
import { JobProgressPanel } from './JobProgress';
import { PolicyHistory } from './PolicyHistory';
import { PreviewResult } from './PreviewResult';
import './policy.css';
import { can } from '../../lib/access';

export const EXAMPLE_WARNING = '以下为演示用示例标准，并非荆门市正式标准，请市总工会核实后替换';
const REASON_MAX = 500;

const RATIO_HELP: Record<RatioKey, (pct: string) => string> = {
  marginalRatio: (pct) => `条件二：家庭年人均收入在低保标准的 100%–${pct} 之间，且有特殊困难`,
  expenseRatio: (pct) => `条件三：医疗、学费或意外支出超过家庭年度总收入的 ${pct}`,
};

type TabKey = 'lines' | 'history';

export default function PolicyPage() {
  const user = useSessionUser();
  const canEdit = can(user.role, 'policy.edit');
  const { regionName } = useRegions(user);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'history' ? 'history' : 'lines';
  const [tick, setTick] = useState(0);
  const policy = useRequest((signal) => getPolicy(signal), `policy:${tick}`);
  const reloadPolicy = useCallback(() => setTick((t) => t + 1), []);

  return (
    <div className="page policy-page">
      <PageHeader
        title="低保标准"
        tags={policy.data && <Tag color="blue">第 {policy.data.version} 版</Tag>}
        subTitle="城市居民最低生活保障标准（元/人·月），精准识别的依据"
        extra={
          <Tooltip title="刷新">
            <Button icon={<ReloadOutlined />} onClick={reloadPolicy} aria-label="刷新" />
          </Tooltip>
        }
      />
      <Card variant="borderless" className="policy-tabs-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'history' ? { tab: 'history' } : {}, { replace: true })}
          items={[
            {
              key: 'lines',
              label: '低保标准',
              children: policy.error && !policy.data ? (
                <Result
                  status="error"
                  title="低保标准加载失败"
                  subTitle={errorMessage(policy.error)}
                  extra={
                    <Button type="primary" onClick={reloadPolicy}>
                      重试
                    </Button>
                  }
                />
              ) : !policy.data ? (
                <Skeleton active paragraph={{ rows: 10 }} />
              ) : (
                <PolicyEditor policy={policy.data} canEdit={canEdit} regionName={regionName} reloadPolicy={reloadPolicy} refreshing={policy.loading} />
              ),
            },
            {
              key: 'history',
              label: '修改记录',
              children: <PolicyHistory policyVersion={policy.data?.version} regionName={regionName} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}

interface EditorProps {
  policy: Policy;
  canEdit: boolean;
  regionName: (code: string) => string;
  reloadPolicy: () => void;
  refreshing: boolean;
}

interface NewLineValues {
  regionCode?: string;
  year?: number | null;
  monthlyLine?: string;
}

function PolicyEditor({ policy, canEdit, regionName, reloadPolicy, refreshing }: EditorProps) {
  const user = useSessionUser();
  const { regions } = useRegions(user);
  const { message, modal } = App.useApp();
  const [changes, setChanges] = useState<ChangeSet>(EMPTY_CHANGES);
  const [serverErrors, setServerErrors] = useState<ChangeErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ key: string; data: PolicyPreview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [reason, setReason] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const [year, setYear] = useState<string>('all');
  const [addOpen, setAddOpen] = useState(false);
  const [addForm] = Form.useForm<NewLineValues>();
  const previewRef = useRef<HTMLDivElement>(null);

  // A reloaded policy (after a save or a conflict): keep only the edits that still change something.
  useEffect(() => {
    setChanges((cs) => pruneChangeSet(cs, policy));
  }, [policy]);

  // Unsaved edits: ask before closing the tab.
  const count = pendingCount(changes);
  useEffect(() => {
    if (!count) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [count]);

  const clientErrors = useMemo(() => validateChangeSet(changes), [changes]);
  const errors: ChangeErrors = { ...serverErrors, ...clientErrors };
  const built = useMemo(() => toRequestBody(changes), [changes]);
  const bodyKey = built.ok ? JSON.stringify(built.request.body) : null;
  const previewFresh = !!preview && preview.key === bodyKey && preview.data.currentVersion === policy.version;
  const rows = useMemo(() => mergedRows(policy, changes, regionName), [policy, changes, regionName]);
  const years = useMemo(() => [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a), [rows]);
  const shown = year === 'all' ? rows : rows.filter((r) => String(r.year) === year);
  const hasExample = policy.lines.some((l) => l.isExample);
  const items = useMemo(() => pendingChangeItems(changes, policy), [changes, policy]);

  function edit(next: ChangeSet, touched?: string) {
    setChanges(next);
    if (touched && serverErrors[touched]) {
      const rest = { ...serverErrors };
      delete rest[touched];
      setServerErrors(rest);
    }
  }

  function discard() {
    setChanges(EMPTY_CHANGES);
    setServerErrors({});
    setOtherErrors([]);
    setPreview(null);
  }

  /** The policy changed on the server since it was read: reload, keep the edits, ask for a new preview. */
  function conflict(currentVersion?: number) {
    setPreview(null);
    modal.warning({
      title: '低保标准已被他人修改',
      content: (
        <div>
          <p>在您编辑期间，其他人保存了新的低保标准{currentVersion ? `（现为第 ${currentVersion} 版）` : ''}，您的修改尚未保存。</p>
          <p style={{ marginBottom: 0 }}>已为您加载最新标准，您的修改仍然保留，请核对后重新预览影响再保存。</p>
        </div>
      ),
      okText: '知道了',
    });
    reloadPolicy();
  }

  function applyServerErrors(e: unknown, lineKeys: string[]): boolean {
    if (!isApiError(e) || e.fieldErrors.length === 0) return false;
    const mapped = serverErrorsToKeys(e.fieldErrors, lineKeys);
    setServerErrors(mapped.byKey);
    setOtherErrors(mapped.other);
    message.error(e.message);
    return true;
  }

  async function runPreview() {
    if (!built.ok) {
      message.error('有填写不正确的标准或比例，请按提示修改');
      return;
    }
    if (!count) return;
    const { body, lineKeys } = built.request;
    setPreviewing(true);
    setOtherErrors([]);
    try {
      const data = await previewPolicy(body);
      setServerErrors({});
      setPreview({ key: JSON.stringify(body), data });
      if (data.currentVersion !== policy.version) conflict(data.currentVersion);
      else window.setTimeout(() => previewRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    } catch (e) {
      if (!applyServerErrors(e, lineKeys)) message.error(errorMessage(e));
    } finally {
      setPreviewing(false);
    }
  }

  async function save() {
    if (!built.ok || !previewFresh || saving) return;
    const { body, lineKeys } = built.request;
    setSaving(true);
    try {
      const r = await savePolicy({ ...body, reason: reason.trim() || undefined, expectedVersion: policy.version });
      message.success(r.jobId ? `已保存为第 ${r.version} 版，正在重新识别受影响的档案` : `已保存为第 ${r.version} 版`);
      setChanges(EMPTY_CHANGES);
      setServerErrors({});
      setOtherErrors([]);
      setPreview(null);
      setReason('');
      setJobId(r.jobId);
      reloadPolicy();
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (e) {
      if (isApiError(e, 'VERSION_CONFLICT')) conflict(typeof e.body?.currentVersion === 'number' ? e.body.currentVersion : undefined);
      else if (isApiError(e, 'NO_CHANGE')) {
        message.info(e.message);
        discard();
      } else if (!applyServerErrors(e, lineKeys)) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  async function confirmAdd() {
    let v: NewLineValues;
    try {
      v = await addForm.validateFields();
    } catch {
      return;
    }
    edit(addLine(changes, policy, v.regionCode!, v.year!, String(v.monthlyLine).trim()), lineKey(v.regionCode!, v.year!));
    setAddOpen(false);
    if (year !== 'all' && year !== String(v.year)) setYear('all');
  }

  function openAdd() {
    const latest = years[0] ?? Number(todayInChina().slice(0, 4));
    addForm.setFieldsValue({ regionCode: undefined, year: latest, monthlyLine: '' });
    setAddOpen(true);
  }

  const amountCell = (r: LineRow) => {
    const err = errors[r.key];
    if (!canEdit)
      return (
        <span className="num policy-amount-text" data-testid={`policy-amount-${r.key}`}>
          {plainYuan(r.current?.monthlyLine)} <span className="money-suffix">元</span>
        </span>
      );
    return (
      <div className="policy-amount-cell">
        <Input
          id={lineInputId(r.regionCode, r.year)}
          value={r.amountText}
          disabled={r.state === 'removed'}
          status={err ? 'error' : undefined}
          inputMode="decimal"
          autoComplete="off"
          maxLength={12}
          suffix={<span className="money-suffix">元</span>}
          className={`money-input policy-amount-input${r.state === 'changed' || r.state === 'added' ? ' is-changed' : ''}`}
          aria-label={`${r.regionName} ${r.year}年 每月低保标准`}
          aria-invalid={err ? true : undefined}
          onChange={(e) => edit(setLineAmount(changes, policy, r.regionCode, r.year, e.target.value), r.key)}
        />
        {err && <div className="policy-field-error" role="alert">{err}</div>}
        {r.state === 'changed' && r.current && !err && <div className="policy-was">原 {plainYuan(r.current.monthlyLine)} 元</div>}
      </div>
    );
  };

  const columns: TableProps<LineRow>['columns'] = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 80, render: (v: number) => `${v} 年` },
    {
      title: '地区',
      dataIndex: 'regionName',
      key: 'regionName',
      render: (v: string, r) => (
        <div className="policy-region">
          <span className={r.state === 'removed' ? 'policy-removed-text' : undefined}>{v}</span>
          {r.current?.isExample && (
            <Tag color="orange" data-testid="policy-example-tag">
              示例
            </Tag>
          )}
          {r.state === 'changed' && <Tag color="blue">已修改</Tag>}
          {r.state === 'added' && <Tag color="green">新增</Tag>}
          {r.state === 'removed' && <Tag color="red">将删除</Tag>}
        </div>
      ),
    },
    { title: '每月低保标准(元/人)', key: 'monthlyLine', width: 170, align: canEdit ? 'left' : 'right', render: (_: unknown, r) => amountCell(r) },
    {
      title: '年标准(元/人·年)',
      key: 'annual',
      align: 'right',
      width: 130,
      render: (_: unknown, r) => {
        const fen = r.state === 'removed' ? null : parseYuan(r.amountText);
        return fen && fen.ok && fen.fen > 0 ? <span className="num policy-annual">{formatYuan(fen.fen * 12)}</span> : <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
    {
      title: '最后修改',
      key: 'updated',
      width: 170,
      render: (_: unknown, r) =>
        r.current ? (
          <div className="policy-updated">
            <div>{r.current.updatedBy ?? '系统'}</div>
            <Typography.Text type="secondary">
              {dateTimeText(r.current.updatedAt)} · 第 {r.current.version} 版
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">待保存</Typography.Text>
        ),
    },
    ...(canEdit
      ? ([
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, r: LineRow) =>
              r.state === 'unchanged' ? (
                <Button
                  type="link"
                  danger
                  size="small"
                  className="link-button"
                  icon={<DeleteOutlined />}
                  aria-label={`删除 ${r.regionName} ${r.year}年 低保标准`}
                  data-testid={`policy-remove-${r.key}`}
                  onClick={() => edit(removeLine(changes, policy, r.regionCode, r.year), r.key)}
                >
                  删除
                </Button>
              ) : (
                <Button
                  type="link"
                  size="small"
                  className="link-button"
                  icon={<UndoOutlined />}
                  aria-label={`撤销 ${r.regionName} ${r.year}年 的修改`}
                  data-testid={`policy-undo-${r.key}`}
                  onClick={() => edit(undoLine(changes, r.regionCode, r.year), r.key)}
                >
                  撤销
                </Button>
              ),
          },
        ] as NonNullable<TableProps<LineRow>['columns']>)
      : []),
  ];

  const ratioCard = (
    <Card size="small" className="policy-ratios" title="识别比例" variant="outlined">
      <Row gutter={[24, 12]}>
        {(['marginalRatio', 'expenseRatio'] as const).map((k) => {
          const value = changes[k] ?? policy[k];
          const changed = changes[k] !== undefined;
          const err = errors[k];
          return (
            <Col key={k} xs={24} lg={12}>
              <div className="policy-ratio">
                <div className="policy-ratio-label">
                  <label htmlFor={canEdit ? `policy_${k}` : undefined}>{RATIO_LABELS[k]}</label>
                  {changed && <Tag color="blue">已修改</Tag>}
                </div>
                {canEdit ? (
                  <div className="policy-ratio-edit">
                    <Input
                      id={`policy_${k}`}
                      value={value}
                      status={err ? 'error' : undefined}
                      inputMode="decimal"
                      autoComplete="off"
                      maxLength={10}
                      style={{ width: 120 }}
                      className={changed ? 'is-changed' : undefined}
                      aria-invalid={err ? true : undefined}
                      onChange={(e) => edit(setRatio(changes, policy, k, e.target.value), k)}
                    />
                    <span className="policy-ratio-pct" data-testid={`policy-${k}-percent`}>
                      = {err ? '—' : ratioTextPercent(value)}
                    </span>
                    {changed && (
                      <>
                        <Typography.Text type="secondary">原 {policy[k]}</Typography.Text>
                        <Button type="link" size="small" className="link-button" icon={<UndoOutlined />} onClick={() => edit({ ...changes, [k]: undefined }, k)}>
                          撤销
                        </Button>
                      </>
                    )}
                  </div>
                ) : (
                  <div className="policy-ratio-value" data-testid={`policy-${k}`}>
                    {policy[k]}
                    <span className="policy-ratio-pct">（{ratioTextPercent(policy[k])}）</span>
                  </div>
                )}
                {err ? <div className="policy-field-error" role="alert">{err}</div> : <div className="policy-ratio-help">{RATIO_HELP[k](ratioTextPercent(err ? policy[k] : value))}</div>}
              </div>
            </Col>
          );
        })}
      </Row>
    </Card>
  );

  const table = (
    <Card
      size="small"
      variant="outlined"
      className="policy-lines"
      title="各地区城市低保标准"
      extra={
        <Space>
          {years.length > 1 && (
            <Segmented
              size="small"
              value={year}
              onChange={(v) => setYear(String(v))}
              options={[{ value: 'all', label: '全部年度' }, ...years.map((y) => ({ value: String(y), label: `${y} 年` }))]}
            />
          )}
          {canEdit && (
            <Button id="policy-add-line" size="small" type="primary" ghost icon={<PlusOutlined />} onClick={openAdd}>
              新增标准
            </Button>
          )}
        </Space>
      }
    >
      <Table<LineRow>
        id="policy-lines-table"
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={shown}
        pagination={false}
        loading={refreshing}
        rowClassName={(r) => `policy-row-${r.state}`}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canEdit ? '尚未配置低保标准，请点击「新增标准」' : '尚未配置低保标准'} /> }}
      />
    </Card>
  );

  const pendingPanel = canEdit && (
    <Card size="small" variant="outlined" className="policy-pending" title={count ? `待保存的修改（${count} 项）` : '待保存的修改'} data-testid="policy-pending">
      {count === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          在左侧修改每月标准、新增或删除标准、调整比例后，先「预览影响」查看哪些档案的识别结果会变化，再「保存并重新识别」。
        </Typography.Paragraph>
      ) : (
        <ul className="plain-list policy-pending-list">
          {items.map((c, i) => (
            <li key={i}>{changeText(c, regionName)}</li>
          ))}
        </ul>
      )}
      {otherErrors.length > 0 && <Alert type="error" showIcon message={otherErrors.join('；')} style={{ marginBottom: 8 }} />}
      <Form layout="vertical" className="policy-reason-form">
        <Form.Item label="修改说明" htmlFor="policy-reason" style={{ marginBottom: 12 }} extra="例如：依据某市民政局某年某号文件调整">
          <Input.TextArea id="policy-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={REASON_MAX} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="说明调整依据（可不填）" disabled={!count} />
        </Form.Item>
      </Form>
      {previewFresh && preview && (
        <div className="policy-pending-impact" data-testid="policy-pending-impact">
          预览影响：涉及 {preview.data.files} 户，识别结果变化 <b>{preview.data.eligibilityChanged}</b> 户（新增符合 {preview.data.becomeEligible}，转为不符合 {preview.data.becomeIneligible}），建议类别变化 {preview.data.categoryChanged} 户。
        </div>
      )}
      <div className="policy-pending-actions">
        <Button id="policy-preview" block icon={<EyeOutlined />} onClick={runPreview} loading={previewing} disabled={!count || saving}>
          预览影响
        </Button>
        <Tooltip title={count && !previewFresh ? '请先预览影响，确认后再保存' : undefined}>
          <Button id="policy-save" block type="primary" icon={<SaveOutlined />} onClick={save} loading={saving} disabled={!count || !previewFresh}>
            保存并重新识别
          </Button>
        </Tooltip>
      </div>
      <div className="policy-pending-discard">
        <Button type="link" size="small" onClick={discard} disabled={!count || saving} id="policy-discard">
          放弃全部修改
        </Button>
      </div>
    </Card>
  );

  return (
    <div className="policy-editor">
      {hasExample && (
        <Alert type="error" showIcon className="policy-example-alert" message={EXAMPLE_WARNING} data-testid="policy-example-alert" style={{ marginBottom: 12 }} />
      )}
      {!canEdit && (
        <Alert type="info" showIcon message="低保标准由市总工会统一设置和调整，您可以查看，不能修改。" style={{ marginBottom: 12 }} data-testid="policy-readonly" />
      )}
      {jobId !== null && (
        <Card size="small" variant="outlined" className="policy-job-card">
          <JobProgressPanel jobId={jobId} regionName={regionName} onClose={() => setJobId(null)} />
        </Card>
      )}
      <div className={canEdit ? 'policy-grid' : undefined}>
        <div className="policy-main">
          {ratioCard}
          {table}
          {/* beside the sticky change panel, so 「保存并重新识别」 stays in sight while reading it */}
          {preview && (
            <div ref={previewRef} className="policy-preview-anchor">
              <Card size="small" variant="outlined" className="policy-preview-card" title="影响预览（尚未保存）">
                <PreviewResult preview={preview.data} stale={!previewFresh} regionName={regionName} />
              </Card>
            </div>
          )}
        </div>
        {canEdit && <div className="policy-side">{pendingPanel}</div>}
      </div>

      <Modal
        title="新增低保标准"
        open={addOpen}
        okText="加入待保存的修改"
        cancelText="取消"
        okButtonProps={{ id: 'policy-add-line-ok' }}
        onOk={confirmAdd}
        onCancel={() => setAddOpen(false)}
        forceRender
      >
        <Form<NewLineValues> form={addForm} name="policy_new" layout="vertical" preserve>
          <Form.Item name="regionCode" label="地区" rules={[{ required: true, message: '请选择地区' }]}>
            <Select options={regions} placeholder="请选择地区" />
          </Form.Item>
          <Form.Item
            name="year"
            label="年度"
            dependencies={['regionCode']}
            rules={[
              { required: true, message: '请填写年度' },
              { type: 'integer', min: 2000, max: 2100, message: '年度应在 2000 至 2100 之间' },
              {
                validator: async (_, y: number | null) => {
                  const code = addForm.getFieldValue('regionCode') as string | undefined;
                  if (!code || !y) return;
                  const existing = policy.lines.find((l) => l.regionCode === code && l.year === y);
                  const pendingEdit = changes.lines[lineKey(code, y)];
                  if (existing && !(pendingEdit && pendingEdit.monthlyLine === null))
                    throw new Error(`${regionName(code)} ${y} 年已有标准（每月 ${plainYuan(existing.monthlyLine)} 元），请直接在表中修改`);
                },
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} controls={false} placeholder="如 2017" addonAfter="年" />
          </Form.Item>
          <Form.Item
            name="monthlyLine"
            label="每月低保标准（元/人）"
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  const msg = lineAmountError(String(v ?? ''));
                  if (msg) throw new Error(msg);
                },
              },
            ]}
            extra={<PreviousYearHint form={addForm} policy={policy} />}
          >
            <Input inputMode="decimal" autoComplete="off" maxLength={12} suffix={<span className="money-suffix">元</span>} className="money-input" placeholder="如 550" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** Under the amount of a new line: the same region's latest earlier line, for reference. */
function PreviousYearHint({ form, policy }: { form: FormInstance<NewLineValues>; policy: Policy }) {
  const code = Form.useWatch('regionCode', form);
  const y = Form.useWatch('year', form);
  if (!code || !y) return null;
  const prev = policy.lines.filter((l) => l.regionCode === code && l.year < y).sort((a, b) => b.year - a.year)[0];
  return prev ? <span>参考：{prev.year} 年每月 {plainYuan(prev.monthlyLine)} 元</span> : null;
}
