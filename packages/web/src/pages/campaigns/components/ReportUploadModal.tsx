// 报送调研报告 / 更换报告: a title, a summary and one Word, WPS or PDF file. The file is checked with
// core's rule (its name and its content) before anything is sent; the server's field errors land
// beside their fields, any other refusal in the dialog.
import { Alert, Button, Descriptions, Form, Input, Modal, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { REPORT_MAX_BYTES } from '@bangfu/core';
import { replaceResearchReport, uploadResearchReport, type Deadline, type ResearchReport } from '../../../api/campaigns';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { daysLeftText } from '../campaignText';
import { chosenFileProblem } from '../researchReports';

export const REPORT_ACCEPT = '.docx,.doc,.wps,.pdf';

/** What the dialog does: a new report for a deadline, or another file for a report. */
export type ReportTarget = { kind: 'upload'; deadline: Deadline } | { kind: 'replace'; report: ResearchReport };

interface Values {
  title?: string;
  summary?: string;
  file?: UploadFile[];
}

interface Props {
  campaignId: number;
  orgName: string;
  target: ReportTarget | null;
  onDone: (r: ResearchReport, replaced: boolean) => void;
  onCancel: () => void;
}

const FIELDS = ['title', 'summary', 'file'] as const;

export function ReportUploadModal({ campaignId, orgName, target, onDone, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: FIELDS });
  const replacing = target?.kind === 'replace';
  const title = replacing ? '更换调研报告' : '报送调研报告';
  const initial: Values = target?.kind === 'replace' ? { title: target.report.title, summary: target.report.summary } : {};

  function onOk() {
    void submit(async (v) => {
      if (!target) return;
      const file = v.file?.[0]?.originFileObj;
      if (!file) return form.setFields([{ name: 'file', errors: ['请选择报告文件'] }]);
      const problem = await chosenFileProblem(file);
      if (problem) return form.setFields([{ name: 'file', errors: [problem] }]);
      const fields = { title: (v.title ?? '').trim(), summary: (v.summary ?? '').trim() };
      const saved =
        target.kind === 'replace'
          ? await replaceResearchReport(target.report.id, fields, file)
          : await uploadResearchReport(campaignId, { ...fields, deadlineId: target.deadline.id }, file);
      onDone(saved, target.kind === 'replace');
    });
  }

  return (
    <Modal
      title={`${title} · ${orgName}`}
      open={target !== null}
      okText={replacing ? '确认更换' : '确认报送'}
      cancelText="取消"
      okButtonProps={{ id: 'report-upload-ok', loading: busy }}
      onOk={onOk}
      onCancel={() => !busy && onCancel()}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      {target && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96 } }}>
          {target.kind === 'upload' ? (
            <Descriptions.Item label="截止事项">{`${target.deadline.label} · ${target.deadline.dueDate}（${daysLeftText(target.deadline.daysLeft)}）`}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="原文件">{target.report.fileName}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      {replacing && target.report.status === 'returned' && target.report.opinion && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`退回意见：${target.report.opinion}`} />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} data-testid="report-upload-error" />}
      <Form<Values> form={form} name="report" layout="vertical" preserve={false} initialValues={initial} onValuesChange={() => setError(null)}>
        <Form.Item name="title" label="报告标题" rules={[{ required: true, whitespace: true, message: '请填写报告标题' }]}>
          <Input maxLength={100} placeholder="如：关于钟祥市困难职工帮扶情况的调研报告" />
        </Form.Item>
        <Form.Item name="summary" label="内容摘要" rules={[{ required: true, whitespace: true, message: '请填写内容摘要' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder="简要说明调研的对象、发现的问题和建议" />
        </Form.Item>
        <Form.Item
          name="file"
          label={replacing ? '新文件' : '报告文件'}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList?: UploadFile[] } | UploadFile[]) => (Array.isArray(e) ? e : e?.fileList)}
          rules={[{ required: true, type: 'array', min: 1, message: '请选择报告文件' }]}
          extra={`Word（.docx、.doc）、WPS（.wps）或 PDF，不超过 ${REPORT_MAX_BYTES / 1024 / 1024} MB`}
          style={{ marginBottom: 0 }}
        >
          <Upload beforeUpload={() => false} maxCount={1} accept={REPORT_ACCEPT}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
