// 记录回访: one form, used in 脱困回访, on the file's page and in 我的帮扶对象. Like 记录帮扶 it is made
// for a cadre at the door with a phone; it reads the household's schedule to say which visit this
// is and to keep the date between the exit and today. A 返困 says beforehand what will follow.
import { Alert, App, DatePicker, Form, Grid, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { FOLLOW_UP_OUTCOME_LABELS, FOLLOW_UP_OUTCOMES, todayInChina, type FollowUpOutcome } from '@bangfu/core';
import { recordFollowUp, type FollowUpCreated } from '../../../api/followUps';
import { useFollowUpRecorded, useHouseholdFollowUps } from '../../../api/queries/followUps';
import FieldFormModal from '../../../components/FieldFormModal';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { fallenBackNotice, nextVisitNotice, recordedText } from '../followUpText';
import '../../assistance/assistance.css';

const FIELDS = ['date', 'outcome', 'note'];

interface Values {
  date: Dayjs;
  outcome: FollowUpOutcome;
  note: string;
}

export interface FollowUpTarget {
  id: number;
  workerNo: string;
  name: string;
}

interface Props {
  household: FollowUpTarget | null;
  /** a 返困 this user records reopens the file (they file it) */
  reopens: boolean;
  /** after a reopening, offer to open the file (not on the file's own page) */
  offerFile?: boolean;
  onClose: () => void;
  onSaved?: (r: FollowUpCreated) => void;
}

export function FollowUpModal({ household, reopens, offerFile = true, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().sm;
  const schedule = useHouseholdFollowUps(household?.id ?? 0, household !== null).data;
  const recorded = useFollowUpRecorded();
  const { busy, error: unplaced, submit } = useFormSubmit(form, { fields: FIELDS });
  const outcome = Form.useWatch('outcome', form);
  const exitDate = schedule?.exitDate ?? null;
  const today = todayInChina();

  async function save() {
    if (!household) return;
    await submit(async (v) => {
      const r = await recordFollowUp(household.id, { date: v.date.format('YYYY-MM-DD'), outcome: v.outcome, note: v.note.trim() });
      recorded(household.id);
      onSaved?.(r);
      onClose();
      const text = recordedText(household.name, r.record.outcome, r.status);
      if (r.status !== 'draft') message.success(text);
      else if (!offerFile) message.warning(text);
      else
        modal.confirm({
          title: '档案已重新纳入',
          content: text,
          okText: '前往档案',
          cancelText: '稍后处理',
          okButtonProps: { id: 'follow-up-open-file' },
          onOk: () => navigate(`/households/${household.id}`),
        });
    });
  }

  const notice = schedule?.exitDate ? nextVisitNotice(schedule) : null;
  const size = phone ? 'large' : 'middle';
  return (
    <FieldFormModal
      title={household ? `记录回访 · ${household.workerNo} ${household.name}` : '记录回访'}
      open={household !== null}
      busy={busy}
      phone={phone}
      className="follow-up-modal"
      okId="follow-up-ok"
      okText="保存回访"
      onOk={() => void save()}
      onClose={onClose}
    >
      {exitDate && (
        <Alert
          type={schedule?.overdue ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="follow-up-modal-schedule"
          message={`脱困日期 ${exitDate}${notice ? `，${notice}` : ''}`}
        />
      )}
      <Form<Values>
        form={form}
        name="followUp"
        layout="vertical"
        preserve={false}
        size={size}
        requiredMark
        initialValues={{ date: dayjs(today, 'YYYY-MM-DD'), outcome: 'stable' }}
      >
        {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 12 }} />}
        <Form.Item name="date" label="回访日期" rules={[{ required: true, message: '请选择回访日期' }]}>
          <DatePicker
            format="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(d) => {
              const day = d.format('YYYY-MM-DD');
              return day > today || (!!exitDate && day < exitDate);
            }}
          />
        </Form.Item>
        <Form.Item name="outcome" label="回访结论" rules={[{ required: true, message: '请选择回访结论' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: FOLLOW_UP_OUTCOME_LABELS[o] }))} />
        </Form.Item>
        {outcome === 'fallenBack' && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="follow-up-fallen-back-notice" message={fallenBackNotice(reopens)} />
        )}
        <Form.Item
          name="note"
          label="回访情况"
          rules={[{ required: true, whitespace: true, message: '请填写回访情况' }, { min: 2, message: '请填写回访情况（至少2个字）' }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={400}
            showCount
            placeholder={outcome === 'fallenBack' ? '例如：所在企业停产，本人再次失业，家庭收入明显下降' : '例如：本人在物流公司稳定就业，家庭收入稳定，生活正常'}
          />
        </Form.Item>
      </Form>
    </FieldFormModal>
  );
}
