// 「办理」 on the detail page: where the file stands in its lifecycle (草稿 → 单位工会审核 →
// 市总工会审核 → 已建档, then 剔除 / 脱困 / 重新纳入) and the actions this user may take now.
// lib/access.ts decides which buttons show; the server decides, and its message is shown.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Space, Steps, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { AuditOutlined, CheckOutlined, DeleteOutlined, RollbackOutlined, SendOutlined, SmileOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInChina } from '@bangfu/core';
import {
  exitHousehold,
  removeHousehold,
  reopenHousehold,
  reviewHousehold,
  submitHousehold,
  type HouseholdFile,
  type ReviewDecision,
  type ReviewLevel,
} from '../../api/households';
import { errorMessage, isApiError } from '../../api/request';
import { fileActions } from '../../lib/access';
import { notifyReviewsChanged } from '../../lib/events';
import { dateTimeText } from '../../lib/format';
import { DECISION_LABELS, LEVEL_LABELS, QUICK_OPINIONS, type OpinionBox } from '../../lib/opinions';
import { useSessionUser } from '../../lib/session';

const REASON_MAX = 500;
const OPINION_MAX = 1000;

/** the fields of the dialogs below, where the server's field errors go */
const FIELD_NAMES = new Set(['opinion', 'reason', 'date']);

type Dialog = 'review-unit' | 'review-city' | 'remove' | 'exit' | 'reopen';

interface Props {
  file: HouseholdFile;
  boxes: Record<ReviewLevel, OpinionBox | null>;
  onChanged: (f: HouseholdFile) => void;
}

function stepIndex(status: HouseholdFile['status']): number {
  switch (status) {
    case 'draft':
      return 0;
    case 'submitted':
      return 1;
    case 'unitApproved':
      return 2;
    case 'filed':
      return 3;
    default:
      return 4;
  }
}

function opinionLine(box: OpinionBox | null): ReactNode {
  if (!box || !box.current) return null;
  const o = box.opinion;
  return (
    <span>
      {DECISION_LABELS[o.decision]} · {o.authorName}
      <br />
      {dateTimeText(o.at)}
    </span>
  );
}

