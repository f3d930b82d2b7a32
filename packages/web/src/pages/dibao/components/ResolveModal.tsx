// 核实处理 of one finding: 情况说明 (the file stays as it is, the reason says why: e.g. the list is
// late, the family moved) or 已更正档案 (the file was edited to agree with the list, which the server
// checks: 409 DIBAO_NOT_CORRECTED says what is still to change, under the choice, with 修改档案). A finding resolved
// meanwhile closes the dialog and reloads the list.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Form, Grid, Input, Modal, Radio, Tag } from 'antd';
import { DIBAO_FINDING_SHORT } from '@bangfu/core';
import { resolveDibaoFinding, type DibaoFinding, type DibaoResolution } from '../../../api/dibao';
import { isApiError } from '../../../api/request';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { correctionHint, KIND_COLORS, listedPersonText, RESOLUTION_LABELS } from '../dibaoText';
import '../../assistance/assistance.css';

const REASON_MAX = 200;
const FIELDS = ['resolution', 'reason'] as const;

interface Values {
  resolution?: DibaoResolution;
  reason: string;
}

interface Props {
  finding: DibaoFinding | null;
  /** the page to come back to from the file's edit page */
  from: string;
  onClose: () => void;
  /** after a resolution, or a finding found resolved meanwhile */
  onDone: (f: DibaoFinding) => void;
}

const REASON_LABELS: Record<DibaoResolution, { label: string; placeholder: string }> = {
  explained: { label: '情况说明', placeholder: '例如：经入户核实，该户本月起已停发低保，民政名单尚未更新' },
  corrected: { label: '更正情况', placeholder: '例如：已将“是否享受低保”改为“是”，档案已重新提交审核' },
};

export function ResolveModal({ finding: f, from, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: FIELDS });
  const resolution = Form.useWatch('resolution', form);
  // the server's refusal of 已更正档案 (what is still to change), else the page's own warning
  const [refused, setRefused] = useState<string | null>(null);
  const notice = refused ?? (f ? correctionHint(f, resolution) : null);
  const words = REASON_LABELS[resolution ?? 'explained'];

  useEffect(() => {
    if (f) setError(null);
  }, [f, setError]);
  useEffect(() => setRefused(null), [f, resolution]);

  async function save() {
    if (!f) return;
    await submit(async (v) => {
      try {
        const done = await resolveDibaoFinding(f.id, v.resolution!, v.reason.trim());
        onClose();
        message.success(`已处理：${f.household.workerNo} ${f.household.name}（${RESOLUTION_LABELS[v.resolution!]}）`);
        onDone(done);
      } catch (e) {
        if (isApiError(e, 'DIBAO_NOT_CORRECTED')) {
          setRefused(e.message);
          return;
        }
        if (isApiError(e, 'DIBAO_FINDING_DECIDED')) {
          onClose();
          message.warning('这条核对结果已被他人处理，列表已刷新');
          onDone(f);
          return;
        }
        throw e;
      }
    });
  }

  const size = phone ? 'large' : 'middle';
  return (
    <Modal
      title="核实处理"
      open={f !== null}
      onCancel={() => !busy && onClose()}
      destroyOnHidden
      width={phone ? '100%' : 560}
      style={phone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      className={phone ? 'dibao-resolve-modal assistance-modal-phone' : 'dibao-resolve-modal'}
      wrapProps={{ 'data-testid': 'dibao-resolve-dialog' }}
      footer={
        <div className="assistance-modal-footer">
          <Button size={size} onClick={onClose} disabled={busy} block={phone}>
            取消
          </Button>
          <Button size={size} id="dibao-resolve-ok" data-testid="dibao-resolve-ok" type="primary" loading={busy} onClick={() => void save()} block={phone}>
            确认
          </Button>
        </div>
      }
    >
      {f && (
        <div className="dialog-facts" data-testid="dibao-resolve-facts">
          <div>
            <Tag color={KIND_COLORS[f.kind]}>{DIBAO_FINDING_SHORT[f.kind]}</Tag>
            <span className="num">{f.household.workerNo}</span> {f.household.name}
          </div>
          <div>{f.detail}</div>
          {f.listed.length > 0 && <div className="dibao-facts-listed">名单上：{f.listed.map(listedPersonText).join('；')}</div>}
        </div>
      )}
      <Form form={form} name="dibaoResolve" layout="vertical" preserve={false} size={size} requiredMark>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="resolution" label="处理方式" rules={[{ required: true, message: '请选择处理方式' }]}>
          <Radio.Group className="dibao-resolution">
            <Radio value="explained" data-testid="dibao-resolution-explained">
              情况说明<span className="dibao-resolution-note">档案无误，说明与名单不一致的原因</span>
            </Radio>
            <Radio value="corrected" data-testid="dibao-resolution-corrected">
              已更正档案<span className="dibao-resolution-note">已按名单修改档案（修改后经审核）</span>
            </Radio>
          </Radio.Group>
        </Form.Item>
        {notice && f && (
          <Alert
            type={refused ? 'error' : 'warning'}
            showIcon
            className="dibao-correction-hint"
            data-testid={refused ? 'dibao-not-corrected' : 'dibao-correction-hint'}
            message={notice}
            action={
              f.canResolve && (
                <Link to={`/households/${f.household.id}/edit`} state={{ from }}>
                  修改档案
                </Link>
              )
            }
          />
        )}
        <Form.Item
          name="reason"
          label={words.label}
          rules={[
            { required: true, whitespace: true, message: `请填写${words.label}` },
            { min: 2, message: `${words.label}至少2个字` },
            { max: REASON_MAX, message: `${words.label}不能超过${REASON_MAX}个字` },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder={words.placeholder} data-testid="dibao-resolve-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
