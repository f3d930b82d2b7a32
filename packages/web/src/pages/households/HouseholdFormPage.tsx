// /households/new and /households/:id/edit — the survey form (调查表), laid out like the paper.
// Validation is core's parseHousehold (the server's rules); errors from either side go through
// one helper (lib/fieldErrors) onto their own fields, member cells included.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, App, AutoComplete, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Result, Select, Skeleton, Space, Switch, Tooltip, Typography } from 'antd';
import { ExclamationCircleFilled, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  CATEGORIES,
  CAUSES,
  DISABILITY_GRADES,
  EDUCATIONS,
  ENTERPRISE_STATUSES,
  ETHNICITIES,
  GENDERS,
  MARITAL_STATUSES,
  MEDICAL_INSURANCES,
  MODEL_WORKER_TYPES,
  POLITICAL_STATUSES,
  UNIT_NATURES,
  WORK_STATUSES,
  HOUSEHOLD_STATUS_LABELS,
  editRule,
  formatYuan,
  labelOfPath,
  todayInChina,
  type FieldError,
  type HouseholdInput,
} from '@bangfu/core';
import { createHousehold, getHousehold, updateHousehold, type HouseholdFile } from '../../api/households';
import { useHousehold, useSetHousehold } from '../../api/queries/households';
import { errorMessage, isApiError } from '../../api/request';
import MoneyInput from '../../components/MoneyInput';
import PageHeader from '../../components/PageHeader';
import { StatusTag } from '../../components/Tags';
import { replaceFieldErrors, toFormFieldErrors, type NamePath } from '../../lib/fieldErrors';
import { FORM_NAME, coreRule, fieldId, filterHealth, healthOptions, options, type Gate } from './formShared';
import { fromOf } from '../../lib/navigation';
import { canFileAt, ownRegionOf, ownUnitOf } from '../../lib/access';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { checkForm, emptyForm, genderOfId, isFormField, isRequired, jsonToForm, livePerCapitaFen, type HouseholdFormValues } from './formModel';
import { MembersEditor } from './MembersEditor';
import { LiveWarnings } from './LiveWarnings';
import { LiveIdentificationPanel } from '../identification/LiveIdentificationPanel';
import { Sheet, SheetRows, SheetSection } from './sheet/Sheet';
import { CAUSE_ROWS, NEED_ROWS, WORKER_ROWS, causeLabel, type SheetKey } from './sheet/layout';
import './household.css';

export default function HouseholdFormPage() {
  const { id } = useParams();
  if (!id) return <HouseholdEditor key="new" />;
  return <EditLoader id={id} />;
}

function EditLoader({ id }: { id: string }) {
  const { data, error, isFetching: loading } = useHousehold(id);
  const setHousehold = useSetHousehold();
  const user = useSessionUser();
  const navigate = useNavigate();
  if (error)
    return (
      <Result
        status={isApiError(error, 'NOT_FOUND') ? '404' : isApiError(error, 'FORBIDDEN') ? '403' : 'error'}
        title={isApiError(error, 'NOT_FOUND') ? '档案不存在' : '档案加载失败'}
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/households')}>返回档案列表</Button>}
      />
    );
  if (loading || !data)
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  const view = (
    <Button type="primary" onClick={() => navigate(`/households/${data.id}`, { replace: true })}>
      查看档案
    </Button>
  );
  if (!canFileAt(user, data.regionCode, data.unitId))
    return (
      <div data-testid="edit-locked" data-reason="forbidden">
        <Result status="403" title="您没有修改此档案的权限" subTitle="档案由所属基层工会、县（市、区）工会或市总工会修改。" extra={view} />
      </div>
    );
  const label = HOUSEHOLD_STATUS_LABELS[data.status] ?? data.status;
  if (data.status === 'removed' || data.status === 'exited') {
    const why = data.status === 'removed' ? (data.removalReason ? `剔除原因：${data.removalReason}。` : '') : data.exitReason ? `脱困原因：${data.exitReason}。` : '';
    return (
      <div data-testid="edit-locked" data-reason={data.status}>
        <Result
          status="warning"
          title={`该档案${label}，不能修改`}
          subTitle={`${why}请先重新纳入：在档案详情的「办理」中点击「重新纳入」，档案回到草稿后即可修改。`}
          extra={view}
        />
      </div>
    );
  }
  if (editRule(data.status) === 'locked')
    return (
      <div data-testid="edit-locked" data-reason="review">
        <Result status="info" title="档案正在审核中，不能修改" subTitle={`当前状态：${label}。如需修改，请由审核人退回后再修改。`} extra={view} />
      </div>
    );
  return <HouseholdEditor key={`${data.id}:${data.version}`} household={data} onReplace={(h) => setHousehold(h, id)} />;
}

