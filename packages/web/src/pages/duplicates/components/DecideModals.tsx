// The two decisions on a pair: 不是重复 (the reason; later scans leave the pair closed) and 合并
// (which file to keep, what happens to the other, the note). A pair someone decided meanwhile
// closes the dialog and reloads the list.
import { useEffect } from 'react';
import { Alert, App, Form, Grid, Input, Radio, Tag, Typography } from 'antd';
import { DUPLICATE_KIND_SHORT } from '@bangfu/core';
import { dismissDuplicate, mergeDuplicate, type DuplicatePair, type DuplicateSide } from '../../../api/duplicates';
import { isApiError } from '../../../api/request';
import FieldFormModal from '../../../components/FieldFormModal';
import { StatusTag } from '../../../components/Tags';
import { dateText } from '../../../lib/format';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { mergedText, mergeLead, sidePlaceText, sideText } from '../duplicateText';
import { KIND_COLORS } from './PairItem';
import '../../assistance/assistance.css';
import '../duplicates.css';

const REASON_MAX = 200;
const reasonRules = (what: string) => [
  { required: true, whitespace: true, message: `请填写${what}` },
  { min: 2, message: `${what}至少2个字` },
  { max: REASON_MAX, message: `${what}不能超过${REASON_MAX}个字` },
];

interface Props {
  pair: DuplicatePair | null;
  onClose: () => void;
  /** after a decision (or a pair found decided meanwhile: `stale`) */
  onDone: (outcome: { merged?: { keptId: number; removedId: number }; stale?: boolean }) => void;
}

/** The pair in one line above a dialog's form: the rule, what the two share, the two files. */
function PairFacts({ p }: { p: DuplicatePair }) {
  return (
    <div className="dialog-facts" data-testid="duplicate-facts">
      <div>
        <Tag color={KIND_COLORS[p.reason]}>{DUPLICATE_KIND_SHORT[p.reason]}</Tag>
        {p.detail}
      </div>
      <div className="num">
        {sideText(p.a)} · {sideText(p.b)}
      </div>
    </div>
  );
}

function useStale(onClose: () => void, onDone: Props['onDone']) {
  const { message } = App.useApp();
  return (e: unknown) => {
    if (!isApiError(e, 'DUPLICATE_DECIDED')) return false;
    onClose();
    message.warning('这条线索已被他人处理，列表已刷新');
    onDone({ stale: true });
    return true;
  };
}

export function DismissModal({ pair, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: ['reason'] });
  const stale = useStale(onClose, onDone);

  useEffect(() => {
    if (pair) setError(null);
  }, [pair, setError]);

  async function save() {
    if (!pair) return;
    await submit(async (v) => {
      try {
        await dismissDuplicate(pair.id, v.reason.trim());
      } catch (e) {
        if (stale(e)) return;
        throw e;
      }
      onClose();
      message.success(`已标为不是重复：${pair.a.workerNo} 与 ${pair.b.workerNo}，以后查找时不再列出这一对`);
      onDone({});
    });
  }

  return (
    <FieldFormModal
      title="不是重复"
      open={pair !== null}
      busy={busy}
      phone={phone}
      className="duplicate-dismiss-modal"
      okId="duplicate-dismiss-ok"
      okText="确认不是重复"
      onOk={() => void save()}
      onClose={onClose}
    >
      {pair && <PairFacts p={pair} />}
      <p className="dup-lead">核实后确认这两户不是同一家庭：系统记住这一结论和理由，以后再查找时不再列出这一对。</p>
      <Form form={form} name="duplicateDismiss" layout="vertical" preserve={false} size={phone ? 'large' : 'middle'} requiredMark>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="reason" label="理由" rules={reasonRules('不是重复的理由')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder="例如：同一楼内两户邻居，经入户核实不是同一家庭" />
        </Form.Item>
      </Form>
    </FieldFormModal>
  );
}

/** A choice of the file to keep: its number and name, then where it is, its status, when it was filled. */
function KeepOption({ s, which }: { s: DuplicateSide; which: 'a' | 'b' }) {
  return (
    <Radio value={s.householdId} className="dup-keep">
      <span data-testid={`duplicate-keep-${which}`} data-household-id={s.householdId}>
        <span className="dup-keep-title">
          保留 <span className="num">{s.workerNo}</span> {s.name}
        </span>
        <span className="dup-keep-facts">
          {sidePlaceText(s)} · <StatusTag value={s.status} /> · 填表日期 <span className="num">{dateText(s.fillDate)}</span> · {s.householdSize} 人
        </span>
      </span>
    </Radio>
  );
}

export function MergeModal({ pair, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ keepHouseholdId?: number; reason: string }>();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: ['keepHouseholdId', 'reason'] });
  const stale = useStale(onClose, onDone);
  const keepId = Form.useWatch('keepHouseholdId', form);
  const keep = pair && keepId !== undefined ? (keepId === pair.a.householdId ? pair.a : keepId === pair.b.householdId ? pair.b : null) : null;
  const gone = pair && keep ? (keep === pair.a ? pair.b : pair.a) : null;

  useEffect(() => {
    if (pair) setError(null);
  }, [pair, setError]);

  async function save() {
    if (!pair) return;
    await submit(async (v) => {
      let r;
      try {
        r = await mergeDuplicate(pair.id, v.keepHouseholdId!, v.reason.trim());
      } catch (e) {
        if (stale(e)) return;
        throw e;
      }
      onClose();
      message.success({ content: mergedText(r), duration: 6 });
      onDone({ merged: { keptId: r.kept.householdId, removedId: r.removed.householdId } });
    });
  }

  return (
    <FieldFormModal
      title="合并重复档案"
      open={pair !== null}
      busy={busy}
      phone={phone}
      className="duplicate-merge-modal"
      okId="duplicate-merge-ok"
      okText="确认合并"
      onOk={() => void save()}
      onClose={onClose}
    >
      {pair && <PairFacts p={pair} />}
      <Form form={form} name="duplicateMerge" layout="vertical" preserve={false} size={phone ? 'large' : 'middle'} requiredMark>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="keepHouseholdId" label="保留哪一户的档案" rules={[{ required: true, message: '请选择保留哪一户的档案' }]} extra="一般保留已建档、信息较完整的一户。">
          <Radio.Group className="dup-keep-group">
            {pair && <KeepOption s={pair.a} which="a" />}
            {pair && <KeepOption s={pair.b} which="b" />}
          </Radio.Group>
        </Form.Item>
        <Alert
          type="warning"
          showIcon
          className="dup-merge-lead"
          data-testid="duplicate-merge-lead"
          message={
            keep && gone
              ? mergeLead(keep, gone)
              : '未保留的一户将改为“已剔除”（重复建档），其帮扶记录、脱困回访、帮扶计划、定点联系、帮扶责任人全部转到保留的档案上。'
          }
          description={<Typography.Text type="secondary">合并在一次操作中完成，不能撤销；被并入的档案仍可打开查看，其版本历史也列在保留档案的版本历史中。</Typography.Text>}
          style={{ marginBottom: 16 }}
        />
        <Form.Item name="reason" label="合并说明" rules={reasonRules('合并说明')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder="例如：经核实为同一家庭，两个单位各建了一份档案" />
        </Form.Item>
      </Form>
    </FieldFormModal>
  );
}
