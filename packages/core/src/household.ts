// The household file (household.md) as one Zod schema. It validates the API body, the Excel row
// and the web form, and generates the OpenAPI document. Parsing turns yuan into integer fen.
import { z } from 'zod';
import { todayInChina, parseIsoDate } from './dates.js';
import {
  CATEGORIES, CAUSES, DISABILITY_GRADES, EDUCATIONS, ENTERPRISE_STATUSES, ETHNICITIES, GENDERS, MARITAL_STATUSES,
  MEDICAL_INSURANCES, MEMBER_EDUCATIONS, MODEL_WORKER_TYPES, OCCUPATIONS, POLITICAL_STATUSES, RELATIONS, UNIT_NATURES,
  WORK_STATUSES,
} from './enums.js';
import { checkIdNumber } from './idNumber.js';
import { parseYuan } from './money.js';
import { WORKER_NO_RE } from './workerNo.js';

const missing = (label: string) => `请填写${label}`;
const absent = (v: unknown) => v === undefined || v === null;

// No z.preprocess here: it would hide the input's shape from the generated JSON Schema.
// Blank strings and nulls are accepted where a field is optional and turned into null.

function requiredText(label: string, max = 200) {
  return z
    .string({ error: (iss) => (absent(iss.input) ? missing(label) : `${label}必须是文字`) })
    .trim()
    .min(1, { error: missing(label) })
    .max(max, { error: `${label}不能超过${max}个字` });
}

function optionalText(label: string, max = 500) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .nullish()
    .transform((v) => (v ? v : null));
}

function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  const list = values.length > 20 ? `${values.slice(0, 6).join('、')}等` : values.join('、');
  return z.enum(values, {
    error: (iss) => (absent(iss.input) || iss.input === '' ? `请选择${label}` : `${label}「${String(iss.input)}」不是规定的值，应为：${list}`),
  });
}

/** An enumeration that may be left empty ("" or null → fallback). */
function optionalOneOf<const T extends readonly [string, ...string[]], F extends T[number] | null>(label: string, values: T, fallback: F) {
  const list = values.join('、');
  return z
    .union([z.enum(values), z.literal(''), z.null()], {
      error: (iss) => `${label}「${String(iss.input)}」不是规定的值，应为：${list}`,
    })
    .optional()
    .transform((v): T[number] | F => (v ? v : fallback));
}

/** Yuan in (a number, or a decimal string from a spreadsheet), integer fen out. */
function money(label: string, opts: { optional?: boolean } = {}) {
  const toFen = (v: number | string | null | undefined, ctx: z.RefinementCtx) => {
    // absent/blank is 0 only for an optional amount; a required one goes to parseYuan ("金额不能为空")
    if (opts.optional && (v === undefined || v === null || v === '')) return 0;
    const r = parseYuan(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `${label}：${r.message}` });
      return z.NEVER;
    }
    return r.fen;
  };
  const error = (iss: { input?: unknown }) => (absent(iss.input) ? missing(label) : `${label}必须是数字（单位：元）`);
  if (opts.optional) return z.union([z.number(), z.string(), z.null()], { error }).optional().transform(toFen);
  return z.union([z.number(), z.string()], { error }).transform(toFen);
}

function int(label: string, min: number, max: number) {
  return z
    .number({ error: (iss) => (absent(iss.input) ? missing(label) : `${label}必须是整数`) })
    .int({ error: `${label}必须是整数` })
    .min(min, { error: `${label}不能小于${min}` })
    .max(max, { error: `${label}不能大于${max}` });
}

const yesNo = (label: string) => z.boolean({ error: (iss) => (absent(iss.input) ? `请选择${label}` : `${label}应为“是”或“否”`) });
const flag = (label: string) => yesNo(label).nullish().transform((v) => v ?? false);

const dateField = (label: string) =>
  z
    .string({ error: (iss) => (absent(iss.input) ? missing(label) : `${label}应为日期，格式 YYYY-MM-DD`) })
    .refine((s) => parseIsoDate(s) !== null, { error: `${label}应为有效日期，格式 YYYY-MM-DD` });

const optionalIdNumber = z
  .string({ error: '身份证号必须是文字' })
  .nullish()
  .transform((v) => (v && v.trim() ? v.trim().toUpperCase() : null));

