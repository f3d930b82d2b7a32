// The control of each box of the survey form, by field: most are described by a table (a select
// of one of core's lists, a text input with its length, a text area, money, a 是/否 switch); the
// few with behaviour of their own (职工编号, 人均收入, 所属地区 and 基层工会, 身份证号 …) are
// components below.
import type { ReactNode } from 'react';
import { AutoComplete, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
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
  formatYuan,
  todayInChina,
} from '@bangfu/core';
import type { HouseholdFile } from '../../../api/households';
import type { NamePath } from '../../../lib/fieldErrors';
import type { RegionOption } from '../../../lib/useOrgs';
import MoneyInput from '../../../components/MoneyInput';
import { fieldId, filterHealth, healthOptions, keepOnEscape, options } from '../formShared';
import { causeLabel, type SheetKey } from '../sheet/layout';

const ON_BLUR = 'onBlur';
const ON_CHANGE_OR_BLUR = ['onChange', 'onBlur'];

/** What the controls need from the form around them. */
export interface ControlContext {
  form: FormInstance;
  rule: (path: string) => Rule[];
  household?: HouseholdFile;
  ownRegion: string | null;
  ownUnit: string | null;
  regions: RegionOption[];
  unitsOf: (regionCode: string | null | undefined) => RegionOption[];
  regionName: (code: string | null | undefined) => string;
  orgName: string;
  perCapita: number | null;
  regionValue: string | undefined;
  unitValue: string | null | undefined;
  fillGender: (genderName: NamePath, idName: NamePath) => void;
}

const ENUMS: Partial<Record<SheetKey, readonly string[]>> = {
  category: CATEGORIES,
  education: EDUCATIONS,
  politicalStatus: POLITICAL_STATUSES,
  maritalStatus: MARITAL_STATUSES,
  unitNature: UNIT_NATURES,
  medicalInsurance: MEDICAL_INSURANCES,
  disabilityGrade: DISABILITY_GRADES,
  enterpriseStatus: ENTERPRISE_STATUSES,
  workStatus: WORK_STATUSES,
};

/** one-line text: max length, placeholder */
const TEXTS: Partial<Record<SheetKey, [number, string?]>> = {
  skillLevel: [50, '如：焊工五级'],
  name: [20],
  address: [200],
  phone: [30, '手机号或 0724-2360130'],
  employer: [100],
  otherHardship: [500, '其他特殊困难（可不填）'],
};

/** text areas: max length, rows, placeholder, the fields whose change re-checks it */
const TEXT_AREAS: Partial<Record<SheetKey, [number, number, string, NamePath[]?]>> = {
  causeDescription: [1000, 2, '用文字描述致困原因，如：配偶患尿毒症，每周透析三次（选择“其它”时必填）', [['causes']]],
  needs: [2000, 3, '征求困难职工帮扶需求'],
  measures: [2000, 3, '结合实际情况提出具体帮扶措施及建议'],
};

const MONEY = new Set<SheetKey>(['ownAnnualIncome', 'householdAnnualIncome', 'householdAnnualExpense', 'medicalExpense', 'tuitionExpense', 'accidentExpense']);
const SWITCHES = new Set<SheetKey>(['lostWorkCapacity', 'rightsInfringed', 'wantsToStartBusiness']);
const COUNTS: Partial<Record<SheetKey, string>> = { serviceYears: '年', householdSize: '人' };

/** The 填表说明's words under a field, where the paper form explains what it counts. */
const HINTS: Partial<Record<SheetKey, string>> = {
  householdAnnualIncome: '包括工资和其他薪资收入',
  causeDescription: '填表说明：致困原因可多选，并文字描述致困原因',
};

function WorkerNo({ household }: { household?: HouseholdFile }) {
  const id = fieldId(['workerNo']);
  return household ? (
    <span id={id} className="sheet-readonly-box assigned mono">
      {household.workerNo}
    </span>
  ) : (
    <span id={id} className="sheet-readonly-box">
      保存后自动生成
    </span>
  );
}

function PerCapita({ value }: { value: number | null }) {
  return (
    <div>
      <div id={fieldId(['perCapitaIncome'])} className="sheet-computed" role="status" aria-live="polite">
        {value === null ? (
          <span style={{ color: '#bfbfbf' }}>—</span>
        ) : (
          <>
            <span>{formatYuan(value)}</span>
            <span className="money-suffix">元</span>
          </>
        )}
      </div>
      <div className="sheet-computed-hint">总收入 ÷ 家庭人口，自动计算</div>
    </div>
  );
}

/**
 * A region or unit cadre files for their own region only; a filed household keeps the region its
 * 职工编号 was numbered in. The 基层工会 beside it: a unit cadre's own, else any active one of the
 * region (or none).
 */
