// /measures — 帮扶措施目录 (the catalog plans draw on) and 帮扶设置 (走访间隔、困难程度评分权重、
// 分批分数线). The city union edits both; the steering group reads them.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { BATCH_LABELS, MEASURE_CATEGORIES, URGENCY_FACTOR_LABELS, type UrgencyWeights } from '@bangfu/core';
import {
  createMeasure,
  getAssistanceSettings,
  listMeasures,
  saveAssistanceSettings,
  updateMeasure,
  type AssistanceSettings,
  type Measure,
  type MeasureInput,
} from '../../api/assistance';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { toFormFieldErrors } from '../../lib/fieldErrors';
import { useAccess } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import './assistance.css';

function CatalogTab() {
  const access = useAccess();
  const { message } = App.useApp();
  const q = useRequest((s) => listMeasures(s), 'measures');
  const [form] = Form.useForm<MeasureInput>();
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const items = q.data?.items ?? [];

  async function save() {
    let v: MeasureInput;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFormError(null);
    const body = { ...v, name: v.name.trim(), description: (v.description ?? '').trim(), active: v.active !== false };
    try {
      if (editing === 'new') await createMeasure(body);
      else if (editing) await updateMeasure(editing.code, body);
      message.success('帮扶措施已保存');
      setEditing(null);
      q.reload();
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const { fields, unplaced } = toFormFieldErrors(e.fieldErrors, (n) => n.length === 1 && ['name', 'category', 'description', 'active'].includes(String(n[0])));
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setFormError(unplaced.length ? unplaced.map((x) => x.message).join('；') : null);
      } else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableProps<Measure>['columns'] = [
    { title: '类别', dataIndex: 'category', width: 110, render: (v: string) => <Tag bordered={false}>{v}</Tag> },
    { title: '措施名称', dataIndex: 'name', width: 200, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '说明', dataIndex: 'description' },
    { title: '代码', dataIndex: 'code', width: 150, render: (v: string) => <Typography.Text type="secondary" code>{v}</Typography.Text> },
    { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>) },
    ...(access.canEditMeasures
      ? [
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_: unknown, m: Measure) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                className="measure-edit"
                data-code={m.code}
                onClick={() => {
                  setFormError(null);
                  setEditing(m);
                }}
              >
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="toolbar" style={{ marginBottom: 12, justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">帮扶计划从本目录中选择措施；停用的措施不再推荐，也不能新加入计划，已制定的计划不受影响。</Typography.Text>
        {access.canEditMeasures && (
          <Button
            id="measure-new"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setFormError(null);
              setEditing('new');
            }}
          >
            新增措施
          </Button>
        )}
      </div>
      {q.error != null && !q.data && <Alert type="error" showIcon message="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <Table<Measure>
        id="measures-table"
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={q.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(m) => ({ 'data-code': m.code }) as React.HTMLAttributes<HTMLElement>}
      />
      <Modal
        title={editing === 'new' ? '新增帮扶措施' : '编辑帮扶措施'}
        open={editing !== null}
        onCancel={() => !busy && setEditing(null)}
        destroyOnHidden
        okText="保存"
        cancelText="取消"
        onOk={() => void save()}
        okButtonProps={{ id: 'measure-ok', loading: busy }}
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
        <Form<MeasureInput>
          form={form}
          name="measure"
          layout="vertical"
          preserve={false}
          initialValues={editing && editing !== 'new' ? { name: editing.name, category: editing.category, description: editing.description, active: editing.active } : { active: true }}
        >
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={MEASURE_CATEGORIES.map((c) => ({ value: c, label: c }))} placeholder="选择类别" />
          </Form.Item>
          <Form.Item name="name" label="措施名称" rules={[{ required: true, whitespace: true, message: '请填写措施名称' }, { min: 2, message: '措施名称至少2个字' }]}>
            <Input maxLength={64} autoFocus />
          </Form.Item>
          <Form.Item name="description" label="说明">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

const WEIGHT_KEYS = Object.keys(URGENCY_FACTOR_LABELS) as (keyof UrgencyWeights)[];
const WEIGHT_HELP: Record<keyof UrgencyWeights, string> = {
  income: '收入为零时得满分，至低保标准的 130% 时为 0',
  illness: '本人或家庭成员患病',
  disability: '一、二级满分，三、四级得一半',
  school: '每名在校子女，最多计 2 名',
  noInsurance: '无医疗保险',
  enterprise: '所在企业停产或破产',
  lostWorkCapacity: '家庭成员丧失劳动能力',
};

function SettingsTab() {
  const access = useAccess();
  const { message } = App.useApp();
  const q = useRequest((s) => getAssistanceSettings(s), 'settings');
  const [form] = Form.useForm<AssistanceSettings>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const readOnly = !access.canEditMeasures;

  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  async function save() {
    let v: AssistanceSettings;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const r = await saveAssistanceSettings(v);
      q.setData(r.settings);
      message.success(r.jobId ? '帮扶设置已保存，系统正在后台重新评分分批' : '帮扶设置已保存');
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const { fields, unplaced } = toFormFieldErrors(e.fieldErrors);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setFormError(unplaced.length ? unplaced.map((x) => x.message).join('；') : '请按提示修改');
      } else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!q.data) return q.error ? <Alert type="error" showIcon message="加载失败" description={errorMessage(q.error)} /> : <Skeleton active />;
  const int = (label: string, min: number, max: number) => [{ required: true, message: `请填写${label}` }, { type: 'integer' as const, min, max, message: `${label}应为 ${min}–${max} 的整数` }];

  return (
    <Form<AssistanceSettings> form={form} name="settings" layout="vertical" disabled={readOnly} initialValues={q.data} style={{ maxWidth: 880 }}>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
      <Card size="small" title="常态帮扶" style={{ marginBottom: 12 }}>
        <Form.Item name="overdueDays" label="走访间隔（天）" rules={int('走访间隔天数', 7, 366)} extra="超过该天数未记录帮扶的家庭列为「超期未走访」" style={{ marginBottom: 0 }}>
          <InputNumber min={7} max={366} precision={0} style={{ width: 160 }} addonAfter="天" />
        </Form.Item>
      </Card>
      <Card size="small" title="困难程度评分权重（分）" style={{ marginBottom: 12 }}>
        <Row gutter={16}>
          {WEIGHT_KEYS.map((k) => (
            <Col xs={24} sm={12} md={8} key={k}>
              <Form.Item name={['urgencyWeights', k]} label={URGENCY_FACTOR_LABELS[k]} rules={int(URGENCY_FACTOR_LABELS[k], 0, 100)} extra={WEIGHT_HELP[k]}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title="分批分数线" style={{ marginBottom: 12 }}>
        <Row gutter={16}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item name={['batchThresholds', 'first']} label={`${BATCH_LABELS[0]}（不低于）`} rules={int('第一批分数线', 0, 100)}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} addonAfter="分" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={8}>
            <Form.Item name={['batchThresholds', 'second']} label={`${BATCH_LABELS[1]}（不低于）`} rules={int('第二批分数线', 0, 100)}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} addonAfter="分" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>
              低于第二批分数线的为{BATCH_LABELS[2]}。修改权重或分数线后，系统在后台重新为所有在册档案评分分批。
            </Typography.Paragraph>
          </Col>
        </Row>
      </Card>
      {!readOnly && (
        <Space>
          <Button id="settings-save" type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()}>
            保存设置
          </Button>
          <Button onClick={() => form.setFieldsValue(q.data!)} disabled={busy}>
            恢复
          </Button>
        </Space>
      )}
    </Form>
  );
}

export default function MeasuresPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'settings' ? 'settings' : 'catalog';
  return (
    <div className="page">
      <PageHeader title="帮扶措施目录" subTitle="因户施策的措施目录与常态帮扶设置" />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'settings' ? { tab: 'settings' } : {}, { replace: true })}
          items={[
            { key: 'catalog', label: '措施目录', children: <CatalogTab /> },
            { key: 'settings', label: '帮扶设置', children: <SettingsTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
