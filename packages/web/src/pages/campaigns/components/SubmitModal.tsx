// 上报数据 / 重新上报: which deadline, a note, and what happens: the organization's files of the
// campaign year that are 待单位审核, 待市总审核 or 已建档 are frozen as they are now and kept as an
// Excel for the city union to accept or return.
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { DEADLINE_KIND_LABELS } from '@bangfu/core';
import type { Deadline } from '../../../api/campaigns';
import { daysLeftText } from '../campaignText';

export interface SubmitValues {
  note?: string;
}

interface Props {
  open: boolean;
  resubmit: boolean;
  orgName: string;
  year: number;
  /** the files that will be frozen, when known */
  fileCount: number | null;
  deadline: Deadline | null;
  busy: boolean;
  onOk: (v: SubmitValues) => void;
  onCancel: () => void;
}

export function SubmitModal({ open, resubmit, orgName, year, fileCount, deadline, busy, onOk, onCancel }: Props) {
  const [form] = Form.useForm<SubmitValues>();
  const title = resubmit ? '重新上报' : '上报数据';
  return (
    <Modal
      title={`${title} · ${orgName}`}
      open={open}
      okText={`确认${title}`}
      cancelText="取消"
      okButtonProps={{ id: 'submit-ok', loading: busy }}
      onOk={() => form.validateFields().then(onOk, () => undefined)}
      onCancel={() => !busy && onCancel()}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`将冻结本单位 ${year} 年度${fileCount !== null ? ` ${fileCount} 户` : ''}档案`}
        description={`上报时，本单位 ${year} 年度状态为“待单位审核”“待市总审核”“已建档”的档案按当前内容冻结，并留存一份 Excel，报市总工会接收。上报后仍可继续完善档案，之后的修改会在档案上标明“上报后已修改”。`}
      />
      {deadline && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label="截止事项">{`${DEADLINE_KIND_LABELS[deadline.kind]} · ${deadline.label}`}</Descriptions.Item>
          <Descriptions.Item label="截止日期">{`${deadline.dueDate}（${daysLeftText(deadline.daysLeft)}）`}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} name="submit" layout="vertical" preserve={false}>
        <Form.Item name="note" label="上报说明" style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder={resubmit ? '例如：已按退回意见补录 3 户、更正 2 户收入' : '例如：本次上报已建档 120 户，另有 8 户在审核中'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
