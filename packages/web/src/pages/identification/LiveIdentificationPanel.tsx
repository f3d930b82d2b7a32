// The form's 识别结果: core's identify() on the values as typed, 200 ms after the last keystroke,
// with the line of the form's region and fill-date year from GET /api/policy (read once).
import { useMemo } from 'react';
import { useDebounced } from '../../lib/useDebounced';
import { Alert, Button, Card, Form, Skeleton } from 'antd';
import type { FormInstance } from 'antd/es/form';
import { Link } from 'react-router';
import { usePolicy } from '../../api/queries/policy';
import { errorMessage } from '../../api/request';
import { identifyFormValues, outcomeText } from '../../lib/identification';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import type { HouseholdFormValues } from '../households/formModel';
import { IdentificationView, IncompletePanel } from './IdentificationPanel';
import { can } from '../../lib/access';

export const IDENTIFY_DEBOUNCE_MS = 200;


/** core's identify() on the form as typed (debounced), with the policy it used. */
export function useLiveIdentification(form: FormInstance) {
  const values = Form.useWatch((v: HouseholdFormValues) => v, { form, preserve: true });
  const settled = useDebounced(values, IDENTIFY_DEBOUNCE_MS);
  const policy = usePolicy();
  const live = useMemo(() => (settled && policy.data ? identifyFormValues(settled, policy.data) : null), [settled, policy.data]);
  return { policy, live };
}

/**
 * The same result in one line, for the save bar of a phone, where the panel is below the whole
 * form and so not in sight while typing; a tap scrolls to the panel.
 */
export function LiveResultLine({ form }: { form: FormInstance }) {
  const { live } = useLiveIdentification(form);
  const text =
    !live ? '识别结果计算中…' : live.state === 'incomplete' ? `识别结果：待填写${live.missing.join('、')}` : live.state === 'error' ? '识别结果：无法计算' : `识别结果：${outcomeText(live.result.eligible, live.result.category)}`;
  const tone = live?.state === 'ready' ? (live.result.eligible === true ? 'ok' : live.result.eligible === false ? 'no' : 'unknown') : 'unknown';
  return (
    <button
      type="button"
      className={`live-result-line live-result-${tone}`}
      data-testid="live-result-line"
      onClick={() => document.querySelector('.hh-aside [data-testid=identification-panel]')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
    >
      {text}
    </button>
  );
}

export function LiveIdentificationPanel({ form }: { form: FormInstance }) {
  const user = useSessionUser();
  const { regionName } = useRegions(user);
  const { policy, live } = useLiveIdentification(form);

  if (policy.error && !policy.data)
    return (
      <Card className="id-panel" size="small" variant="borderless" title="识别结果" data-testid="identification-panel">
        <Alert type="error" showIcon message="低保标准加载失败，暂不能识别" description={errorMessage(policy.error)} action={<Button size="small" onClick={() => void policy.refetch()}>重试</Button>} />
      </Card>
    );
  if (!policy.data || !live)
    return (
      <Card className="id-panel" size="small" variant="borderless" title="识别结果" data-testid="identification-panel">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  if (live.state === 'incomplete') return <IncompletePanel missing={live.missing} />;
  if (live.state === 'error')
    return (
      <Card className="id-panel" size="small" variant="borderless" title="识别结果" data-testid="identification-panel">
        <Alert type="error" showIcon message="无法计算识别结果" description={live.message} />
      </Card>
    );
  const canEditPolicy = can(user.role, 'policy.edit');
  return (
    <IdentificationView
      result={live.result}
      declaredCategory={live.declaredCategory}
      isExample={live.line?.isExample}
      regionName={regionName}
      noLineAction={canEditPolicy ? <Link to="/policy">前往设置低保标准</Link> : undefined}
      footer={
        <>
          按当前填写内容实时计算 · 第 {policy.data.version} 版政策
          <br />
          保存后由系统重新识别并记录结果
        </>
      }
    />
  );
}