function RegionAndUnit({ c }: { c: ControlContext }) {
  const isEdit = !!c.household;
  const regionItem = (
    <Form.Item name="regionCode" rules={c.rule('regionCode')} validateTrigger={ON_CHANGE_OR_BLUR}>
      <Select
        options={c.regions}
        placeholder="请选择所属地区"
        disabled={!!c.ownRegion || isEdit}
        title={isEdit ? '职工编号已按地区分配，所属地区不能修改' : undefined}
        onChange={() => c.form.setFieldValue('unitId', c.ownUnit)}
      />
    </Form.Item>
  );
  const units = c.ownUnit ? [{ value: c.ownUnit, label: c.regionName(c.ownUnit) || c.orgName }] : c.unitsOf(c.regionValue);
  if (c.unitValue && !units.some((u) => u.value === c.unitValue)) units.push({ value: c.unitValue, label: c.regionName(c.unitValue) });
  if (units.length === 0) return regionItem;
  return (
    <div className="form-region-unit">
      {regionItem}
      <Form.Item name="unitId" rules={c.rule('unitId')} validateTrigger={ON_CHANGE_OR_BLUR}>
        <Select options={units} placeholder="基层工会（可不选）" allowClear={!c.ownUnit} disabled={!!c.ownUnit} showSearch optionFilterProp="label" popupMatchSelectWidth={false} aria-label="基层工会" />
      </Form.Item>
    </div>
  );
}

/** The boxes with a control of their own. */
const SPECIAL: Partial<Record<SheetKey, (c: ControlContext) => ReactNode>> = {
  workerNo: (c) => <WorkerNo household={c.household} />,
  perCapitaIncome: (c) => <PerCapita value={c.perCapita} />,
  regionCode: (c) => <RegionAndUnit c={c} />,
  fillDate: (c) => (
    <Form.Item name="fillDate" rules={c.rule('fillDate')} validateTrigger={ON_CHANGE_OR_BLUR}>
      <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()} />
    </Form.Item>
  ),
  modelWorker: (c) => (
    <Form.Item name="modelWorker" rules={c.rule('modelWorker')} validateTrigger={ON_CHANGE_OR_BLUR}>
      <Select options={options(MODEL_WORKER_TYPES)} placeholder="无" allowClear />
    </Form.Item>
  ),
  gender: (c) => (
    <Form.Item name="gender" rules={c.rule('gender')} validateTrigger={ON_CHANGE_OR_BLUR} dependencies={['idNumber']}>
      <Select options={options(GENDERS)} placeholder="请选择" />
    </Form.Item>
  ),
  ethnicity: (c) => (
    <Form.Item name="ethnicity" rules={c.rule('ethnicity')} validateTrigger={ON_CHANGE_OR_BLUR}>
      <Select options={options(ETHNICITIES)} placeholder="请选择" showSearch optionFilterProp="label" popupMatchSelectWidth={false} />
    </Form.Item>
  ),
  idNumber: (c) => (
    <Form.Item name="idNumber" rules={c.rule('idNumber')} validateTrigger={ON_BLUR} dependencies={['fillDate']}>
      <Input maxLength={18} placeholder="18位身份证号" autoComplete="off" className="mono" onBlur={() => c.fillGender(['gender'], ['idNumber'])} />
    </Form.Item>
  ),
  health: (c) => (
    <Form.Item name="health" rules={c.rule('health')} validateTrigger={ON_BLUR}>
      <AutoComplete options={healthOptions} filterOption={filterHealth} popupMatchSelectWidth={false}>
        <Input placeholder="良好或主要疾病" maxLength={50} onKeyDown={keepOnEscape} />
      </AutoComplete>
    </Form.Item>
  ),
  receivesDibao: (c) => (
    <Form.Item name="receivesDibao" rules={c.rule('receivesDibao')} validateTrigger={ON_CHANGE_OR_BLUR}>
      <Radio.Group
        options={[
          { value: true, label: '是' },
          { value: false, label: '否' },
        ]}
      />
    </Form.Item>
  ),
  causes: (c) => (
    <Form.Item name="causes" rules={c.rule('causes')} validateTrigger={ON_CHANGE_OR_BLUR}>
      <Checkbox.Group className="causes-group" options={CAUSES.map((x) => ({ value: x, label: causeLabel(x) }))} />
    </Form.Item>
  ),
};

/** The control of one box of the sheet. */
export function sheetControl(key: SheetKey, c: ControlContext): ReactNode {
  const special = SPECIAL[key];
  if (special) return special(c);
  const rules = c.rule(key);
  const enumValues = ENUMS[key];
  if (enumValues)
    return (
      <Form.Item name={key} rules={rules} validateTrigger={ON_CHANGE_OR_BLUR}>
        <Select options={options(enumValues)} placeholder="请选择" popupMatchSelectWidth={false} />
      </Form.Item>
    );
  if (SWITCHES.has(key))
    return (
      <Form.Item name={key} valuePropName="checked" rules={rules} validateTrigger={ON_CHANGE_OR_BLUR}>
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
    );
  const text = TEXTS[key];
  const area = TEXT_AREAS[key];
  const unit = COUNTS[key];
  return (
    <Form.Item name={key} rules={rules} validateTrigger={ON_BLUR} dependencies={area?.[3]} extra={HINTS[key]}>
      {text ? (
        <Input maxLength={text[0]} placeholder={text[1]} autoComplete="off" />
      ) : area ? (
        <Input.TextArea maxLength={area[0]} autoSize={{ minRows: area[1], maxRows: 10 }} placeholder={area[2]} showCount={false} />
      ) : unit ? (
        <InputNumber style={{ width: '100%' }} placeholder={unit === '人' ? '人数' : '年'} controls={false} addonAfter={unit} />
      ) : MONEY.has(key) ? (
        <MoneyInput />
      ) : null}
    </Form.Item>
  );
}
