// 新增低保标准: region, year (not one that already has a line) and the monthly amount, with the
// same region's latest earlier line for reference. The new line joins the pending changes.
import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { FormInstance } from 'antd/es/form';
import type { Policy } from '../../../api/policy';
import type { RegionOption } from '../../../lib/useOrgs';
import { lineAmountError, lineKey, plainYuan, type ChangeSet } from '../changeSet';

export interface NewLineValues {
  regionCode?: string;
  year?: number | null;
  monthlyLine?: string;
}

interface Props {
  open: boolean;
  /** the year the form starts with */
  year: number;
  policy: Policy;
  changes: ChangeSet;
  regions: RegionOption[];
  regionName: (code: string) => string;
  onAdd: (regionCode: string, year: number, monthlyLine: string) => void;
  onCancel: () => void;
}

/** Under the amount of a new line: the same region's latest earlier line, for reference. */
function PreviousYearHint({ form, policy }: { form: FormInstance<NewLineValues>; policy: Policy }) {
  const code = Form.useWatch('regionCode', form);
  const y = Form.useWatch('year', form);
  if (!code || !y) return null;
  const prev = policy.lines.filter((l) => l.regionCode === code && l.year < y).sort((a, b) => b.year - a.year)[0];
  return prev ? <span>参考：{prev.year} 年每月 {plainYuan(prev.monthlyLine)} 元</span> : null;
}

export function AddLineModal({ open, year, policy, changes, regions, regionName, onAdd, onCancel }: Props) {
  const [form] = Form.useForm<NewLineValues>();

  useEffect(() => {
    if (open) form.setFieldsValue({ regionCode: undefined, year, monthlyLine: '' });
  }, [open, year, form]);

  async function confirm() {
    let v: NewLineValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    onAdd(v.regionCode!, v.year!, String(v.monthlyLine).trim());
  }

  return (
    <Modal title="新增低保标准" open={open} okText="加入待保存的修改" cancelText="取消" okButtonProps={{ id: 'policy-add-line-ok' }} onOk={confirm} onCancel={onCancel} forceRender>
      <Form<NewLineValues> form={form} name="policy_new" layout="vertical" preserve>
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
                const code = form.getFieldValue('regionCode') as string | undefined;
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
          extra={<PreviousYearHint form={form} policy={policy} />}
        >
          <Input inputMode="decimal" autoComplete="off" maxLength={12} suffix={<span className="money-suffix">元</span>} className="money-input" placeholder="如 550" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
