// 「办理」 on the detail page: where the file stands in its lifecycle (草稿 → 单位工会审核 →
// 市总工会审核 → 已建档, then 剔除 / 脱困 / 重新纳入) and the actions this user may take now.
// lib/access.ts decides which buttons show; the server decides, and its message is shown.
import { useState, type ReactNode } from 'react';
import { App, Button, Card, Form, Space, Steps, Tooltip, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { AuditOutlined, DeleteOutlined, ExportOutlined, SendOutlined, SmileOutlined, UndoOutlined } from '@ant-design/icons';
import { type Dayjs } from 'dayjs';
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
import { useHouseholdTransfers } from '../../api/queries/transfers';
import { fileActions } from '../../lib/access';
import { notifyReviewsChanged } from '../../lib/events';
import { type OpinionBox } from '../../lib/opinions';
import { useSessionUser } from '../../lib/session';
import { idleText, lifecycleSteps, stepIndex } from './components/lifecycleSteps';
import { ExitDateItem, REOPEN_LEAD, ReasonModal, ReviewModal, exitInitialValues } from './components/LifecycleModals';
import { TransferRequestModal } from '../transfers/components/TransferRequestModal';

/** the fields of the dialogs below, where the server's field errors go */
const FIELD_NAMES = new Set(['opinion', 'reason', 'date']);

type Dialog = 'review-unit' | 'review-city' | 'remove' | 'exit' | 'reopen' | 'transfer';

interface Props {
  file: HouseholdFile;
  boxes: Record<ReviewLevel, OpinionBox | null>;
  onChanged: (f: HouseholdFile) => void;
  regionName?: (code: string) => string;
}

export function HouseholdActions({ file: h, boxes, onChanged, regionName }: Props) {
  const user = useSessionUser();
  const { message } = App.useApp();
  const acts = fileActions(user, { status: h.status, regionCode: h.regionCode, unitId: h.unitId, createdBy: h.createdBy });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [reviewForm] = Form.useForm<{ opinion: string; acknowledged?: boolean }>();
  const [removeForm] = Form.useForm<{ reason: string }>();
  const [exitForm] = Form.useForm<{ reason: string; date: Dayjs }>();
  const [reopenForm] = Form.useForm<{ reason: string }>();
  // a file with a transfer waiting for the other side takes no second one
  const transfers = useHouseholdTransfers(h.id, acts.transfer);
  const pendingTransfer = transfers.data?.items.some((t) => t.status === 'pending') ?? false;

  const who = `${h.workerNo} ${h.name}`;

  /** What a reason dialog (剔除, 脱困, 重新纳入) takes from its action: shown, busy, its form, its button's id. */
  const reasonDialog = (key: 'remove' | 'exit' | 'reopen', form: FormInstance) => ({
    open: dialog === key, okId: `${key}-confirm`, name: key, form, loading: busy === key, busy: !!busy, onCancel: () => setDialog(null),
  });

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
      // 我已核实 is asked of an agreement only
      opinion = (await reviewForm.validateFields(decision === 'agree' ? undefined : ['opinion'])).opinion.trim();
    } catch {
      return;
    }
    await run(decision, reviewForm, () => reviewHousehold(h.id, level, decision, opinion), (f) =>
      decision === 'return' ? `已退回档案 ${f.workerNo}，退回意见已通知填报人` : level === 'unit' ? `已同意，档案 ${f.workerNo} 报市总工会审核` : `已同意，档案 ${f.workerNo} 已建档`,
    );
  }

  /** 剔除 / 脱困 / 重新纳入: the dialog's values checked, then the action. */
  async function confirm<V extends { reason: string }>(key: Dialog, form: FormInstance<V>, call: (v: V) => Promise<HouseholdFile>, done: (f: HouseholdFile) => string) {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(key, form, () => call(v), done);
  }

  const confirmRemove = () => confirm('remove', removeForm, (v) => removeHousehold(h.id, v.reason.trim()), (f) => `档案 ${f.workerNo} 已剔除`);
  const confirmExit = () => confirm('exit', exitForm, (v) => exitHousehold(h.id, v.reason.trim(), v.date.format('YYYY-MM-DD')), (f) => `档案 ${f.workerNo} 已办理脱困`);
  const confirmReopen = () => confirm('reopen', reopenForm, (v) => reopenHousehold(h.id, v.reason.trim()), (f) => `档案 ${f.workerNo} 已重新纳入，现为草稿，修改后请提交审核`);

  const steps = lifecycleSteps(h, boxes);
  const current = stepIndex(h.status);

  const open = (d: Dialog) => () => setDialog(d);
  const buttons: ReactNode[] = [
    acts.submit && (
      <Button key="submit" id="household-submit" type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void submit()}>
        提交审核
      </Button>
    ),
    acts.reviewUnit && (
      <Button key="ru" id="household-review-unit" type="primary" icon={<AuditOutlined />} onClick={open('review-unit')}>
        单位工会审核
      </Button>
    ),
    acts.reviewCity && (
      <Button key="rc" id="household-review-city" type="primary" icon={<AuditOutlined />} onClick={open('review-city')}>
        市总工会审核
      </Button>
    ),
    acts.exit && (
      <Button key="exit" id="household-exit" icon={<SmileOutlined />} onClick={open('exit')}>
        脱困
      </Button>
    ),
    acts.remove && (
      <Button key="remove" id="household-remove" danger icon={<DeleteOutlined />} onClick={open('remove')}>
        剔除
      </Button>
    ),
    acts.reopen && (
      <Button key="reopen" id="household-reopen" icon={<UndoOutlined />} onClick={open('reopen')}>
        重新纳入
      </Button>
    ),
    acts.transfer && (
      <Tooltip key="transfer" title={pendingTransfer ? '已有待办理的转移申请，请等对方处理或撤回后再申请' : undefined}>
        <Button id="household-transfer" icon={<ExportOutlined />} disabled={pendingTransfer} onClick={open('transfer')}>
          转移
        </Button>
      </Tooltip>
    ),
  ].filter(Boolean);

  const idle = idleText(h.status, acts.ownFile);

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

      <ReviewModal
        open={dialog === 'review-unit' || dialog === 'review-city'}
        level={reviewLevel}
        who={who}
        unitOpinion={unitBox}
        file={h}
        regionName={regionName}
        form={reviewForm}
        busy={busy}
        onDecide={(d) => void review(d)}
        onCancel={() => setDialog(null)}
      />
      <ReasonModal {...reasonDialog('remove', removeForm)} title={`剔除档案 ${who}`} okText="确认剔除" danger label="剔除原因" onOk={() => void confirmRemove()}
        lead="剔除后该户不再计入困难职工数据库，档案与版本历史仍会保留；以后可「重新纳入」并重新审核。" placeholder="例如：家庭收入已超过标准，经复核不再符合帮扶条件" />
      <ReasonModal {...reasonDialog('exit', exitForm)} title={`脱困 · ${who}`} okText="确认脱困" label="脱困原因" onOk={() => void confirmExit()} initialValues={exitInitialValues()}
        lead="该户经帮扶已摆脱困难，办理脱困后不再计入困难职工数据库，档案与版本历史仍会保留。" placeholder="例如：配偶实现稳定就业，家庭人均收入已超过低保标准">
        <ExitDateItem fillDate={h.fillDate} />
      </ReasonModal>
      <ReasonModal {...reasonDialog('reopen', reopenForm)} title={`重新纳入 · ${who}`} okText="确认重新纳入" label="重新纳入原因" onOk={() => void confirmReopen()}
        lead={REOPEN_LEAD} placeholder="例如：家庭成员突发重病，再次陷入困难" />
      {acts.transfer && <TransferRequestModal file={h} open={dialog === 'transfer'} onClose={() => setDialog(null)} />}
    </Card>
  );
}