export const memberSchema = z.object({
  name: requiredText('姓名', 20),
  relation: oneOf('关系', RELATIONS),
  gender: oneOf('性别', GENDERS),
  education: oneOf('文化程度', MEMBER_EDUCATIONS),
  idNumber: optionalIdNumber,
  health: requiredText('健康状况', 50),
  disabilityGrade: optionalOneOf('残疾等级', DISABILITY_GRADES, '无'),
  annualIncome: money('年收入'),
  occupation: oneOf('就业（学）状况', OCCUPATIONS),
  unitOrSchool: optionalText('单位或学校', 100),
  skillLevel: optionalText('技术职称等级', 50),
});

const PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

const householdObject = z.object({
  workerNo: z
    .union([z.string().regex(WORKER_NO_RE, { error: '职工编号应为字母加7位数字，例如 H0100001' }), z.literal(''), z.null()], { error: '职工编号应为字母加7位数字，例如 H0100001' })
    .optional()
    .transform((v) => (v ? v : null)),
  regionCode: z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? '请选择所属地区' : '所属地区代码格式不正确') })
    .regex(/^[A-Z]\d{2}$/, { error: '所属地区代码应为字母加两位数字，例如 H01' }),
  unitId: z.string({ error: '基层工会必须是组织代码' }).nullish().transform((v) => (v ? v : null)),
  fillDate: dateField('填报日期'),
  category: oneOf('困难类别', CATEGORIES),
  modelWorker: optionalOneOf('劳模类型', MODEL_WORKER_TYPES, null),
  name: requiredText('姓名', 20).refine((s) => [...s].length >= 2, { error: '姓名应为2至20个字' }),
  gender: oneOf('性别', GENDERS),
  ethnicity: oneOf('民族', ETHNICITIES),
  idNumber: z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null || iss.input === '' ? missing('身份证号') : '身份证号必须是文字') })
    .trim()
    .min(1, { error: missing('身份证号') })
    .transform((v) => v.toUpperCase()),
  education: oneOf('文化程度', EDUCATIONS),
  politicalStatus: oneOf('政治面貌', POLITICAL_STATUSES),
  skillLevel: optionalText('技术职称等级（工种）', 50),
  address: requiredText('家庭住址', 200),
  phone: requiredText('联系电话', 30).refine((s) => PHONE_RE.test(s), {
    error: '联系电话应为11位手机号或带区号的固定电话，例如 0724-2360130',
  }),
  employer: requiredText('工作单位', 100),
  maritalStatus: oneOf('婚姻状况', MARITAL_STATUSES),
  health: requiredText('健康状况', 50),
  unitNature: oneOf('单位性质', UNIT_NATURES),
  serviceYears: int('工龄', 0, 60),
  medicalInsurance: oneOf('医保类型', MEDICAL_INSURANCES),
  disabilityGrade: oneOf('残疾等级', DISABILITY_GRADES),
  enterpriseStatus: oneOf('企业状况', ENTERPRISE_STATUSES),
  workStatus: oneOf('工作状况', WORK_STATUSES),
  receivesDibao: yesNo('是否享受低保'),
  ownAnnualIncome: money('本人年收入'),
  householdAnnualIncome: money('家庭年度总收入'),
  householdSize: int('家庭人口', 1, 20),
  householdAnnualExpense: money('家庭年度支出'),
  medicalExpense: money('年医疗费个人累计支出', { optional: true }),
  tuitionExpense: money('非义务教育全日制学历教育学费', { optional: true }),
  accidentExpense: money('天灾人祸等意外支出或损失', { optional: true }),
  lostWorkCapacity: flag('丧失劳动能力'),
  otherHardship: optionalText('其他特殊困难', 500),
  rightsInfringed: flag('权益受侵害'),
  wantsToStartBusiness: flag('有创业愿望'),
  members: z
    .array(memberSchema, { error: '家庭成员应为列表' })
    .max(19, { error: '家庭成员最多19人' })
    .nullish()
    .transform((v) => v ?? []),
  causes: z
    .array(oneOf('致困原因', CAUSES), { error: (iss) => (iss.input === undefined || iss.input === null ? '请至少选择一项致困原因' : '致困原因应为列表') })
    .min(1, { error: '请至少选择一项致困原因' })
    .transform((a) => CAUSES.filter((c) => a.includes(c))),
  causeDescription: optionalText('致困原因文字描述', 1000),
  needs: optionalText('帮扶需求', 2000),
  measures: optionalText('帮扶措施及建议', 2000),
});

