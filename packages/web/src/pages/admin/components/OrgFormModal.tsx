// The three small org dialogs (新建基层工会, 重命名, 调整上级组织): a title, one form, one OK button.
import type { ReactNode } from 'react';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import type { FormInstance } from 'antd';

export const NAME_RULES = [
  { required: true, whitespace: true, message: '请填写组织名称' },
  { min: 2, message: '组织名称至少2个字' },
  { max: 100, message: '组织名称不能超过100个字' },
];

interface Props<V> {
  title: string;
  open: boolean;
  okText: string;
  okId: string;
  busy: boolean;
  form: FormInstance<V>;
  name: string;
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
  intro?: ReactNode;
}

function OrgFormModal<V>({ title, open, okText, okId, busy, form, name, onOk, onCancel, children, intro }: Props<V>) {
  return (
    <Modal title={title} open={open} okText={okText} cancelText="取消" okButtonProps={{ id: okId, loading: busy }} onOk={onOk} onCancel={() => !busy && onCancel()} forceRender>
      {intro}
      <Form form={form} name={name} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}

type Option = { value: string; label: string };
type Common = { open: boolean; busy: boolean; onOk: () => void; onCancel: () => void };

export function NewOrgModal({ form, regionOptions, ...rest }: Common & { form: FormInstance<{ name: string; parentCode: string; largeEnterprise?: boolean }>; regionOptions: Option[] }) {
  return (
    <OrgFormModal title="新建基层工会" okText="新建" okId="org-new-ok" form={form} name="org_new" {...rest}>
      <Form.Item name="parentCode" label="上级组织（县、市、区工会）" rules={[{ required: true, message: '请选择上级组织' }]}>
        <Select options={regionOptions} placeholder="请选择" showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="name" label="基层工会名称" rules={NAME_RULES} extra="代码由系统自动编号，如 H01-0001">
        <Input maxLength={100} placeholder="例如：京山市某某有限公司工会" autoComplete="off" />
      </Form.Item>
      <Form.Item name="largeEnterprise" valuePropName="checked" style={{ marginBottom: 0 }} extra="大中型企事业单位工会在专项行动中默认单独上报">
        <Checkbox id="org_new_largeEnterprise">大中型企事业单位</Checkbox>
      </Form.Item>
    </OrgFormModal>
  );
}

export function RenameOrgModal({ form, orgName, ...rest }: Common & { form: FormInstance<{ name: string }>; orgName: string }) {
  return (
    <OrgFormModal title={`重命名 · ${orgName}`} okText="保存" okId="org-edit-ok" form={form} name="org_edit" {...rest}>
      <Form.Item name="name" label="名称" rules={NAME_RULES}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </OrgFormModal>
  );
}

export function MoveOrgModal({ form, orgName, parentText, targets, ...rest }: Common & { form: FormInstance<{ parentCode: string }>; orgName: string; parentText: string; targets: Option[] }) {
  return (
    <OrgFormModal title={`调整上级组织 · ${orgName}`} okText="调整" okId="org-move-ok" form={form} name="org_move" intro={<p>当前上级：{parentText}。基层工会的代码不变。</p>} {...rest}>
      <Form.Item name="parentCode" label="调整到" rules={[{ required: true, message: '请选择县（市、区）工会' }]}>
        <Select options={targets} placeholder="请选择" />
      </Form.Item>
    </OrgFormModal>
  );
}
