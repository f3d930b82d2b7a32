// 接收 / 退回 (the city union) of a submission or of a 调研报告: what is decided on, and an opinion,
// required to return.
import type { ReactNode } from 'react';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import type { ResearchReport, Submission, SubmissionDecision } from '../../../api/campaigns';
import { dateTimeText } from '../../../lib/format';
import { fileSizeText, replacedText } from '../researchReports';

interface DialogProps {
  open: boolean;
  /** 上报 / 调研报告: the dialog's title is 接收… / 退回… */
  what: string;
  details: { label: string; value: ReactNode }[];
  decision: SubmissionDecision;
  busy: boolean;
  /** the form's name (its fields' ids: `<name>_opinion`) and the OK button's id */
  formName: string;
  okId: string;
  returnHint: string;
  placeholder: { accept: string; return: string };
  onOk: (opinion: string) => void;
  onCancel: () => void;
}

function DecisionDialog({ open, what, details, decision, busy, formName, okId, returnHint, placeholder, onOk, onCancel }: DialogProps) {
  const [form] = Form.useForm<{ opinion: string }>();
  const back = decision === 'return';
  return (
    <Modal
      title={back ? `退回${what}` : `接收${what}`}
      open={open}
      okText={back ? '退回' : '接收'}
      okButtonProps={{ id: okId, danger: back, loading: busy }}
      cancelText="取消"
      onOk={() => form.validateFields().then((v) => onOk((v.opinion ?? '').trim()), () => undefined)}
      onCancel={() => !busy && onCancel()}
      destroyOnHidden
    >
      {open && details.length > 0 && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96 } }}>
          {details.map((d) => (
            <Descriptions.Item key={d.label} label={d.label}>
              {d.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {back && <Alert type="warning" showIcon message={returnHint} style={{ marginBottom: 12 }} />}
      <Form form={form} name={formName} layout="vertical" preserve={false}>
        <Form.Item
          name="opinion"
          label={back ? '退回意见' : '接收意见（可不填）'}
          rules={back ? [{ required: true, whitespace: true, message: '请填写退回意见' }] : []}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder={back ? placeholder.return : placeholder.accept} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Props {
  submission: Submission | null;
  decision: SubmissionDecision;
  busy: boolean;
  onOk: (opinion: string) => void;
  onCancel: () => void;
}

/** 接收 / 退回 a submission (各单位上报). */
export function DecisionModal({ submission, decision, busy, onOk, onCancel }: Props) {
  const s = submission;
  const details = s
    ? [
        { label: '单位', value: s.orgName },
        { label: '截止事项', value: `${s.deadlineLabel}（第 ${s.round} 次上报）` },
        { label: '上报时间', value: `${dateTimeText(s.submittedAt)}${s.onTime ? '（按时）' : '（逾期）'}` },
        { label: '档案数', value: `${s.fileCount} 户` },
        ...(s.note ? [{ label: '上报说明', value: s.note }] : []),
      ]
    : [];
  return (
    <DecisionDialog
      open={s !== null}
      what="上报"
      details={details}
      decision={decision}
      busy={busy}
      formName="decision"
      okId="decision-ok"
      returnHint="退回后，该单位需按意见修改后重新上报"
      placeholder={{ accept: '例如：数据完整，予以接收', return: '例如：京山市总部分档案家庭收入缺失，请补充后重新上报' }}
      onOk={onOk}
      onCancel={onCancel}
    />
  );
}

interface ReportProps {
  report: ResearchReport | null;
  decision: SubmissionDecision;
  busy: boolean;
  onOk: (opinion: string) => void;
  onCancel: () => void;
}

/** 接收 / 退回 a 调研报告. */
export function ReportDecisionModal({ report, decision, busy, onOk, onCancel }: ReportProps) {
  const r = report;
  const replaced = r ? replacedText(r.replaced) : null;
  const details = r
    ? [
        { label: '单位', value: r.orgName },
        { label: '报告标题', value: r.title },
        { label: '文件', value: `${r.fileName}（${fileSizeText(r.fileSize)}）` },
        { label: '报送时间', value: `${dateTimeText(r.submittedAt)}${r.onTime ? '（按时）' : '（逾期）'}${replaced ? `，${replaced}` : ''}` },
      ]
    : [];
  return (
    <DecisionDialog
      open={r !== null}
      what="调研报告"
      details={details}
      decision={decision}
      busy={busy}
      formName="reportDecision"
      okId="report-decision-ok"
      returnHint="退回后，该单位需按意见修改后更换报告"
      placeholder={{ accept: '例如：内容翔实，予以接收', return: '例如：缺少困难职工家庭收入变化的分析，请补充后更换报告' }}
      onOk={onOk}
      onCancel={onCancel}
    />
  );
}
