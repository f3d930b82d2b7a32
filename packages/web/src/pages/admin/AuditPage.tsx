// /admin/audit — 审计日志 (admins): every logged action, newest first, filtered by 操作 (a prefix),
// 用户名, 对象 and 日期范围; each row opens to its whole detail; 「校验审计链」 checks that no row
// was altered or removed.
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { listAudit, verifyAudit, type AuditItem, type ChainCheck } from '../../api/audit';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { AUDIT_ENTITY_LABELS, actionLabel, actionOptions, auditSummary, chainReasonText, entityLabel } from '../../lib/auditLabels';
import { useRequest } from '../../lib/useRequest';
import { AUDIT_PAGE_SIZES, readAuditQuery, writeAuditQuery } from './auditQuery';
import './admin.css';

interface FilterValues {
  action?: string;
  username?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null];
}

const ACTION_OPTIONS = actionOptions();
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

function timeText(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

function EntityCell({ r }: { r: AuditItem }) {
  if (!r.entity) return <Typography.Text type="secondary">—</Typography.Text>;
  const label = `${entityLabel(r.entity)}${r.entityId ? ` #${r.entityId}` : ''}`;
  if (r.entity === 'household' && r.entityId) return <Link to={`/households/${encodeURIComponent(r.entityId)}`}>{label}</Link>;
  return <span>{label}</span>;
}

export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readAuditQuery(params), [params]);
  const key = JSON.stringify(query);
  const { data, error, loading, reload } = useRequest((signal) => listAudit(query, signal), key);
  const [form] = Form.useForm<FilterValues>();
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  // the form follows the URL (Back, a pasted link)
  useEffect(() => {
    form.setFieldsValue({
      action: query.action ?? '',
      username: query.username ?? '',
      entity: query.entity,
      entityId: query.entityId ?? '',
      range: query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : undefined,
    });
  }, [form, query]);

  function onSearch(v: FilterValues) {
    const [from, to] = v.range ?? [null, null];
    setParams(
      writeAuditQuery({
        action: v.action?.trim() || undefined,
        username: v.username?.trim() || undefined,
        entity: v.entity || undefined,
        entityId: v.entityId?.trim() || undefined,
        from: from ? from.format('YYYY-MM-DD') : undefined,
        to: to ? to.format('YYYY-MM-DD') : undefined,
        page: 1,
        pageSize: query.pageSize,
      }),
    );
  }

  async function verify() {
    setChecking(true);
    setCheck(null);
    setCheckError(null);
    try {
      setCheck(await verifyAudit());
    } catch (e) {
      setCheckError(errorMessage(e));
    } finally {
      setChecking(false);
    }
  }

  const columns: TableProps<AuditItem>['columns'] = [
    { title: '时间', dataIndex: 'at', key: 'at', render: (v: string) => <span className="num">{timeText(v)}</span> },
    {
      title: '用户',
      dataIndex: 'username',
      key: 'username',
      render: (v: string | null, r) => (v ? <span className="mono">{v}</span> : <Typography.Text type="secondary">{r.userId ? `用户 #${r.userId}` : '系统'}</Typography.Text>),
    },
    {
      title: '操作',
      dataIndex: 'action',
      key: 'action',
      render: (v: string) => (
        <span data-action={v}>
          {actionLabel(v)}
          {actionLabel(v) !== v && <span className="audit-action-code">{v}</span>}
        </span>
      ),
    },
    { title: '对象', key: 'entity', render: (_: unknown, r) => <EntityCell r={r} /> },
    {
      title: '摘要',
      key: 'summary',
      render: (_: unknown, r) => {
        const s = auditSummary(r.action, r.detail);
        return s ? (
          <Tooltip title={s}>
            <span className="audit-summary">{s}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    { title: 'IP', dataIndex: 'ip', key: 'ip', render: (v: string | null) => (v ? <span className="mono">{v}</span> : <Typography.Text type="secondary">—</Typography.Text>) },
  ];

  return (
    <div className="page">
      <PageHeader
        title="审计日志"
        subTitle="登录、查看与修改档案、审核、管理操作均有记录；记录按哈希链前后相连，不能修改或删除"
        extra={
          <Button icon={<SafetyCertificateOutlined />} id="audit-verify" loading={checking} onClick={() => void verify()}>
            校验审计链
          </Button>
        }
      />

      {(check || checkError) && (
        <Alert
          data-testid="audit-verify-result"
          data-ok={check?.ok ? 'true' : 'false'}
          type={check?.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => {
            setCheck(null);
            setCheckError(null);
          }}
          style={{ marginBottom: 12 }}
          message={check?.ok ? '审计链完整' : checkError ? '审计链校验未完成' : '审计链已被破坏'}
          description={
            check?.ok
              ? `已校验全部 ${check.rows.toLocaleString('zh-CN')} 条记录，未发现修改或删除。`
              : check && !check.ok
                ? `${(check.breakCount ?? 1) > 1 ? `共 ${check.breakCount} 处断开，第一处` : ''}在第 ${check.brokenAt} 号记录处断开：${chainReasonText(check.reason)}。请立即报告系统管理员并保全数据库。`
                : checkError
          }
        />
      )}

      <Card className="filter-card" variant="borderless">
        <Form<FilterValues> form={form} name="auditFilter" onFinish={onSearch} labelCol={{ flex: '56px' }}>
          <Row gutter={[24, 12]}>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label="操作" name="action" style={{ marginBottom: 0 }}>
                <AutoComplete
                  options={ACTION_OPTIONS}
                  placeholder="如 household. 或 session.login"
                  allowClear
                  filterOption={(input, o) => !input || String(o?.value ?? '').toLowerCase().includes(input.toLowerCase()) || String(o?.label ?? '').includes(input)}
                  popupMatchSelectWidth={300}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label="用户名" name="username" style={{ marginBottom: 0 }}>
                <Input allowClear placeholder="准确的用户名" maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="对象" style={{ marginBottom: 0 }}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="entity" noStyle>
                    <Select allowClear placeholder="类型" options={ENTITY_OPTIONS} style={{ width: '45%' }} />
                  </Form.Item>
                  <Form.Item name="entityId" noStyle>
                    <Input allowClear placeholder="编号" maxLength={64} style={{ width: '55%' }} />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="日期" name="range" style={{ marginBottom: 0 }}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={3} className="filter-actions">
              <Space>
                <Button id="auditFilter_reset" onClick={() => setParams(new URLSearchParams())}>
                  重置
                </Button>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} id="auditFilter_submit">
                  查询
                </Button>
              </Space>
            </Col>
          </Row>
        </Form>
      </Card>

      <Card variant="borderless" className="table-card">
        <div className="table-toolbar">
          <div className="table-toolbar-title">
            操作记录
            {data && (
              <Typography.Text type="secondary" className="table-total" data-testid="audit-total">
                共 {data.total.toLocaleString('zh-CN')} 条
              </Typography.Text>
            )}
          </div>
          <Tooltip title="刷新">
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
          </Tooltip>
        </div>
        {error != null && (
          <Alert type="error" showIcon message="审计日志加载失败" description={errorMessage(error)} action={<Button onClick={reload}>重试</Button>} style={{ marginBottom: 12 }} />
        )}
        <Table<AuditItem>
          id="audit-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (r) => (
              <div data-testid="audit-detail">
                <pre className="audit-detail">{r.detail === null || r.detail === undefined ? '（无详情）' : JSON.stringify(r.detail, null, 2)}</pre>
                <div className="audit-hash">
                  记录 #{r.id} · 用户 ID {r.userId ?? '—'} · 哈希 <span className="mono">{r.hash}</span>
                </div>
              </div>
            ),
          }}
          onChange={(p) => {
            const pageSize = p.pageSize ?? query.pageSize;
            setParams(writeAuditQuery({ ...query, page: pageSize !== query.pageSize ? 1 : p.current ?? 1, pageSize }));
          }}
          locale={{ emptyText: loading ? '正在加载…' : '没有符合条件的记录' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: AUDIT_PAGE_SIZES.map(String),
            showQuickJumper: true,
            showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 条`,
          }}
        />
      </Card>
    </div>
  );
}