export function HouseholdActions({ file: h, boxes, onChanged }: Props) {
  const user = useSessionUser();
  const { message } = App.useApp();
  const acts = fileActions(user, { status: h.status, regionCode: h.regionCode, unitId: h.unitId, createdBy: h.createdBy });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [reviewForm] = Form.useForm<{ opinion: string }>();
  const [removeForm] = Form.useForm<{ reason: string }>();
  const [exitForm] = Form.useForm<{ reason: string; date: Dayjs }>();
  const [reopenForm] = Form.useForm<{ reason: string }>();

  const who = `${h.workerNo} ${h.name}`;

  /** Runs one action; field errors go beside their field, anything else into a message. */
  async function run(key: string, form: FormInstance | null, fn: () => Promise<HouseholdFile>, done: (f: HouseholdFile) => string) {
    if (busy) return;
    setBusy(key);
    try {
      const updated = await fn();
      onChanged(updated);
      setDialog(null);
      form?.resetFields();
      message.success(done(updated));
      notifyReviewsChanged();
    } catch (e) {
      if (form && isApiError(e) && e.fieldErrors.length) {
        const placed = e.fieldErrors.filter((f) => FIELD_NAMES.has(f.path));
        if (placed.length) form.setFields(placed.map((f) => ({ name: f.path, errors: [f.message] })));
        else message.error(e.message);
      } else message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const submit = () => run('submit', null, () => submitHousehold(h.id), (f) => `档案 ${f.workerNo} 已提交审核，等待单位工会审核`);

  async function review(decision: ReviewDecision) {
    const level: ReviewLevel = dialog === 'review-city' ? 'city' : 'unit';
    let opinion: string;
    try {
      opinion = (await reviewForm.validateFields()).opinion.trim();
    } catch {
      return;
    }
    await run(decision, reviewForm, () => reviewHousehold(h.id, level, decision, opinion), (f) =>
      decision === 'return' ? `已退回档案 ${f.workerNo}，退回意见已通知填报人` : level === 'unit' ? `已同意，档案 ${f.workerNo} 报市总工会审核` : `已同意，档案 ${f.workerNo} 已建档`,
    );
  }

  async function confirmRemove() {
    let reason: string;
    try {
      reason = (await removeForm.validateFields()).reason.trim();
    } catch {
      return;
    }
    await run('remove', removeForm, () => removeHousehold(h.id, reason), (f) => `档案 ${f.workerNo} 已剔除`);
  }

  async function confirmExit() {
    let v: { reason: string; date: Dayjs };
    try {
      v = await exitForm.validateFields();
    } catch {
      return;
    }
    await run('exit', exitForm, () => exitHousehold(h.id, v.reason.trim(), v.date.format('YYYY-MM-DD')), (f) => `档案 ${f.workerNo} 已办理脱困`);
  }

  async function confirmReopen() {
    let reason: string;
    try {
      reason = (await reopenForm.validateFields()).reason.trim();
    } catch {
      return;
    }
    await run('reopen', reopenForm, () => reopenHousehold(h.id, reason), (f) => `档案 ${f.workerNo} 已重新纳入，现为草稿，修改后请提交审核`);
  }

  const closed = h.status === 'removed' || h.status === 'exited';
  const current = stepIndex(h.status);
  const steps = [
    { title: '填报', description: h.status === 'draft' && h.returnReason ? <Typography.Text type="warning">已被退回，待修改</Typography.Text> : '填报单位提交' },
    { title: '单位工会审核', description: opinionLine(boxes.unit) },
    { title: '市总工会审核', description: opinionLine(boxes.city) },
    { title: '已建档' },
    ...(closed ? [{ title: h.status === 'exited' ? '已脱困' : '已剔除' }] : []),
  ];

  const buttons: ReactNode[] = [];
  if (acts.submit)
    buttons.push(
      <Button key="submit" id="household-submit" type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void submit()}>
        提交审核
      </Button>,
    );
  if (acts.reviewUnit)
    buttons.push(
      <Button key="ru" id="household-review-unit" type="primary" icon={<AuditOutlined />} onClick={() => setDialog('review-unit')}>
        单位工会审核
      </Button>,
    );
  if (acts.reviewCity)
    buttons.push(
      <Button key="rc" id="household-review-city" type="primary" icon={<AuditOutlined />} onClick={() => setDialog('review-city')}>
        市总工会审核
      </Button>,
    );
  if (acts.exit)
    buttons.push(
      <Button key="exit" id="household-exit" icon={<SmileOutlined />} onClick={() => setDialog('exit')}>
        脱困
      </Button>,
    );
  if (acts.remove)
    buttons.push(
      <Button key="remove" id="household-remove" danger icon={<DeleteOutlined />} onClick={() => setDialog('remove')}>
        剔除
      </Button>,
    );
  if (acts.reopen)
    buttons.push(
      <Button key="reopen" id="household-reopen" icon={<UndoOutlined />} onClick={() => setDialog('reopen')}>
        重新纳入
      </Button>,
    );

  const idle = acts.ownFile
    ? '您是该档案的填报人，不能审核自己填报的档案，请由其他审核人员办理。'
    : h.status === 'draft'
      ? '草稿，等待填报单位修改后提交审核。'
      : h.status === 'submitted'
        ? '等待职工所在单位工会（或县区工会）审核。'
        : h.status === 'unitApproved'
          ? '等待市总工会审核。'
          : h.status === 'filed'
            ? '已建档，纳入困难职工数据库。'
            : h.status === 'exited'
              ? '该户已脱困。'
              : '该档案已剔除。';

  const reviewLevel: ReviewLevel = dialog === 'review-city' ? 'city' : 'unit';
  const unitBox = boxes.unit?.current ? boxes.unit.opinion : null;

  return (
    <Card className="actions-card no-print" variant="borderless" size="small" title="办理" id="household-actions">
      <div className="actions-body">
        <Steps
          size="small"
          className="actions-steps"
          current={Math.min(current, steps.length - 1)}
          status={current >= 3 ? 'finish' : 'process'}
          items={steps}
        />
        <div className="actions-bar">
          {buttons.length ? (
            <Space wrap>{buttons}</Space>
          ) : (
            <Typography.Text type="secondary" data-testid="household-actions-idle">
              {idle}
            </Typography.Text>
          )}
          {buttons.length > 0 && acts.ownFile && <Typography.Text type="secondary">{idle}</Typography.Text>}
        </div>
      </div>

      <Modal
        title={`${reviewLevel === 'unit' ? '单位工会审核' : '市总工会审核'} · ${who}`}
        open={dialog === 'review-unit' || dialog === 'review-city'}
        onCancel={() => !busy && setDialog(null)}
        destroyOnHidden
        width={600}
        footer={[
          <Button key="cancel" onClick={() => setDialog(null)} disabled={!!busy}>
            取消
          </Button>,
          <Button key="return" id="review-return" danger icon={<RollbackOutlined />} loading={busy === 'return'} disabled={busy === 'agree'} onClick={() => void review('return')}>
            退回
          </Button>,
          <Button key="agree" id="review-agree" type="primary" icon={<CheckOutlined />} loading={busy === 'agree'} disabled={busy === 'return'} onClick={() => void review('agree')}>
            同意
          </Button>,
        ]}
      >
        <p className="modal-lead">
          {reviewLevel === 'unit'
            ? '作为职工所在单位工会签署意见：同意则报市总工会审核；退回则档案回到草稿，由填报人修改后重新提交。'
            : '作为市总工会签署意见：同意则档案建档，纳入困难职工数据库；退回则档案回到草稿，由填报人修改后重新提交。'}
        </p>
        {reviewLevel === 'city' && unitBox && (
          <Alert
            type={unitBox.decision === 'agree' ? 'success' : 'warning'}
            style={{ marginBottom: 12 }}
            message={`${LEVEL_LABELS.unit}：${DECISION_LABELS[unitBox.decision]}`}
            description={`${unitBox.opinion}（${unitBox.authorName}，${unitBox.orgName}，${dateTimeText(unitBox.at)}）`}
          />
        )}
        <Form form={reviewForm} name="review" layout="vertical" preserve={false}>
          <Form.Item name="opinion" label="审核意见" rules={[{ required: true, whitespace: true, message: '请填写审核意见（退回时请写明原因）' }]} style={{ marginBottom: 8 }}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={OPINION_MAX} showCount placeholder="同意时写明核实情况；退回时写明需要修改或补充的内容" autoFocus />
          </Form.Item>
        </Form>
        <div className="quick-opinions">
          <Typography.Text type="secondary">常用意见：</Typography.Text>
          {[...QUICK_OPINIONS[reviewLevel].agree, ...QUICK_OPINIONS[reviewLevel].return].map((t) => (
            <Tag key={t} className="quick-opinion" onClick={() => reviewForm.setFieldsValue({ opinion: t })}>
              {t}
            </Tag>
          ))}
        </div>
      </Modal>

      <Modal
        title={`剔除档案 ${who}`}
        open={dialog === 'remove'}
        okText="确认剔除"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: busy === 'remove', id: 'remove-confirm' }}
        onOk={confirmRemove}
        onCancel={() => !busy && setDialog(null)}
        destroyOnHidden
      >
        <p>剔除后该户不再计入困难职工数据库，档案与版本历史仍会保留；以后可「重新纳入」并重新审核。</p>
        <Form form={removeForm} name="remove" layout="vertical" preserve={false}>
          <Form.Item name="reason" label="剔除原因" rules={[{ required: true, whitespace: true, message: '请填写剔除原因' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder="例如：家庭收入已超过标准，经复核不再符合帮扶条件" autoFocus />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`脱困 · ${who}`}
        open={dialog === 'exit'}
        okText="确认脱困"
        cancelText="取消"
        okButtonProps={{ loading: busy === 'exit', id: 'exit-confirm' }}
        onOk={confirmExit}
        onCancel={() => !busy && setDialog(null)}
        destroyOnHidden
      >
        <p>该户经帮扶已摆脱困难，办理脱困后不再计入困难职工数据库，档案与版本历史仍会保留。</p>
        <Form form={exitForm} name="exit" layout="vertical" preserve={false} initialValues={{ date: dayjs(todayInChina(), 'YYYY-MM-DD') }}>
          <Form.Item name="reason" label="脱困原因" rules={[{ required: true, whitespace: true, message: '请填写脱困原因' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder="例如：配偶实现稳定就业，家庭人均收入已超过低保标准" autoFocus />
          </Form.Item>
          <Form.Item name="date" label="脱困日期" rules={[{ required: true, message: '请选择脱困日期' }]}>
            <DatePicker
              format="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              style={{ width: 200 }}
              disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina() || (!!h.fillDate && d.format('YYYY-MM-DD') < h.fillDate)}
            />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`重新纳入 · ${who}`}
        open={dialog === 'reopen'}
        okText="确认重新纳入"
        cancelText="取消"
        okButtonProps={{ loading: busy === 'reopen', id: 'reopen-confirm' }}
        onOk={confirmReopen}
        onCancel={() => !busy && setDialog(null)}
        destroyOnHidden
      >
        <p>重新纳入后档案回到草稿，需按实际情况修改后重新提交，经单位工会和市总工会审核后建档。</p>
        <Form form={reopenForm} name="reopen" layout="vertical" preserve={false}>
          <Form.Item name="reason" label="重新纳入原因" rules={[{ required: true, whitespace: true, message: '请填写重新纳入原因' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder="例如：家庭成员突发重病，再次陷入困难" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
