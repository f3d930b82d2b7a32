// 帮扶计划 (因户施策): the urgency score with its parts and batch, the measures the household's
// causes call for (with reasons), and the plan — measures with target dates, status and outcome —
// edited in place by the unions that keep the file.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Input, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, SaveOutlined, StarFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PLAN_STATUSES, PLAN_STATUS_LABELS, type PlanStatus } from '@bangfu/core';
import { savePlan, type Measure, type Plan, type PlanItem } from '../../api/assistance';
import { errorMessage, isApiError } from '../../api/request';
import { initialPlanRows, planPayload, type PlanRow } from '../../lib/assistance';
import { dateText, dateTimeText } from '../../lib/format';
import { BatchTag, PlanStatusTag } from './shared';

interface Props {
  householdId: number;
  plan: Plan | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  onSaved: (p: Plan) => void;
  catalog: Measure[];
  canEdit: boolean;
}

type RowErrors = Record<number, Partial<Record<'measure' | 'targetDate' | 'status' | 'outcome', string>>>;

function rowErrorsOf(errors: { path: string; message: string }[]): { rows: RowErrors; other: string[] } {
  const rows: RowErrors = {};
  const other: string[] = [];
  for (const e of errors) {
    const m = /^items\[(\d+)\]\.(measure|targetDate|status|outcome)$/.exec(e.path);
    if (m) (rows[Number(m[1])] ??= {})[m[2] as 'measure'] = e.message;
    else other.push(e.message);
  }
  return { rows, other };
}

function FieldError({ text }: { text?: string }) {
  return text ? <div className="plan-field-error" role="alert">{text}</div> : null;
}

