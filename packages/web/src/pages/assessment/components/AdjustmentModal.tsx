// 加减分 (the city union): points between -20 and 20 (one decimal) with a reason, added to the
// organization's weighted score for the year. Core's schema checks it first; the server's field
// errors land beside their fields.
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { adjustmentInputSchema } from '@bangfu/core';
import { addAdjustment, type Adjustment, type AssessmentItem } from '../../../api/assessment';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { scoreText } from '../assessmentText';

interface Values {
  points?: number;
  reason?: string;
}

interface Props {
  item: AssessmentItem | null;
  year: number;
  onDone: (a: Adjustment) => void;
  onCancel: () => void;
}

const FIELDS = ['points', 'reason'] as const;

/** The form's rule from core's schema: one message per field, as the server would say it. */
const checkPoints = (_: unknown, v: number | null | undefined) => {
  if (v === null || v === undefined) return Promise.reject(new Error('请填写分值'));
  const r = adjustmentInputSchema.shape.points.safeParse(v ?? undefined);
  return r.success ? Promise.resolve() : Promise.reject(new Error(r.error.issues[0]?.message));
};

export function AdjustmentModal({ item, year, onDone, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: FIELDS });

  function onOk() {
    if (!item) return;
    void submit(async (v) => onDone(await addAdjustment({ year, orgCode: item.orgCode, points: v.points!, reason: v.reason!.trim() })));
  }

  return (
    <Modal
      title="加减分"
      open={item !== null}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ id: 'adjustment-ok', loading: busy }}
      onOk={onOk}
      onCancel={() => !busy && onCancel()}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph>
          {item.orgName} · {year} 年度 · 现总分 <b>{scoreText(item.total)}</b>
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} data-testid="adjustment-error" />}
      <Form<Values> form={form} name="adjustment" layout="vertical" preserve={false} onValuesChange={() => setError(null)}>
        <Form.Item name="points" label="分值" required rules={[{ validator: checkPoints }]} extra="加分为正数、减分为负数，-20 至 20 分，最多一位小数">
          <InputNumber step={0.5} precision={1} min={-20} max={20} style={{ width: 160 }} placeholder="如 2 或 -1.5" addonAfter="分" />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, min: 2, message: '请填写加减分理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} showCount placeholder="如：困难职工帮扶工作经验在全省推广" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
