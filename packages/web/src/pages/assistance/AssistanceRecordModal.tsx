// 记录帮扶: one form, used on the detail page and in 我的帮扶对象. Built for a cadre on a home visit
// with a phone: full-width inputs, large touch targets, today's date, the amount only for money
// types; the server's field errors land beside their fields.
import { Alert, App, DatePicker, Form, Grid, Input, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ASSISTANCE_TYPES, todayInChina, type AssistanceType } from '@bangfu/core';
import { addRecord, type AssistanceRecord } from '../../api/assistance';
import FieldFormModal from '../../components/FieldFormModal';
import MoneyInput from '../../components/MoneyInput';
import { amountRequired, isMoneyType, recordPayload } from '../../lib/assistance';
import { useFormSubmit } from '../../lib/useFormSubmit';

const FIELDS = ['date', 'type', 'amount', 'description', 'solvedProblem'];

interface Values {
  date: Dayjs;
  type: AssistanceType;
  amount?: string;
  description: string;
  solvedProblem: boolean;
}

interface Props {
  open: boolean;
  household: { id: number; workerNo: string; name: string } | null;
  onClose: () => void;
  onSaved: (r: AssistanceRecord) => void;
}

export default function AssistanceRecordModal({ open, household, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const phone = !screens.sm;
  const { busy, error: unplaced, submit } = useFormSubmit(form, { fields: FIELDS });
  const type = Form.useWatch('type', form);
  const money = isMoneyType(type);

  async function save() {
    if (!household) return;
    await submit(async (v) => {
      const rec = await addRecord(household.id, recordPayload({ ...v, date: v.date.format('YYYY-MM-DD') }));
      message.success(`已记录 ${household.name} 的帮扶（${rec.type}）`);
      onSaved(rec);
      onClose();
    });
  }


  const size = phone ? 'large' : 'middle';
  return (
    <FieldFormModal
      title={household ? `记录帮扶 · ${household.workerNo} ${household.name}` : '记录帮扶'}
      open={open}
      busy={busy}
      phone={phone}
      className="assistance-modal"
      okId="assistance-ok"
      okText="保存记录"
      onOk={() => void save()}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        name="assistance"
        layout="vertical"
        preserve={false}
        size={size}
        requiredMark
        initialValues={{ date: dayjs(todayInChina(), 'YYYY-MM-DD'), type: '走访', solvedProblem: false }}
        onValuesChange={(changed) => {
          if ('type' in changed && !isMoneyType(changed.type)) form.setFieldsValue({ amount: undefined });
        }}
      >
        {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 12 }} />}
        <Form.Item name="date" label="帮扶日期" rules={[{ required: true, message: '请选择帮扶日期' }]}>
          <DatePicker
            format="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()}
          />
        </Form.Item>
        <Form.Item name="type" label="帮扶类型" rules={[{ required: true, message: '请选择帮扶类型' }]}>
          <Select options={ASSISTANCE_TYPES.map((t) => ({ value: t, label: t }))} style={{ width: '100%' }} showSearch optionFilterProp="label" />
        </Form.Item>
        {money && (
          <Form.Item
            name="amount"
            label="金额（元）"
            rules={[{ required: amountRequired(type), whitespace: true, message: `${type}须填写金额（元）` }]}
            extra={amountRequired(type) ? undefined : '实物或代办的可不填'}
          >
            <MoneyInput size={size} />
          </Form.Item>
        )}
        <Form.Item name="description" label="帮扶内容" rules={[{ required: true, whitespace: true, message: '请填写帮扶内容' }, { min: 2, message: '请填写帮扶内容（至少2个字）' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount placeholder="例如：入户走访，了解家庭近况，宣讲帮扶政策" />
        </Form.Item>
        <Form.Item name="solvedProblem" label="解决实际问题" valuePropName="checked" extra="本次帮扶为该户解决了一个实际问题时打开（每户每年目标至少 1 个）" style={{ marginBottom: 0 }}>
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Form>
    </FieldFormModal>
  );
}
