// 帮扶设置: 走访间隔, the weights of the urgency score and the batch thresholds (city union edits).
import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { BATCH_LABELS, URGENCY_FACTOR_LABELS, type UrgencyWeights } from '@bangfu/core';
import { saveAssistanceSettings, type AssistanceSettings } from '../../../api/assistance';
import { assistanceKeys, useAssistanceSettings, useSetData } from '../../../api/queries/assistance';
import { errorMessage } from '../../../api/request';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { useAccess } from '../../../lib/session';

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

export function AssistanceSettingsForm() {
  const access = useAccess();
  const { message } = App.useApp();
  const q = useAssistanceSettings();
  const setData = useSetData();
  const [form] = Form.useForm<AssistanceSettings>();
  const { busy, error: formError, submit } = useFormSubmit(form, { placedMessage: '请按提示修改' });
  const readOnly = !access.canEditMeasures;

  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  async function save() {
    await submit(async (v) => {
      const r = await saveAssistanceSettings(v);
      setData(assistanceKeys.settings, r.settings);
      message.success(r.jobId ? '帮扶设置已保存，系统正在后台重新评分分批' : '帮扶设置已保存');
    });
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