function HouseholdEditor({ household, onReplace }: { household?: HouseholdFile; onReplace?: (h: HouseholdFile) => void }) {
  const isEdit = !!household;
  const user = useSessionUser();
  const ownRegion = ownRegionOf(user);
  const ownUnit = ownUnitOf(user);
  const { regions, unitsOf, regionName } = useRegions(user);
  /** 已建档: every edit carries a 修改原因, asked for in a dialog on 保存 */
  const needsReason = household?.status === 'filed';
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const pendingInput = useRef<HouseholdInput | null>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const from = fromOf(location.state);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const initialValues = useMemo(() => (household ? jsonToForm(household) : emptyForm(ownRegion, ownUnit)), [household, ownRegion, ownUnit]);

  const gate = useRef<Gate>({ submitted: false }).current;
  const rootRef = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [errorCount, setErrorCount] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const leaving = useRef(false);

  const members = Form.useWatch('members', form) as HouseholdFormValues['members'];
  const memberCount = members?.length ?? 0;
  const income = Form.useWatch('householdAnnualIncome', form);
  const size = Form.useWatch('householdSize', form);
  const perCapita = livePerCapitaFen(income, size);
  const regionValue = Form.useWatch('regionCode', form) as string | undefined;
  const unitValue = Form.useWatch('unitId', form) as string | null | undefined;

  // Unsaved changes: ask before leaving the page (in-app navigation and closing the tab).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: '离开此页？',
      content: '档案有尚未保存的修改，离开后这些修改将丢失。',
      okText: '离开',
      cancelText: '留在本页',
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);
  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  const scrollToFirstError = useCallback(() => {
    window.setTimeout(() => {
      const root = rootRef.current;
      const item = root?.querySelector('.ant-form-item-has-error');
      if (!item) return;
      item.scrollIntoView({ block: 'center' });
      const target = item.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea, button:not([disabled]), [tabindex="0"]');
      target?.focus({ preventScroll: true });
    }, 60);
  }, []);

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
    [form, scrollToFirstError],
  );

  const loadLatest = useCallback(
    async (current: unknown) => {
      try {
        const latest = current && typeof current === 'object' && 'version' in current ? (current as HouseholdFile) : await getHousehold(household?.id ?? 0);
        leaving.current = true;
        onReplace?.(latest);
        message.info(`已加载最新内容（第 ${latest.version} 版）`);
      } catch (e) {
        message.error(errorMessage(e));
      }
    },
    [household, onReplace, message],
  );

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
      else
        message.success(
          household
            ? `档案 ${saved.workerNo} 已保存（第 ${saved.version} 版）`
            : `档案已建立（草稿），职工编号 ${saved.workerNo}；核对无误后请提交审核`,
        );
      navigate(`/households/${saved.id}`, { replace: true, state: { from } });
    } catch (e) {
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
          content: (
            <div>
              <p>在您编辑期间，其他人修改并保存了这份档案{current?.version ? `（现为第 ${current.version} 版）` : ''}，您的修改没有保存。</p>
              <p style={{ marginBottom: 0 }}>请加载最新内容后重新填写您的修改。</p>
            </div>
          ),
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
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
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
  const onBlur = 'onBlur';
  const onChangeOrBlur = ['onChange', 'onBlur'];

  function control(key: SheetKey) {
    const id = fieldId([key]);
    switch (key) {
      case 'workerNo':
        return household ? (
          <span id={id} className="sheet-readonly-box assigned mono">
            {household.workerNo}
          </span>
        ) : (
          <span id={id} className="sheet-readonly-box">
            保存后自动生成
          </span>
        );
      case 'perCapitaIncome':
        return (
          <div>
            <div id={id} className="sheet-computed" role="status" aria-live="polite">
              {perCapita === null ? (
                <span style={{ color: '#bfbfbf' }}>—</span>
              ) : (
                <>
                  <span>{formatYuan(perCapita)}</span>
                  <span className="money-suffix">元</span>
                </>
              )}
            </div>
            <div className="sheet-computed-hint">总收入 ÷ 家庭人口，自动计算</div>
          </div>
        );
      case 'fillDate':
        return (
          <Form.Item name="fillDate" rules={rule('fillDate')} validateTrigger={onChangeOrBlur}>
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()}
            />
          </Form.Item>
        );
      case 'regionCode': {
        // A region or unit cadre files for their own region only; a filed household keeps the
        // region its 职工编号 was numbered in. The 基层工会 beside it: a unit cadre's own, else
        // any active one of the region (or none).
        const locked = !!ownRegion || isEdit;
        const regionItem = (
          <Form.Item name="regionCode" rules={rule('regionCode')} validateTrigger={onChangeOrBlur}>
            <Select
              options={regions}
              placeholder="请选择所属地区"
              disabled={locked}
              title={isEdit ? '职工编号已按地区分配，所属地区不能修改' : undefined}
              onChange={() => form.setFieldValue('unitId', ownUnit)}
            />
          </Form.Item>
        );
        const units = ownUnit ? [{ value: ownUnit, label: regionName(ownUnit) || user.orgName }] : unitsOf(regionValue);
        if (unitValue && !units.some((u) => u.value === unitValue)) units.push({ value: unitValue, label: regionName(unitValue) });
        if (units.length === 0) return regionItem;
        return (
          <div className="form-region-unit">
            {regionItem}
            <Form.Item name="unitId" rules={rule('unitId')} validateTrigger={onChangeOrBlur}>
              <Select
                options={units}
                placeholder="基层工会（可不选）"
                allowClear={!ownUnit}
                disabled={!!ownUnit}
                showSearch
                optionFilterProp="label"
                popupMatchSelectWidth={false}
                aria-label="基层工会"
              />
            </Form.Item>
          </div>
        );
      }
      case 'category':
        return enumSelect(key, CATEGORIES);
      case 'modelWorker':
        return (
          <Form.Item name="modelWorker" rules={rule('modelWorker')} validateTrigger={onChangeOrBlur}>
            <Select options={options(MODEL_WORKER_TYPES)} placeholder="无" allowClear />
          </Form.Item>
        );
      case 'gender':
        return (
          <Form.Item name="gender" rules={rule('gender')} validateTrigger={onChangeOrBlur} dependencies={['idNumber']}>
            <Select options={options(GENDERS)} placeholder="请选择" />
          </Form.Item>
        );
      case 'ethnicity':
        return (
          <Form.Item name="ethnicity" rules={rule('ethnicity')} validateTrigger={onChangeOrBlur}>
            <Select options={options(ETHNICITIES)} placeholder="输入可搜索" showSearch optionFilterProp="label" popupMatchSelectWidth={false} />
          </Form.Item>
        );
      case 'idNumber':
        return (
          <Form.Item name="idNumber" rules={rule('idNumber')} validateTrigger={onBlur} dependencies={['fillDate']}>
            <Input maxLength={18} placeholder="18位身份证号" autoComplete="off" className="mono" onBlur={() => fillGender(['gender'], ['idNumber'])} />
          </Form.Item>
        );
      case 'education':
        return enumSelect(key, EDUCATIONS);
      case 'politicalStatus':
        return enumSelect(key, POLITICAL_STATUSES);
      case 'maritalStatus':
        return enumSelect(key, MARITAL_STATUSES);
      case 'unitNature':
        return enumSelect(key, UNIT_NATURES);
      case 'medicalInsurance':
        return enumSelect(key, MEDICAL_INSURANCES);
      case 'disabilityGrade':
        return enumSelect(key, DISABILITY_GRADES);
      case 'enterpriseStatus':
        return enumSelect(key, ENTERPRISE_STATUSES);
      case 'workStatus':
        return enumSelect(key, WORK_STATUSES);
      case 'skillLevel':
        return textInput(key, 50, '如：焊工五级');
      case 'name':
        return textInput(key, 20);
      case 'address':
        return textInput(key, 200);
      case 'phone':
        return textInput(key, 30, '手机号或 0724-2360130');
      case 'employer':
        return textInput(key, 100);
      case 'otherHardship':
        return textInput(key, 500, '其他特殊困难（可不填）');
      case 'health':
        return (
          <Form.Item name="health" rules={rule('health')} validateTrigger={onBlur}>
            {/* a text input child: the default type="search" input is cleared by Esc in Chrome */}
            <AutoComplete options={healthOptions} filterOption={filterHealth} popupMatchSelectWidth={false}>
              <Input placeholder="良好或主要疾病" maxLength={50} />
            </AutoComplete>
          </Form.Item>
        );
      case 'serviceYears':
      case 'householdSize':
        return (
          <Form.Item name={key} rules={rule(key)} validateTrigger={onBlur}>
            <InputNumber style={{ width: '100%' }} placeholder={key === 'householdSize' ? '人数' : '年'} controls={false} addonAfter={key === 'householdSize' ? '人' : '年'} />
          </Form.Item>
        );
      case 'receivesDibao':
        return (
          <Form.Item name="receivesDibao" rules={rule('receivesDibao')} validateTrigger={onChangeOrBlur}>
            <Radio.Group
              options={[
                { value: true, label: '是' },
                { value: false, label: '否' },
              ]}
            />
          </Form.Item>
        );
      case 'ownAnnualIncome':
      case 'householdAnnualIncome':
      case 'householdAnnualExpense':
      case 'medicalExpense':
      case 'tuitionExpense':
      case 'accidentExpense':
        return (
          <Form.Item name={key} rules={rule(key)} validateTrigger={onBlur}>
            <MoneyInput />
          </Form.Item>
        );
      case 'lostWorkCapacity':
      case 'rightsInfringed':
      case 'wantsToStartBusiness':
        return (
          <Form.Item name={key} valuePropName="checked" rules={rule(key)} validateTrigger={onChangeOrBlur}>
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        );
      case 'causes':
        return (
          <Form.Item name="causes" rules={rule('causes')} validateTrigger={onChangeOrBlur}>
            <Checkbox.Group className="causes-group" options={CAUSES.map((c) => ({ value: c, label: causeLabel(c) }))} />
          </Form.Item>
        );
      case 'causeDescription':
        return textArea(key, 1000, 2, '选择“其它”时必填；也可对其他致困原因作补充说明', [['causes']]);
      case 'needs':
        return textArea(key, 2000, 3, '征求困难职工帮扶需求');
      case 'measures':
        return textArea(key, 2000, 3, '结合实际情况提出具体帮扶措施及建议');
    }
  }

  function enumSelect(key: SheetKey, values: readonly string[]) {
    return (
      <Form.Item name={key} rules={rule(key)} validateTrigger={onChangeOrBlur}>
        <Select options={options(values)} placeholder="请选择" popupMatchSelectWidth={false} />
      </Form.Item>
    );
  }

  function textInput(key: SheetKey, max: number, placeholder?: string) {
    return (
      <Form.Item name={key} rules={rule(key)} validateTrigger={onBlur}>
        <Input maxLength={max} placeholder={placeholder} autoComplete="off" />
      </Form.Item>
    );
  }

  function textArea(key: SheetKey, max: number, rows: number, placeholder: string, dependencies?: NamePath[]) {
    return (
      <Form.Item name={key} rules={rule(key)} validateTrigger={onBlur} dependencies={dependencies}>
        <Input.TextArea maxLength={max} autoSize={{ minRows: rows, maxRows: 10 }} placeholder={placeholder} showCount={false} />
      </Form.Item>
    );
  }

  const renderer = {
    value: control,
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
      {needsReason && (
        <Alert
          type="info"
          showIcon
          message="该档案已建档：保存时须填写修改原因"
          description="修改后如识别结果变化，档案将退回重新审核。"
          style={{ marginBottom: 12 }}
          data-testid="edit-filed-notice"
        />
      )}
      {household?.status === 'draft' && household.returnReason && (
        <Alert type="warning" showIcon message={`已被退回：${household.returnReason}`} description="修改保存后，请在档案详情中重新提交审核。" style={{ marginBottom: 12 }} />
      )}
      {formError && <Alert type="error" showIcon message="保存失败" description={formError} closable onClose={() => setFormError(null)} style={{ marginBottom: 12 }} role="alert" />}
      {unplaced.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="以下内容需要修改"
          role="alert"
          style={{ marginBottom: 12 }}
          description={
            <ul className="plain-list">
              {unplaced.map((e, i) => (
                <li key={i}>{e.path ? `${labelOfPath(e.path)}：${e.message}` : e.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <div className="hh-layout">
        <div className="hh-main">
          <Form
            form={form}
            name={FORM_NAME}
            initialValues={initialValues}
            onValuesChange={() => setDirty(true)}
            onKeyDown={onKeyDown}
            requiredMark={false}
            colon={false}
            scrollToFirstError={false}
            className="hh-form"
            autoComplete="off"
          >
            <Sheet title="困难职工调查表">
              <SheetSection>一、职工及家庭成员基本情况</SheetSection>
              <SheetRows rows={WORKER_ROWS} r={renderer} />
              <MembersEditor rule={rule} memberCount={memberCount} onIdBlur={(i) => fillGender(['members', i, 'gender'], ['members', i, 'idNumber'])} />
              <SheetSection>二、致困原因</SheetSection>
              <SheetRows rows={CAUSE_ROWS} r={renderer} />
              <SheetSection>三、困难职工帮扶需求及帮扶措施</SheetSection>
              <SheetRows rows={NEED_ROWS} r={renderer} />
            </Sheet>
            <LiveWarnings form={form} />
            <div className="form-footer">
              <div className="form-footer-status" aria-live="polite">
                {errorCount > 0 ? (
                  <Typography.Text type="danger">
                    <ExclamationCircleFilled /> 有 {errorCount} 处需要修改{' '}
                    <Button type="link" size="small" onClick={scrollToFirstError} style={{ padding: 0 }}>
                      定位到第一处
                    </Button>
                  </Typography.Text>
                ) : dirty ? (
                  <Typography.Text type="secondary">有未保存的修改</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{household ? `最后更新 ${dayjs(household.updatedAt).format('YYYY-MM-DD HH:mm')}` : '填写完毕后点击保存'}</Typography.Text>
                )}
              </div>
              <Space>
                <Button id="household-cancel" onClick={back}>
                  取消
                </Button>
                <Tooltip title="快捷键 Ctrl+S">
                  <Button id="household-save" type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
                    保存
                  </Button>
                </Tooltip>
              </Space>
            </div>
          </Form>
        </div>
        {/* 识别结果, computed in the browser as the cadre types (精准识别). */}
        <aside className="hh-aside" aria-label="精准识别结果">
          <LiveIdentificationPanel form={form} />
        </aside>
      </div>
      <Modal
        title="填写修改原因"
        open={reasonOpen}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ id: 'edit-reason-ok', loading: saving }}
        onOk={() => void confirmReason()}
        onCancel={() => !saving && setReasonOpen(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon message="修改后如识别结果变化，档案将退回重新审核" style={{ marginBottom: 12 }} />
        <Form form={reasonForm} name="edit" layout="vertical" preserve={false}>
          <Form.Item name="reason" label="修改原因" rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder="例如：入户复核，家庭年收入有变化" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
