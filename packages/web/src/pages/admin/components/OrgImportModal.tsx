// 「从 Excel 导入」: the two columns explained with an example; choosing a file imports it at once.
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Spin, Table, Typography, Upload } from 'antd';
import { ApartmentOutlined, InboxOutlined } from '@ant-design/icons';
import { XLSX_TYPE, importOrgs, type ImportResult, type Org } from '../../../api/orgs';
import { importErrorLines } from '../adminShared';

const EXAMPLE_ROWS = [
  { key: 1, row: 1, name: '名称', parentCode: '上级组织代码', header: true },
  { key: 2, row: 2, name: '京山市某某机械有限公司工会', parentCode: 'H01' },
  { key: 3, row: 3, name: '沙洋县某某纺织厂工会', parentCode: 'H02' },
  { key: 4, row: 4, name: '东宝区某某街道总工会', parentCode: 'H04' },
];

/** 「从 Excel 导入」: the two columns explained with an example; choosing a file imports it at once. */
export function OrgImportModal({ open, onClose, onImported, regions }: { open: boolean; onClose: () => void; onImported: () => void; regions: Org[] }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(ImportResult & { file: string }) | null>(null);
  const [errors, setErrors] = useState<{ file: string; lines: string[] } | null>(null);

  useEffect(() => {
    if (open) {
      setResult(null);
      setErrors(null);
    }
  }, [open]);

  async function upload(file: File) {
    setBusy(true);
    setResult(null);
    setErrors(null);
    try {
      const r = await importOrgs(file);
      setResult({ ...r, file: file.name });
      onImported();
    } catch (e) {
      setErrors({ file: file.name, lines: importErrorLines(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title="从 Excel 导入基层工会"
      open={open}
      onCancel={() => !busy && onClose()}
      footer={
        <Button onClick={onClose} disabled={busy} id="org-import-close">
          关闭
        </Button>
      }
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph>
        请上传 Excel 工作簿（.xlsx）：第一个工作表的第 1 行为表头，包含 <Typography.Text strong>名称</Typography.Text> 和{' '}
        <Typography.Text strong>上级组织代码</Typography.Text> 两列，从第 2 行起每行一个基层工会。上级组织代码为县（市、区）工会的代码。
        文件中任何一行有误时整个文件都不导入，请按提示修改后重新上传。
      </Typography.Paragraph>
      <Table
        className="org-import-example"
        size="small"
        pagination={false}
        bordered
        dataSource={EXAMPLE_ROWS}
        showHeader
        columns={[
          { title: '', dataIndex: 'row', width: 40, align: 'center', className: 'org-import-rownum' },
          { title: 'A', dataIndex: 'name', render: (v: string, r) => (r.header ? <strong>{v}</strong> : v) },
          { title: 'B', dataIndex: 'parentCode', width: 140, render: (v: string, r) => (r.header ? <strong>{v}</strong> : <span className="mono">{v}</span>) },
        ]}
      />
      <Typography.Paragraph type="secondary" className="org-import-codes">
        县（市、区）工会代码：{regions.map((r) => `${r.code} ${r.name}`).join('　')}
      </Typography.Paragraph>
      <Spin spinning={busy} tip="正在导入…">
        <Upload.Dragger
          id="org-import-file"
          accept={`.xlsx,${XLSX_TYPE}`}
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或将 .xlsx 文件拖到此处，选择后立即导入</p>
          <p className="ant-upload-hint">仅支持 .xlsx 格式，不超过 10MB</p>
        </Upload.Dragger>
      </Spin>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          icon={<ApartmentOutlined />}
          data-testid="org-import-result"
          message={`已从 ${result.file} 导入 ${result.created} 个基层工会`}
          description={result.codes.length ? `代码：${result.codes.join('、')}` : undefined}
        />
      )}
      {errors && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="org-import-errors"
          message={`${errors.file} 未导入，请修改以下问题后重新上传（共 ${errors.lines.length} 处）`}
          description={
            <ul className="plain-list org-import-error-list">
              {errors.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}

