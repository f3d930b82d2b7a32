// 保存 of the survey form: core's check first (errors beside their fields, the rest listed on
// top), the 修改原因 of a filed file, then create or update; a stale version offers the latest
// content, the server's field errors go where the browser's would.
import { useCallback, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { App, Form } from 'antd';
import type { FormInstance } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import { HOUSEHOLD_STATUS_LABELS, type FieldError, type HouseholdInput } from '@bangfu/core';
import { createHousehold, getHousehold, updateHousehold, type HouseholdFile } from '../../../api/households';
import { errorMessage, isApiError } from '../../../api/request';
import { replaceFieldErrors, toFormFieldErrors, type NamePath } from '../../../lib/fieldErrors';
import { checkForm, isFormField, type HouseholdFormValues } from '../formModel';
import type { Gate } from '../formShared';

interface Options {
  form: FormInstance;
  household?: HouseholdFile;
  gate: Gate;
  rootRef: RefObject<HTMLDivElement | null>;
  from: string | undefined;
  onReplace?: (h: HouseholdFile) => void;
}

function ConflictContent({ version }: { version?: number }) {
  return (
    <div>
      <p>在您编辑期间，其他人修改并保存了这份档案{version ? `（现为第 ${version} 版）` : ''}，您的修改没有保存。</p>
      <p style={{ marginBottom: 0 }}>请加载最新内容后重新填写您的修改。</p>
    </div>
  );
}

export function useHouseholdSave({ form, household, gate, rootRef, from, onReplace }: Options) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  /** 已建档: every edit carries a 修改原因, asked for in a dialog on 保存 */
  const needsReason = household?.status === 'filed';
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const pendingInput = useRef<HouseholdInput | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [errorCount, setErrorCount] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const leaving = useRef(false);

  const scrollToFirstError = useCallback(() => {
    window.setTimeout(() => {
      const root = rootRef.current;
      const item = root?.querySelector('.ant-form-item-has-error');
      if (!item) return;
      item.scrollIntoView({ block: 'center' });
      const target = item.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea, button:not([disabled]), [tabindex="0"]');
      target?.focus({ preventScroll: true });
    }, 60);
  }, [rootRef]);

  /** Shows exactly these errors: each beside its field, the rest in the Alert at the top. */
  const showErrors = useCallback(
    (errors: readonly FieldError[], scroll = true) => {
      const count = (form.getFieldValue('members') as unknown[] | undefined)?.length ?? 0;
      const mapped = toFormFieldErrors(errors, (n) => isFormField(n, count));
      const current = form.getFieldsError().map((f) => ({ name: f.name as NamePath, errors: f.errors }));
      form.setFields(replaceFieldErrors(current, mapped.fields));
      setUnplaced(mapped.unplaced);
      setErrorCount(errors.length);
      if (errors.length && scroll) {
        if (mapped.fields.length) scrollToFirstError();
        else rootRef.current?.scrollIntoView({ block: 'start' });
      }
    },
    [form, scrollToFirstError, rootRef],
  );

  async function loadLatest(current: unknown) {
    try {
      const latest = current && typeof current === 'object' && 'version' in current ? (current as HouseholdFile) : await getHousehold(household?.id ?? 0);
      leaving.current = true;
      onReplace?.(latest);
      message.info(`已加载最新内容（第 ${latest.version} 版）`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  function failed(e: unknown) {
    const reasonErrors = isApiError(e) ? e.fieldErrors.filter((f) => f.path === 'reason') : [];
    if (reasonOpen && reasonErrors.length) {
      reasonForm.setFields([{ name: 'reason', errors: reasonErrors.map((f) => f.message) }]);
      return;
    }
    setReasonOpen(false);
    if (isApiError(e, 'VERSION_CONFLICT')) {
      const current = e.body?.current as HouseholdFile | undefined;
      modal.confirm({
        title: '档案已被他人修改',
        icon: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
        content: <ConflictContent version={current?.version} />,
        okText: '加载最新内容',
        cancelText: '暂不加载',
        onOk: () => loadLatest(current),
      });
    } else if (isApiError(e) && e.fieldErrors.length) {
      showErrors(e.fieldErrors);
      message.error(e.message);
    } else {
      setFormError(errorMessage(e));
      rootRef.current?.scrollIntoView({ block: 'start' });
    }
  }

  async function store(input: HouseholdInput, reason?: string) {
    setSaving(true);
    try {
      const saved = household
        ? await updateHousehold(household.id, { ...input, workerNo: household.workerNo }, household.version, reason)
        : await createHousehold({ ...input, workerNo: undefined });
      leaving.current = true;
      setDirty(false);
      setReasonOpen(false);
      if (household && household.status === 'filed' && saved.status !== 'filed')
        message.warning(`档案 ${saved.workerNo} 已保存；识别结果发生变化，档案已退回重新审核（${HOUSEHOLD_STATUS_LABELS[saved.status] ?? saved.status}）`, 6);
      else message.success(household ? `档案 ${saved.workerNo} 已保存（第 ${saved.version} 版）` : `档案已建立（草稿），职工编号 ${saved.workerNo}；核对无误后请提交审核`);
      navigate(`/households/${saved.id}`, { replace: true, state: { from } });
    } catch (e) {
      failed(e);
    } finally {
      setSaving(false);
    }
  }

  async function save() {
    if (saving) return;
    gate.submitted = true;
    setFormError(null);
    const values = form.getFieldsValue(true) as HouseholdFormValues;
    const check = checkForm(values);
    if (!check.ok) {
      showErrors(check.errors);
      message.error(`有 ${check.errors.length} 处填写需要修改，已在表中标出`);
      return;
    }
    showErrors([], false);
    if (needsReason) {
      pendingInput.current = check.input;
      setReasonOpen(true);
      return;
    }
    await store(check.input);
  }

  /** 修改原因 given: save with it. */
  async function confirmReason() {
    let reason: string;
    try {
      reason = (await reasonForm.validateFields()).reason.trim();
    } catch {
      return;
    }
    if (pendingInput.current) await store(pendingInput.current, reason);
  }

  return {
    needsReason,
    save,
    saving,
    dirty,
    markDirty: () => setDirty(true),
    leaving,
    unplaced,
    errorCount,
    formError,
    clearFormError: () => setFormError(null),
    scrollToFirstError,
    reason: { open: reasonOpen, form: reasonForm, confirm: confirmReason, cancel: () => !saving && setReasonOpen(false) },
  };
}
