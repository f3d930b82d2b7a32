// The form's Chinese labels, in the order of household.md. One list serves error messages,
// the web form, Excel headers and the printed form.

export const WORKER_FIELD_LABELS = {
  workerNo: '职工编号',
  regionCode: '所属地区',
  unitId: '基层工会',
  fillDate: '填报日期',
  category: '困难类别',
  modelWorker: '劳模类型',
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  idNumber: '身份证号',
  education: '文化程度',
  politicalStatus: '政治面貌',
  skillLevel: '技术职称等级（工种）',
  address: '家庭住址',
  phone: '联系电话',
  employer: '工作单位',
  maritalStatus: '婚姻状况',
  health: '健康状况',
  unitNature: '单位性质',
  serviceYears: '工龄',
  medicalInsurance: '医保类型',
  disabilityGrade: '残疾等级',
  enterpriseStatus: '企业状况',
  workStatus: '工作状况',
  receivesDibao: '是否享受低保',
  ownAnnualIncome: '本人年收入',
  householdAnnualIncome: '家庭年度总收入',
  householdSize: '家庭人口',
  perCapitaIncome: '家庭年人均收入',
  householdAnnualExpense: '家庭年度支出',
  medicalExpense: '年医疗费个人累计支出',
  tuitionExpense: '非义务教育全日制学历教育学费',
  accidentExpense: '天灾人祸等意外支出或损失',
  lostWorkCapacity: '丧失劳动能力',
  otherHardship: '其他特殊困难',
  rightsInfringed: '权益受侵害',
  wantsToStartBusiness: '有创业愿望',
  members: '家庭成员',
  causes: '致困原因',
  causeDescription: '致困原因文字描述',
  needs: '帮扶需求',
  measures: '帮扶措施及建议',
} as const;

export const MEMBER_FIELD_LABELS = {
  name: '姓名',
  relation: '关系',
  gender: '性别',
  education: '文化程度',
  idNumber: '身份证号',
  health: '健康状况',
  disabilityGrade: '残疾等级',
  annualIncome: '年收入',
  occupation: '就业（学）状况',
  unitOrSchool: '单位或学校',
  skillLevel: '技术职称等级',
} as const;

export type WorkerField = keyof typeof WORKER_FIELD_LABELS;
export type MemberField = keyof typeof MEMBER_FIELD_LABELS;

/** "members[1].idNumber" → "家庭成员第2人·身份证号"; "causes" → "致困原因". */
export function labelOfPath(path: string): string {
  const m = /^members\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) return `家庭成员第${Number(m[1]) + 1}人·${MEMBER_FIELD_LABELS[m[2] as MemberField] ?? m[2]}`;
  const head = path.split(/[.[]/)[0];
  return WORKER_FIELD_LABELS[head as WorkerField] ?? path;
}