/**
 * Rules across fields: identity numbers against the fill date and gender, 其它 needs words.
 * Runs even when other fields failed (`when`), so one response lists every error; hence the
 * type guards: a field that failed its own check may hold its raw input here.
 */
export const householdSchema = householdObject.superRefine(
  (h, ctx) => {
    const str = (v: unknown): v is string => typeof v === 'string';
    const fillOk = str(h.fillDate) && parseIsoDate(h.fillDate) !== null;
    if (fillOk && h.fillDate > todayInChina()) ctx.addIssue({ code: 'custom', path: ['fillDate'], message: '填报日期不能晚于今天' });
    const onDate = fillOk ? h.fillDate : undefined;
    if (str(h.idNumber) && h.idNumber) {
      const worker = checkIdNumber(h.idNumber, onDate);
      if (!worker.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: worker.message });
      else if ((h.gender as unknown) === '男' || (h.gender as unknown) === '女') {
        if (worker.info.gender !== h.gender)
          ctx.addIssue({ code: 'custom', path: ['gender'], message: `性别与身份证号不符（身份证号显示为${worker.info.gender}）` });
      }
    }
    if (Array.isArray(h.members))
      h.members.forEach((m, i) => {
        if (!m || typeof m !== 'object' || !str(m.idNumber) || !m.idNumber) return;
        const r = checkIdNumber(m.idNumber, onDate);
        if (!r.ok) ctx.addIssue({ code: 'custom', path: ['members', i, 'idNumber'], message: r.message });
        else if ((m.gender === '男' || m.gender === '女') && r.info.gender !== m.gender)
          ctx.addIssue({ code: 'custom', path: ['members', i, 'gender'], message: `性别与身份证号不符（身份证号显示为${r.info.gender}）` });
      });
    if (Array.isArray(h.causes) && h.causes.includes('其它') && !h.causeDescription)
      ctx.addIssue({ code: 'custom', path: ['causeDescription'], message: '选择“其它”致困原因时，请用文字描述' });
  },
  { when: () => true },
);

/** What the API, the form and the importer send: yuan, optional defaults. */
export type HouseholdInput = z.input<typeof householdSchema>;
/** What the server stores: fen, defaults applied, identity numbers upper-case. */
export type HouseholdData = z.output<typeof householdSchema>;

/** The worker's fields that every form of the file (JSON, the form, a generated file) carries as they are. */
export const AS_IS_FIELDS = [
  'name', 'gender', 'ethnicity', 'education', 'politicalStatus', 'address', 'phone', 'employer', 'maritalStatus', 'health', 'unitNature',
  'serviceYears', 'medicalInsurance', 'disabilityGrade', 'enterpriseStatus', 'workStatus', 'receivesDibao', 'householdSize',
] as const satisfies readonly (keyof HouseholdData & keyof HouseholdInput)[];
type AsIs = (typeof AS_IS_FIELDS)[number];

/** Those fields of a file, copied. */
export function asIsFields<T extends Pick<HouseholdData, AsIs>>(h: T): Pick<T, AsIs> {
  return Object.fromEntries(AS_IS_FIELDS.map((k) => [k, h[k]])) as Pick<T, AsIs>;
}
export type MemberData = z.output<typeof memberSchema>;

export const MONEY_FIELDS = [
  'ownAnnualIncome', 'householdAnnualIncome', 'householdAnnualExpense', 'medicalExpense', 'tuitionExpense', 'accidentExpense',
] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export interface FieldError {
  path: string;
  message: string;
}

/** Zod path → "members[1].idNumber". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Every issue, one per field (the first for that field), in the order found. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const iss of error.issues) {
    const path = formatPath(iss.path);
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: iss.message });
  }
  return out;
}

export type ParseResult = { ok: true; data: HouseholdData } | { ok: false; errors: FieldError[] };

export function parseHousehold(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ path: '', message: '档案应为一个 JSON 对象' }] };
  const r = householdSchema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: toFieldErrors(r.error) };
}
