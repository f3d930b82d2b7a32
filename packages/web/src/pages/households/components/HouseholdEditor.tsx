// The survey form (调查表) laid out like the paper, with the live data-quality warnings and the
// identification computed as the cadre types (精准识别) beside it.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Form } from 'antd';
import type { HouseholdFile } from '../../../api/households';
import PageHeader from '../../../components/PageHeader';
import { StatusTag } from '../../../components/Tags';
import type { NamePath } from '../../../lib/fieldErrors';
import { fromOf } from '../../../lib/navigation';
import { ownRegionOf, ownUnitOf } from '../../../lib/access';
import { useSessionUser } from '../../../lib/session';
import { useRegions } from '../../../lib/useOrgs';
import { FORM_NAME, coreRule, fieldId, type Gate } from '../formShared';
import { emptyForm, genderOfId, isRequired, jsonToForm, livePerCapitaFen, type HouseholdFormValues } from '../formModel';
import { MembersEditor } from '../MembersEditor';
import { LiveWarnings } from '../LiveWarnings';
import { LiveIdentificationPanel, LiveResultLine } from '../../identification/LiveIdentificationPanel';
import { Sheet, SheetRows, SheetSection } from '../sheet/Sheet';
import { CAUSE_ROWS, NEED_ROWS, WORKER_ROWS, type SheetKey } from '../sheet/layout';
import { useHouseholdSave } from '../hooks/useHouseholdSave';
import { useLeaveGuard } from '../../../lib/useLeaveGuard';
import { sheetControl, type ControlContext } from './SheetControls';
import { FormAlerts } from './FormAlerts';
import { FormFooter } from './FormFooter';
import { NoLineNotice } from './NoLineNotice';
import { DuplicateIdNotice } from './DuplicateIdNotice';
import { ReasonModal } from './ReasonModal';

export function HouseholdEditor({ household, onReplace }: { household?: HouseholdFile; onReplace?: (h: HouseholdFile) => void }) {
  const user = useSessionUser();
  const ownRegion = ownRegionOf(user);
  const ownUnit = ownUnitOf(user);
  const { regions, unitsOf, regionName } = useRegions(user);
  const navigate = useNavigate();
  const location = useLocation();
  const from = fromOf(location.state);
  const [form] = Form.useForm();
  const initialValues = useMemo(() => (household ? jsonToForm(household) : emptyForm(ownRegion, ownUnit)), [household, ownRegion, ownUnit]);
  const gate = useRef<Gate>({ submitted: false }).current;
  const rootRef = useRef<HTMLDivElement>(null);
  const saver = useHouseholdSave({ form, household, gate, rootRef, from, onReplace });
  useLeaveGuard(saver.dirty, '档案', saver.leaving);

  const members = Form.useWatch('members', form) as HouseholdFormValues['members'];
  const income = Form.useWatch('householdAnnualIncome', form);
  const size = Form.useWatch('householdSize', form);
  const regionValue = Form.useWatch('regionCode', form) as string | undefined;
  const unitValue = Form.useWatch('unitId', form) as string | null | undefined;

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void saver.save();
      return;
    }
    // Enter in a one-line field never submits half a form (textareas keep their new lines).
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  }

  /** Fill 性别 from a valid identity number when it is still empty. */
  function fillGender(genderName: NamePath, idName: NamePath) {
    if (form.getFieldValue(genderName)) return;
    const g = genderOfId(form.getFieldValue(idName));
    if (g) form.setFields([{ name: genderName, value: g, touched: true }]);
  }

  const rule = (path: string) => [coreRule(form, path, gate)];
  const ctx: ControlContext = {
    form,
    rule,
    household,
    ownRegion,
    ownUnit,
    regions,
    unitsOf,
    regionName,
    orgName: user.orgName,
    perCapita: livePerCapitaFen(income, size),
    regionValue,
    unitValue,
    fillGender,
  };
  const renderer = {
    value: (k: SheetKey) => sheetControl(k, ctx),
    required: (k: SheetKey) => isRequired(k) && k !== 'workerNo',
    controlId: (k: SheetKey) => (k === 'workerNo' || k === 'perCapitaIncome' ? undefined : fieldId([k])),
  };

  const back = () => navigate(from ?? (household ? `/households/${household.id}` : '/households'));

  return (
    <div className="page" ref={rootRef}>
      <PageHeader
        title={household ? `编辑档案 · ${household.workerNo} ${household.name}` : '新建档案'}
        tags={household && <StatusTag value={household.status} />}
        subTitle={household ? `第 ${household.version} 版` : '按调查表逐项填写，带 * 的为必填项'}
        onBack={back}
      />
      <FormAlerts household={household} needsReason={saver.needsReason} formError={saver.formError} onCloseFormError={saver.clearFormError} unplaced={saver.unplaced} />
      <div className="hh-layout">
        <div className="hh-main">
          <Form
            form={form}
            name={FORM_NAME}
            initialValues={initialValues}
            onValuesChange={saver.markDirty}
            onKeyDown={onKeyDown}
            requiredMark={false}
            colon={false}
            scrollToFirstError={false}
            className="hh-form"
            autoComplete="off"
          >
            <DuplicateIdNotice form={form} excludeId={household?.id} />
            <Sheet title="困难职工调查表">
              <SheetSection>一、职工及家庭成员基本情况</SheetSection>
              <SheetRows rows={WORKER_ROWS} r={renderer} />
              <MembersEditor rule={rule} memberCount={members?.length ?? 0} onIdBlur={(i) => fillGender(['members', i, 'gender'], ['members', i, 'idNumber'])} />
              <SheetSection>二、致困原因</SheetSection>
              <SheetRows rows={CAUSE_ROWS} r={renderer} />
              <SheetSection>三、困难职工帮扶需求及帮扶措施</SheetSection>
              <SheetRows rows={NEED_ROWS} r={renderer} />
            </Sheet>
            <LiveWarnings form={form} />
            <NoLineNotice form={form} regionName={regionName} />
            <FormFooter
              household={household}
              errorCount={saver.errorCount}
              dirty={saver.dirty}
              saving={saver.saving}
              onFirstError={saver.scrollToFirstError}
              onCancel={back}
              onSave={() => void saver.save()}
              live={<LiveResultLine form={form} />}
            />
          </Form>
        </div>
        {/* 识别结果, computed in the browser as the cadre types (精准识别). */}
        <aside className="hh-aside" aria-label="精准识别结果">
          <LiveIdentificationPanel form={form} />
        </aside>
      </div>
      <ReasonModal open={saver.reason.open} form={saver.reason.form} saving={saver.saving} onOk={() => void saver.reason.confirm()} onCancel={saver.reason.cancel} />
    </div>
  );
}
