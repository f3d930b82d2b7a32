// Step 1 上传文件: the template, how to fill it, the file(s), 开始检查.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { downloadTemplate, startImport, type ImportView } from '../../api/exchange';
import { errorMessage } from '../../api/request';
import { uploadProblem } from './importModel';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export function TemplateButton() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    try {
      await downloadTemplate();
    } catch (e) {
      message.error(`模板下载失败：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<DownloadOutlined />} id="import-template" loading={busy} onClick={onClick}>
      下载导入模板
    </Button>
  );
}

function Instructions() {
  return (
    <div className="import-instructions">
      <Typography.Title level={5}>填写说明</Typography.Title>
      <ol>
        <li>
          请先下载导入模板。<b>职工</b>表每行填写一户（职工本人）；<b>家庭成员</b>表每行填写一名家庭成员，用<b>职工身份证号</b>与职工对应。模板中的示例行不会导入。
        </li>
        <li>已有档案填写职工编号，按编号更新；新档案职工编号留空，由系统分配。</li>
        <li>金额单位为元；致困原因可多选，用顿号“、”分隔；下拉选项见模板中的隐藏表“字典”。</li>
        <li>身份证号请设为文本格式；15 位旧身份证号会自动转换为 18 位，并给出提示。</li>
        <li>从本系统导出的脱敏文件（身份证号带 * 号）不能导入。</li>
        <li>也可上传 CSV（UTF-8 或 GBK 编码，表头与模板相同）：职工一个文件，家庭成员一个文件（可选），一次选择两个文件。</li>
        <li>上传后系统先逐行检查，不写入任何档案；确认检查结果后才导入。</li>
      </ol>
    </div>
  );
}

export default function ImportUploadStep({ onStarted }: { onStarted: (v: ImportView) => void }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [oldDatabase, setOldDatabase] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = files.length ? uploadProblem(files.map((f) => f.name)) : null;

  async function onStart() {
    const chosen = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    const p = uploadProblem(chosen.map((f) => f.name));
    if (p) return setError(p);
    setBusy(true);
    setError(null);
    try {
      onStarted(await startImport(chosen, oldDatabase));
      setFiles([]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="import-upload">
      <Instructions />
      <div className="import-upload-body">
        <TemplateButton />
        <Upload.Dragger
          id="import-file"
          accept={ACCEPT}
          multiple
          maxCount={2}
          fileList={files}
          disabled={busy}
          beforeUpload={() => false /* sent with 开始检查, not on selection */}
          onChange={({ fileList }) => {
            setError(null);
            setFiles(fileList.slice(-2));
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或将文件拖到此处</p>
          <p className="ant-upload-hint">Excel 工作簿（.xlsx）一个；或 CSV 文件：职工一个、家庭成员一个（可选）</p>
        </Upload.Dragger>
        <Checkbox id="import-old-database" checked={oldDatabase} onChange={(e) => setOldDatabase(e.target.checked)} disabled={busy}>
          这是原困难职工数据库（导入后，专项行动可按它统计各单位的原数据库户数）
        </Checkbox>
        {(problem || error) && <Alert type="error" showIcon message={problem ?? error} data-testid="import-upload-error" />}
        <Button type="primary" icon={<CloudUploadOutlined />} id="import-start" loading={busy} disabled={!files.length || !!problem} onClick={onStart}>
          开始检查
        </Button>
      </div>
    </div>
  );
}
