// The dialogs of 「办理」: the review with its opinion (同意 / 退回), and the three that take a
// reason (剔除, 脱困 with its date, 重新纳入).
import type { ReactNode } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInChina } from '@bangfu/core';
import type { HouseholdFile, ReviewDecision, ReviewLevel, ReviewOpinion } from '../../../api/households';
import { dateTimeText } from '../../../lib/format';
import { DECISION_LABELS, LEVEL_LABELS, QUICK_OPINIONS } from '../../../lib/opinions';
import { ReviewFacts } from './ReviewFacts';

const REASON_MAX = 500;
const OPINION_MAX = 1000;

interface ReviewProps {
  open: boolean;
  level: ReviewLevel;
  who: string;
  /** the unit's opinion of this round, shown to the city */
  unitOpinion: ReviewOpinion | null;
  /** what the reviewer decides on: the stored identification and the data warnings */
  file: Pick<HouseholdFile, 'identification' | 'warnings'>;
  regionName?: (code: string) => string;
  form: FormInstance<{ opinion: string; acknowledged?: boolean }>;
  busy: string | null;
  onDecide: (d: ReviewDecision) => void;
  onCancel: () => void;
}

export function ReviewModal({ open, level, who, unitOpinion, file, regionName, form, busy, onDecide, onCancel }: ReviewProps) {
  return (
    <Modal
      title={`${level === 'unit' ? '单位工会审核' : '市总工会审核'} · ${who}`}
      open={open}
      onCancel={() => !busy && onCancel()}
      destroyOnHidden
      width={600}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={!!busy}>
          取消
        </Button>,
        <Button key="return" id="review-return" danger icon={<RollbackOutlined />} loading={busy === 'return'} disabled={busy === 'agree'} onClick={() => onDecide('return')}>
          退回
        </Button>,
        <Button key="agree" id="review-agree" type="primary" icon={<CheckOutlined />} loading={busy === 'agree'} disabled={busy === 'return'} onClick={() => onDecide('agree')}>
          同意
        </Button>,
      ]}
    >
      <p className="modal-lead">
        {level === 'unit'
          ? '作为职工所在单位工会签署意见：同意则报市总工会审核；退回则档案回到草稿，由填报人修改后重新提交。'
          : '作为市总工会签署意见：同意则档案建档，纳入困难职工数据库；退回则档案回到草稿，由填报人修改后重新提交。'}
      </p>
      {level === 'city' && unitOpinion && (
        <Alert
          type={unitOpinion.decision === 'agree' ? 'success' : 'warning'}
          style={{ marginBottom: 12 }}
          message={`${LEVEL_LABELS.unit}：${DECISION_LABELS[unitOpinion.decision]}`}
          description={`${unitOpinion.opinion}（${unitOpinion.authorName}，${unitOpinion.orgName}，${dateTimeText(unitOpinion.at)}）`}
        />
      )}
      <Form form={form} name="review" layout="vertical" preserve={false}>
        <ReviewFacts file={file} regionName={regionName} />
        <Form.Item name="opinion" label="审核意见" rules={[{ required: true, whitespace: true, message: '请填写审核意见（退回时请写明原因）' }]} style={{ margin: '12px 0 8px' }}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={OPINION_MAX} showCount placeholder="同意时写明核实情况；退回时写明需要修改或补充的内容" autoFocus />
        </Form.Item>
      </Form>
      <div className="quick-opinions">
        <Typography.Text type="secondary">常用意见：</Typography.Text>
        {[...QUICK_OPINIONS[level].agree, ...QUICK_OPINIONS[level].return].map((t) => (
          <Tag key={t} className="quick-opinion" onClick={() => form.setFieldsValue({ opinion: t })}>
            {t}
          </Tag>
        ))}
      </div>
    </Modal>
  );
}

interface ReasonProps {
  open: boolean;
  title: string;
  okText: string;
  okId: string;
  danger?: boolean;
  loading: boolean;
  busy: boolean;
  lead: string;
  form: FormInstance;
  name: string;
  label: string;
  placeholder: string;
  onOk: () => void;
  onCancel: () => void;
  initialValues?: Record<string, unknown>;
  children?: ReactNode;
}

/** 剔除 / 脱困 / 重新纳入: what it means, the reason (and for 脱困 its date). */
export function ReasonModal({ open, title, okText, okId, danger, loading, busy, lead, form, name, label, placeholder, onOk, onCancel, initialValues, children }: ReasonProps) {
  return (
    <Modal title={title} open={open} okText={okText} cancelText="取消" okButtonProps={{ danger, loading, id: okId }} onOk={onOk} onCancel={() => !busy && onCancel()} destroyOnHidden>
      <p>{lead}</p>
      <Form form={form} name={name} layout="vertical" preserve={false} initialValues={initialValues}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder={placeholder} autoFocus />
        </Form.Item>
        {children}
      </Form>
    </Modal>
  );
}

/** 脱困日期: not in the future, not before the file was filled in. */
export function ExitDateItem({ fillDate }: { fillDate: string | null | undefined }) {
  return (
    <Form.Item name="date" label="脱困日期" rules={[{ required: true, message: '请选择脱困日期' }]}>
      <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: 200 }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina() || (!!fillDate && d.format('YYYY-MM-DD') < fillDate)} />
    </Form.Item>
  );
}

/** What 重新纳入 means, said by its dialog on 「办理」 and after a 返困 on 脱困回访. */
export const REOPEN_LEAD = '重新纳入后档案回到草稿，需按实际情况修改后重新提交，经单位工会和市总工会审核后建档。';

export const exitInitialValues = (): { date: Dayjs } => ({ date: dayjs(todayInChina(), 'YYYY-MM-DD') });
