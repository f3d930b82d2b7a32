// 帮扶设置: 走访间隔, 脱困回访安排, the weights of the urgency score and the batch thresholds (city union
// edits).
import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { BATCH_LABELS, FOLLOW_UP_NOTICE_DAYS, URGENCY_FACTOR_LABELS, type UrgencyWeights } from '@bangfu/core';
import { saveAssistanceSettings, type AssistanceSettings } from '../../../api/assistance';
import { assistanceKeys, useAssistanceSettings, useSetData } from '../../../api/queries/assistance';
import { errorMessage } from '../../../api/request';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { useAccess } from '../../../lib/session';
import { followUpMonthsText, sortedMonths } from '../../followUps/followUpText';

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

/** 脱困回访: 1 to 60 months after the exit (core's followUpMonthsSchema), at most six visits. */
const MONTH_OPTIONS = Array.from({ length: 60 }, (_, i) => ({ value: i + 1, label: `第${i + 1}个月` }));
const MAX_VISITS = 6;
const GROUPS = new Set(['urgencyWeights', 'batchThresholds']);
/** where a server error can go: a top-level field, or a weight or threshold (followUpMonths[1] goes to the schedule) */
const placeable = (n: (string | number)[]) => (n.length === 1 ? !GROUPS.has(String(n[0])) : n.length === 2 && GROUPS.has(String(n[0])));

export function AssistanceSettingsForm() {
  const access = useAccess();
  const { message } = App.useApp();
  const q = useAssistanceSettings();
  const setData = useSetData();
  const [form] = Form.useForm<AssistanceSettings>();
  const { busy, error: formError, submit } = useFormSubmit(form, { placedMessage: '请按提示修改', placeable });
  const months = Form.useWatch('followUpMonths', form);
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
      <Card size="small" title="脱困回访" style={{ marginBottom: 12 }}>
        <Form.Item
          name="followUpMonths"
          label="回访安排（脱困后第几个月回访）"
          normalize={sortedMonths}
          rules={[
            { required: true, type: 'array', min: 1, message: '至少安排一次回访' },
            { type: 'array', max: MAX_VISITS, message: `最多安排${MAX_VISITS}次回访` },
          ]}
          extra={
            <span data-testid="follow-up-months-text">
              {months?.length ? `${followUpMonthsText(sortedMonths(months))}各回访一次；` : ''}计划日期前 {FOLLOW_UP_NOTICE_DAYS} 天列入「到期待回访」，已超过计划日期的列为「已超期」
            </span>
          }
          style={{ marginBottom: 0 }}
        >
          <Select mode="multiple" options={MONTH_OPTIONS} optionFilterProp="label" placeholder="例如：第3个月、第6个月、第12个月" style={{ maxWidth: 480 }} />
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
