// 指定表头 after an upload whose headers were not recognized (400 DIBAO_COLUMNS_MISSING): one choice
// per field of the list among the file's own header texts (姓名 and 身份证号 needed, the others
// optional), guessed as the server would; 确定 uploads the same file again with the choices.
import { useEffect } from 'react';
import { Alert, Button, Form, Grid, Modal, Select, Typography } from 'antd';
import { DIBAO_COLUMNS } from '@bangfu/core';
import type { DibaoColumnsMissing, DibaoMapping } from '../../../api/dibao';
import { headerOptions, initialMapping, mappingOf, missingText, repeatedChoices, type MappingValues } from '../dibaoMapping';

interface Props {
  /** the refusal's headers and missing fields; null: closed */
  columns: (DibaoColumnsMissing & { fileName: string; previous: DibaoMapping }) | null;
  busy: boolean;
  onSubmit: (mapping: DibaoMapping) => void;
  onClose: () => void;
}

export function MappingDialog({ columns, busy, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<MappingValues>();
  const phone = !Grid.useBreakpoint().sm;
  const options = headerOptions(columns?.headers ?? []);
  const retried = !!columns && Object.keys(columns.previous).length > 0;

  // each refusal opens with its own guess (a second one after the person's choices failed)
  useEffect(() => {
    if (columns) form.setFieldsValue(initialMapping(columns.headers, columns.previous));
  }, [columns, form]);

  async function ok() {
    let v: MappingValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    onSubmit(mappingOf(v));
  }

  const size = phone ? 'large' : 'middle';
  return (
    <Modal
      title="指定名单的列"
      open={columns !== null}
      onCancel={() => !busy && onClose()}
      destroyOnHidden
      width={phone ? '100%' : 560}
      style={phone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      className={phone ? 'dibao-mapping-modal assistance-modal-phone' : 'dibao-mapping-modal'}
      wrapProps={{ 'data-testid': 'dibao-mapping-dialog' }}
      footer={
        <div className="assistance-modal-footer">
          <Button size={size} onClick={onClose} disabled={busy} block={phone}>
            取消
          </Button>
          <Button size={size} type="primary" id="dibao-mapping-ok" data-testid="dibao-mapping-ok" loading={busy} onClick={() => void ok()} block={phone}>
            按所选的列导入
          </Button>
        </div>
      }
    >
      {columns && (
        <Alert
          type={retried ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          message={
            retried
              ? `按所选的列仍读不到：${missingText(columns.missing) || '必填的列'}，请重新选择`
              : `在 ${columns.fileName} 中没有找到${missingText(columns.missing) ? `“${missingText(columns.missing)}”` : '需要'}的列`
          }
          description="请为每一项选择文件中对应的表头。姓名、身份证号必填；家庭人口、月保障金额、地区没有可不选。"
        />
      )}
      {options.length === 0 && <Typography.Paragraph type="danger">文件中没有读到表头行，请检查文件是否为名单本身（第一张工作表，表头在数据之前）。</Typography.Paragraph>}
      <Form form={form} name="dibaoMapping" initialValues={columns ? initialMapping(columns.headers, columns.previous) : undefined} layout={phone ? 'vertical' : 'horizontal'} labelCol={phone ? undefined : { flex: '7em' }} size={size} requiredMark>
        {DIBAO_COLUMNS.map((c) => (
          <Form.Item
            key={c.key}
            name={c.key}
            label={c.label}
            dependencies={DIBAO_COLUMNS.filter((o) => o.key !== c.key).map((o) => o.key)}
            rules={[
              { required: c.required, message: `请选择“${c.label}”所在的列` },
              {
                validator: (_r, _v) =>
                  repeatedChoices(form.getFieldsValue()).includes(c.key) ? Promise.reject(new Error('这一列已选给了其他项')) : Promise.resolve(),
              },
            ]}
          >
            <Select allowClear={!c.required} placeholder={c.required ? '请选择' : '（没有此列）'} options={options} data-testid={`dibao-mapping-${c.key}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