export default function PlanCard({ householdId, plan, loading, error, reload, onSaved, catalog, canEdit }: Props) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<PlanRow[] | null>(null);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = rows !== null;

  const catalogByCode = useMemo(() => new Map(catalog.map((m) => [m.code, m])), [catalog]);
  const recommended = useMemo(() => new Map((plan?.recommendations ?? []).map((r) => [r.measure, r.reason])), [plan]);
  const planned = useMemo(() => new Set((plan?.items ?? []).map((i) => i.measure)), [plan]);

  function startEdit() {
    if (!plan) return;
    setRows(initialPlanRows(plan));
    setRowErrors({});
    setFormError(null);
  }

  function patch(i: number, p: Partial<PlanRow>) {
    setRows((rs) => rs && rs.map((r, j) => (j === i ? { ...r, ...p } : r)));
    setRowErrors((es) => {
      if (!es[i]) return es;
      const next = { ...es, [i]: { ...es[i] } };
      for (const k of Object.keys(p)) delete next[i][k as 'measure'];
      return next;
    });
  }

  function addMeasure(code: string) {
    const m = catalogByCode.get(code);
    if (!m || !rows || rows.some((r) => r.measure === code)) return;
    setRows([...rows, { measure: code, name: m.name, category: m.category, recommended: recommended.has(code), reason: recommended.get(code) ?? null, targetDate: null, status: 'planned', outcome: null }]);
  }

  function removeRow(i: number) {
    setRows((rs) => rs && rs.filter((_, j) => j !== i));
    setRowErrors({});
  }

  async function save() {
    if (!rows) return;
    setBusy(true);
    setFormError(null);
    try {
      const saved = await savePlan(householdId, planPayload(rows));
      message.success('帮扶计划已保存');
      onSaved(saved);
      setRows(null);
      setRowErrors({});
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const { rows: re, other } = rowErrorsOf(e.fieldErrors);
        setRowErrors(re);
        setFormError(other.length ? other.join('；') : '帮扶计划有误，请按各行提示修改');
      } else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const u = plan?.urgency ?? null;
  const urgency = (
    <div className="plan-urgency" data-testid="plan-urgency" data-score={u?.score ?? ''} data-batch={u?.batch ?? ''}>
      <div className="plan-urgency-head">
        <span className="plan-urgency-label">困难程度评分</span>
        <span className="plan-urgency-score">{u ? u.score : '—'}</span>
        <span className="plan-urgency-unit">分</span>
        {u?.batch ? <BatchTag batch={u.batch} /> : <Tag>未分批</Tag>}
      </div>
      {u && u.parts.length > 0 ? (
        <ul className="plan-urgency-parts">
          {u.parts.map((p) => (
            <li key={p.factor} data-factor={p.factor}>
              <span className="plan-part-label">{p.label}</span>
              <span className="plan-part-points">+{p.points}</span>
              <Typography.Text type="secondary" className="plan-part-detail">
                {p.detail}
              </Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{u ? '各项因素均未计分' : '该户尚未评分（建档后由系统计算）'}</Typography.Text>
      )}
    </div>
  );

  const recs = plan?.recommendations ?? [];
  const recommendations = (
    <div className="plan-recs" data-testid="plan-recommendations">
      <div className="plan-section-title">
        推荐措施 <Typography.Text type="secondary">（按致困原因推荐{plan && !plan.items.length ? '，制定计划时默认选中' : ''}）</Typography.Text>
      </div>
      {recs.length ? (
        <List
          size="small"
          dataSource={recs}
          renderItem={(r) => (
            <List.Item key={r.measure} data-recommendation={r.measure} className="plan-rec">
              <div>
                <Space size={6} wrap>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Tag bordered={false}>{r.category}</Tag>
                  {planned.has(r.measure) && <Tag color="success">已列入计划</Tag>}
                </Space>
                <div className="plan-rec-reason">{r.reason}</div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">没有按致困原因推荐的措施，可从措施目录中自行选择。</Typography.Text>
      )}
    </div>
  );

  const measureCell = (r: { name: string; category: string; recommended: boolean; reason: string | null }) => (
    <div>
      <Space size={6} wrap>
        <Typography.Text strong>{r.name}</Typography.Text>
        <Tag bordered={false}>{r.category}</Tag>
        {r.recommended && (
          <Tag color="gold" icon={<StarFilled />}>
            推荐
          </Tag>
        )}
      </Space>
      {r.reason && <div className="plan-rec-reason">{r.reason}</div>}
    </div>
  );

  const viewColumns: TableProps<PlanItem>['columns'] = [
    { title: '帮扶措施', key: 'measure', render: (_, r) => measureCell(r), width: 320 },
    { title: '目标日期', dataIndex: 'targetDate', width: 110, render: (v: string | null) => dateText(v) || '—' },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: PlanStatus) => <PlanStatusTag value={v} /> },
    { title: '实施效果', dataIndex: 'outcome', render: (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '更新',
      key: 'updated',
      width: 150,
      render: (_, r) => (
        <Typography.Text type="secondary" className="nowrap-cell">
          {r.updatedBy ?? ''}
          <br />
          {dateTimeText(r.updatedAt)}
        </Typography.Text>
      ),
    },
  ];

  const editColumns: TableProps<PlanRow>['columns'] = [
    {
      title: '帮扶措施',
      key: 'measure',
      width: 300,
      render: (_, r, i) => (
        <>
          {measureCell(r)}
          <FieldError text={rowErrors[i]?.measure} />
        </>
      ),
    },
    {
      title: '目标日期',
      key: 'targetDate',
      width: 150,
      render: (_, r, i) => (
        <>
          <DatePicker
            id={`plan_items_${i}_targetDate`}
            format="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            value={r.targetDate ? dayjs(r.targetDate, 'YYYY-MM-DD') : null}
            onChange={(d) => patch(i, { targetDate: d ? d.format('YYYY-MM-DD') : null })}
            status={rowErrors[i]?.targetDate ? 'error' : undefined}
            style={{ width: '100%' }}
          />
          <FieldError text={rowErrors[i]?.targetDate} />
        </>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_, r, i) => (
        <>
          <Select
            id={`plan_items_${i}_status`}
            value={r.status}
            onChange={(v) => patch(i, { status: v })}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
            status={rowErrors[i]?.status ? 'error' : undefined}
            style={{ width: '100%' }}
          />
          <FieldError text={rowErrors[i]?.status} />
        </>
      ),
    },
    {
      title: '实施效果',
      key: 'outcome',
      render: (_, r, i) => (
        <>
          <Input.TextArea
            id={`plan_items_${i}_outcome`}
            value={r.outcome ?? ''}
            onChange={(e) => patch(i, { outcome: e.target.value })}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={1000}
            placeholder="实施情况与效果"
            status={rowErrors[i]?.outcome ? 'error' : undefined}
          />
          <FieldError text={rowErrors[i]?.outcome} />
        </>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 72,
      render: (_, r, i) => (
        <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => removeRow(i)} aria-label={`移除 ${r.name}`} className="plan-row-remove">
          移除
        </Button>
      ),
    },
  ];

  const inRows = new Set((rows ?? []).map((r) => r.measure));
  const addOptions = [...new Set(catalog.filter((m) => m.active && !inRows.has(m.code)).map((m) => m.category))].map((cat) => ({
    label: cat,
    title: cat,
    options: catalog
      .filter((m) => m.active && !inRows.has(m.code) && m.category === cat)
      .map((m) => ({ value: m.code, label: `${m.name}${recommended.has(m.code) ? '（推荐）' : ''}` })),
  }));

  return (
    <Card
      className="assist-card"
      variant="borderless"
      title="帮扶计划（因户施策）"
      id="household-plan"
      extra={
        canEdit && plan && !editing ? (
          <Button id="plan-edit" icon={<EditOutlined />} onClick={startEdit}>
            {plan.items.length ? '编辑计划' : '制定计划'}
          </Button>
        ) : null
      }
    >
      {error && !plan ? (
        <Alert type="error" showIcon message="帮扶计划加载失败" description={errorMessage(error)} action={<Button size="small" onClick={reload}>重试</Button>} />
      ) : !plan ? (
        <Table loading={loading} dataSource={[]} columns={[]} />
      ) : (
        <>
          <Row gutter={[16, 16]} className="plan-top">
            <Col xs={24} lg={10}>
              {urgency}
            </Col>
            <Col xs={24} lg={14}>
              {recommendations}
            </Col>
          </Row>
          <div className="plan-section-title" style={{ marginTop: 16 }}>
            帮扶措施{!editing && plan.items.length > 0 && <Typography.Text type="secondary">（{plan.items.length} 项）</Typography.Text>}
          </div>
          {editing ? (
            <>
              {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 8 }} data-testid="plan-error" />}
              <Table<PlanRow>
                id="plan-table"
                rowKey="measure"
                size="small"
                pagination={false}
                columns={editColumns}
                dataSource={rows}
                scroll={{ x: 'max-content' }}
                onRow={(r) => ({ 'data-measure': r.measure }) as React.HTMLAttributes<HTMLElement>}
                locale={{ emptyText: '计划中还没有措施，请在下方添加' }}
              />
              <div className="plan-edit-bar">
                <Select
                  id="plan-add"
                  showSearch
                  value={null}
                  placeholder="添加措施（从措施目录中选择）"
                  options={addOptions}
                  onChange={(v: string) => addMeasure(v)}
                  optionFilterProp="label"
                  className="plan-add-select"
                />
                <Space>
                  <Button onClick={() => setRows(null)} disabled={busy}>
                    取消
                  </Button>
                  <Button id="plan-save" type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()}>
                    保存计划
                  </Button>
                </Space>
              </div>
            </>
          ) : plan.items.length ? (
            <Table<PlanItem>
              id="plan-table"
              rowKey="measure"
              size="small"
              pagination={false}
              columns={viewColumns}
              dataSource={plan.items}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ 'data-measure': r.measure }) as React.HTMLAttributes<HTMLElement>}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canEdit ? '尚未制定帮扶计划，点击「制定计划」，推荐措施会默认选中' : '尚未制定帮扶计划'} />
          )}
        </>
      )}
    </Card>
  );
}
