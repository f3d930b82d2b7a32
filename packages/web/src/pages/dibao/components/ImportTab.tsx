// 导入名单: the month, region (the city union: the whole city or a county; a county union its own)
// and source of a civil-affairs 低保 list and its file (.csv in UTF-8 or GBK, or .xlsx). A file whose
// headers are not recognized asks which columns hold what (MappingDialog) and is sent again with
// the choices; a list of an older month than the region's latest is refused under the month.
// Once imported, what it found (UploadResult).
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select, Upload, type UploadFile } from 'antd';
import { CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { DibaoFindingKind } from '@bangfu/core';
import { uploadDibaoList, type DibaoColumnsMissing, type DibaoList, type DibaoMapping } from '../../../api/dibao';
import { useDibaoChanged } from '../../../api/queries/dibao';
import { isApiError } from '../../../api/request';
import { ownRegionOf, useSessionUser } from '../../../lib/session';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { useRegions } from '../../../lib/useOrgs';
import { columnsMissingOf } from '../dibaoMapping';
import { lastMonthOf, uploadRegionOptions } from '../dibaoText';
import { ListErrorsModal } from './ListErrorsModal';
import { MappingDialog } from './MappingDialog';
import { UploadResult } from './UploadResult';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIELDS = ['month', 'regionCode', 'source', 'file'] as const;

interface Values {
  month: Dayjs;
  regionCode: string;
  source?: string;
  file: UploadFile[];
}

type Columns = DibaoColumnsMissing & { fileName: string; previous: DibaoMapping };

function Help() {
  return (
    <Alert
      type="info"
      showIcon
      className="dibao-help"
      message="导入县（市、区）民政部门提供的当月低保保障对象名单，系统按身份证号与档案中的职工及家庭成员核对。"
      description={
        <ul className="plain-list">
          <li>需要的列（姓名、身份证号必填；家庭人口、月保障金额、地区可选），CSV 支持 UTF-8 和 GBK 编码。</li>
          <li>表头与上述名称不同时，系统会请您指定各列对应的表头。</li>
          <li>同一地区导入新月份的名单后，上月名单的待核实结果由新名单替代。</li>
        </ul>
      }
    />
  );
}

interface Props {
  phone: boolean;
  onShowFindings: (filters: { kind?: DibaoFindingKind; listId: number }) => void;
}

export function ImportTab({ phone, onShowFindings }: Props) {
  const user = useSessionUser();
  const ownRegion = ownRegionOf(user);
  const { regions } = useRegions(user);
  const regionOptions = uploadRegionOptions(ownRegion, regions);
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: FIELDS });
  const [columns, setColumns] = useState<Columns | null>(null);
  const [imported, setImported] = useState<DibaoList | null>(null);
  const [showingErrors, setShowingErrors] = useState<DibaoList | null>(null);
  const changed = useDibaoChanged();

  /** Sends the file with the fields (and the person's column choices, once asked for). */
  function send(mapping: DibaoMapping) {
    return submit(async (v) => {
      const file = v.file[0]?.originFileObj;
      if (!file) return;
      try {
        const list = await uploadDibaoList(file, { month: v.month.format('YYYY-MM'), regionCode: v.regionCode, source: v.source, mapping });
        setColumns(null);
        setImported(list);
        form.resetFields();
        changed();
      } catch (e) {
        const missing = columnsMissingOf(e);
        if (missing) return setColumns({ ...missing, fileName: file.name, previous: mapping });
        setColumns(null);
        if (isApiError(e, 'DIBAO_MONTH_OLDER')) return form.setFields([{ name: 'month', errors: [e.message] }]);
        // a file refused (type, size, content): the whole sentence under the file, it says why
        if (isApiError(e) && e.fieldErrors.some((f) => f.path === 'file')) return form.setFields([{ name: 'file', errors: [e.message] }]);
        throw e;
      }
    });
  }

  if (imported)
    return (
      <>
        <UploadResult list={imported} onShowFindings={onShowFindings} onShowErrors={setShowingErrors} onAgain={() => setImported(null)} />
        <ListErrorsModal list={showingErrors} onClose={() => setShowingErrors(null)} />
      </>
    );

  const size = phone ? 'large' : 'middle';
  return (
    <div className="dibao-import">
      <Help />
      <Form
        form={form}
        name="dibaoUpload"
        layout="vertical"
        size={size}
        requiredMark
        className="dibao-upload-form"
        data-testid="dibao-upload-form"
        initialValues={{ month: dayjs(lastMonthOf(dayjs().format('YYYY-MM-DD')) + '-01'), regionCode: ownRegion ?? undefined, file: [] }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item name="month" label="名单月份" rules={[{ required: true, message: '请选择名单月份' }]}>
          <DatePicker picker="month" format="YYYY-MM" allowClear={false} inputReadOnly={phone} disabledDate={(d) => d.isAfter(dayjs(), 'month')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regionCode" label="所属地区" rules={[{ required: true, message: '请选择名单所属地区' }]} extra={ownRegion ? undefined : '选“全市”时，名单与全市的档案核对'}>
          <Select options={regionOptions} disabled={!!ownRegion} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="source" label="名单来源" rules={[{ max: 100, message: '名单来源不能超过100个字' }]}>
          <Input placeholder="如：东宝区民政局" maxLength={100} allowClear />
        </Form.Item>
        <Form.Item
          name="file"
          label="名单文件"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          rules={[{ validator: (_r, v: UploadFile[] | undefined) => (v && v.length ? Promise.resolve() : Promise.reject(new Error('请选择名单文件（.csv 或 .xlsx）'))) }]}
          required
        >
          <Upload accept={ACCEPT} maxCount={1} beforeUpload={() => false /* sent with 导入并核对, not on selection */} disabled={busy}>
            <Button icon={<UploadOutlined />} size={size}>
              选择文件
            </Button>
          </Upload>
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="dibao-upload-error" />}
        <Button type="primary" icon={<CloudUploadOutlined />} id="dibao-upload-submit" data-testid="dibao-upload-submit" loading={busy} block={phone} size={size} onClick={() => void send({})}>
          导入并核对
        </Button>
      </Form>
      <MappingDialog columns={columns} busy={busy} onSubmit={(m) => void send(m)} onClose={() => setColumns(null)} />
    </div>
  );
}
