// 措施目录: the measures a plan draws on; the city union adds and edits them, the steering group reads.
// The measures' codes (startupLoan …) are the API's, not a person's: the table shows names only.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Switch, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { MEASURE_CATEGORIES } from '@bangfu/core';
import { createMeasure, updateMeasure, type Measure, type MeasureInput } from '../../../api/assistance';
import { useMeasures } from '../../../api/queries/assistance';
import { errorMessage } from '../../../api/request';
import TableCard from '../../../components/TableCard';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { useAccess } from '../../../lib/session';

export function MeasureCatalog() {
  const access = useAccess();
  const { message } = App.useApp();
  const q = useMeasures();
  const [form] = Form.useForm<MeasureInput>();
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const { busy, error: formError, setError: setFormError, submit } = useFormSubmit(form, { fields: ['name', 'category', 'description', 'active'] });
  const items = q.data?.items ?? [];

  async function save() {
    await submit(async (v) => {
      const body = { ...v, name: v.name.trim(), description: (v.description ?? '').trim(), active: v.active !== false };
      if (editing === 'new') await createMeasure(body);
      else if (editing) await updateMeasure(editing.code, body);
      message.success('帮扶措施已保存');
      setEditing(null);
      void q.refetch();
    });
  }


  const columns: TableProps<Measure>['columns'] = [
    { title: '类别', dataIndex: 'category', width: 110, render: (v: string) => <Tag bordered={false}>{v}</Tag> },
    { title: '措施名称', dataIndex: 'name', width: 200, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '说明', dataIndex: 'description' },
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
      <TableCard<Measure> bare id="measures-table" rowKey="code" size="middle" columns={columns} dataSource={items} loading={q.isFetching} scroll={{ x: 'max-content' }}
        onRow={(m) => ({ 'data-code': m.code }) as React.HTMLAttributes<HTMLElement>} />
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
