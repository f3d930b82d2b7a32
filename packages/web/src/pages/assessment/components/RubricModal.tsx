// 考核细则 of a year: per indicator how it is computed, its weight and the values that score 0 and
// 100 (rates as percentages). The city union edits it: the weights' sum is shown as it is typed and
// must be 100; the save carries the version read (409 RUBRIC_CHANGED → reload); the server's field
// errors land beside their boxes. Everyone else reads it.
import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { INDICATORS } from '@bangfu/core';
import { saveRubric, type Rubric } from '../../../api/assessment';
import { errorMessage, isApiError } from '../../../api/request';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { dateTimeText } from '../../../lib/format';
import { rubricPlaceable, toRubricForm, toRubricItems, valueSuffix, weightSum, type RubricRow } from '../rubricForm';

interface Props {
  open: boolean;
  year: number;
  rubric: Rubric | undefined;
  loadError: unknown;
  editable: boolean;
  onSaved: (r: Rubric) => void;
  onReload: () => void;
  onClose: () => void;
}

type Values = { items: RubricRow[] };
type Box = Pick<RubricRow, 'weight' | 'zero' | 'full'>;

function RubricForm({ year, rubric, editable, onSaved, onReload, onClose }: Omit<Props, 'open' | 'loadError'> & { rubric: Rubric }) {
  const [form] = Form.useForm<Values>();
  const rows = toRubricForm(rubric);
  const items = Form.useWatch('items', form) as Box[] | undefined;
  const sum = weightSum(items ?? rows);
  const { busy, error, setError, submit } = useFormSubmit(form, { placeable: rubricPlaceable });
  const [stale, setStale] = useState(false);

  const save = () => submit(async (v) => {
    try {
      onSaved(await saveRubric(year, { items: toRubricItems(rows.map((r, i) => ({ ...r, ...v.items[i] }))), version: rubric.version }));
    } catch (e) {
      if (isApiError(e, 'RUBRIC_CHANGED')) setStale(true);
      throw e;
    }
  });

  const differs = (i: number) => ({
    validator: (_: unknown, v: number | null) => (v !== null && v === form.getFieldValue(['items', i, 'zero']) ? Promise.reject(new Error('0分和100分对应值不能相同')) : Promise.resolve()),
  });
  const valueBox = (i: number, key: 'zero' | 'full') => (
    <Form.Item name={[i, key]} rules={[{ required: true, message: '请填写' }, ...(key === 'full' ? [differs(i)] : [])]} dependencies={key === 'full' ? [['items', i, 'zero']] : undefined} style={{ marginBottom: 0 }}>
      <InputNumber min={0} max={100} precision={2} style={{ width: 130 }} addonAfter={valueSuffix(rows[i].unit)} />
    </Form.Item>
  );

  const columns = [
    {
      title: '考核指标',
      key: 'name',
      render: (_: unknown, f: { name: number }) => (
        <div className="rubric-indicator">
          <b>{rows[f.name].name}</b>
          <Typography.Text type="secondary" className="rubric-how">
            {rows[f.name].how}（{INDICATORS[rows[f.name].code].better === 'higher' ? '越高越好' : '越低越好'}）
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '权重',
      key: 'weight',
      render: (_: unknown, f: { name: number }) => (
        <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '请填写' }]} style={{ marginBottom: 0 }}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} />
        </Form.Item>
      ),
    },
    { title: '0分对应值', key: 'zero', render: (_: unknown, f: { name: number }) => valueBox(f.name, 'zero') },
    { title: '100分对应值', key: 'full', render: (_: unknown, f: { name: number }) => valueBox(f.name, 'full') },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">
        每项指标得分 = 实际值在“0分对应值”与“100分对应值”之间按比例折算（超出两端按 0 分或 100 分计）；总分 = 各项得分按权重加权平均（无数据的指标不计），再加上加减分。
        {rubric.saved ? ` 本细则由 ${rubric.updatedBy ?? '—'} 于 ${dateTimeText(rubric.updatedAt)} 保存。` : ' 本年度尚未保存细则，现为系统默认细则。'}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={error}
          data-testid="rubric-error"
          action={stale ? <Button size="small" onClick={onReload}>重新加载</Button> : undefined}
        />
      )}
      <Form<Values> form={form} name="rubric" initialValues={{ items: rows }} disabled={!editable} onValuesChange={() => setError(null)}>
        <Form.List name="items">
          {(fields) => <Table id="rubric-table" rowKey="key" size="small" pagination={false} dataSource={fields} columns={columns} scroll={{ x: 'max-content' }} />}
        </Form.List>
      </Form>
      <div className="rubric-footer">
        <span>
          权重合计{' '}
          <b id="rubric-weight-sum" className={sum === 100 ? 'num' : 'num rubric-sum-bad'}>
            {sum}
          </b>
          {sum !== 100 && <Typography.Text type="danger">（应为 100）</Typography.Text>}
        </span>
        <Space>
          <Button onClick={onClose} disabled={busy} id="rubric-close">
            {editable ? '取消' : '关闭'}
          </Button>
          {editable && (
            <Button type="primary" id="rubric-save" loading={busy} disabled={sum !== 100} onClick={() => void save()}>
              保存
            </Button>
          )}
        </Space>
      </div>
    </>
  );
}

export function RubricModal({ open, year, rubric, loadError, editable, onSaved, onReload, onClose }: Props) {
  return (
    <Modal title={`${year} 年度考核细则`} open={open} onCancel={onClose} footer={null} width={920} destroyOnHidden>
      {loadError != null && <Alert type="error" showIcon message="考核细则加载失败" description={errorMessage(loadError)} action={<Button onClick={onReload}>重试</Button>} />}
      {rubric && rubric.year === year && (
        <RubricForm key={`${rubric.year}-${rubric.version}`} year={year} rubric={rubric} editable={editable} onSaved={onSaved} onReload={onReload} onClose={onClose} />
      )}
    </Modal>
  );
}
