import { describe, it, expect } from 'vitest';
import { MEMBER_FIELD_LABELS, WORKER_FIELD_LABELS, labelOfPath } from './labels.js';

describe('labelOfPath', () => {
  it.each([
    ['idNumber', '身份证号'],
    ['householdAnnualIncome', '家庭年度总收入'],
    ['perCapitaIncome', '家庭年人均收入'],
    ['causes', '致困原因'],
    ['causes[1]', '致困原因'],
    ['members', '家庭成员'],
    ['members[0].idNumber', '家庭成员第1人·身份证号'],
    ['members[1].annualIncome', '家庭成员第2人·年收入'],
    ['members[18].occupation', '家庭成员第19人·就业（学）状况'],
    ['members[0].unknownKey', '家庭成员第1人·unknownKey'],
    ['unknownKey', 'unknownKey'],
    ['', ''],
  ])('%j → %j', (path, label) => {
    expect(labelOfPath(path)).toBe(label);
  });
});

describe('field labels follow household.md', () => {
  it.each([
    ['workerNo', '职工编号'],
    ['fillDate', '填报日期'],
    ['category', '困难类别'],
    ['skillLevel', '技术职称等级（工种）'],
    ['tuitionExpense', '非义务教育全日制学历教育学费'],
    ['accidentExpense', '天灾人祸等意外支出或损失'],
    ['medicalExpense', '年医疗费个人累计支出'],
    ['wantsToStartBusiness', '有创业愿望'],
    ['causeDescription', '致困原因文字描述'],
    ['measures', '帮扶措施及建议'],
  ] as const)('%s → %s', (key, label) => {
    expect(WORKER_FIELD_LABELS[key]).toBe(label);
  });
  it('members have the eleven fields of the table', () => {
    expect(Object.keys(MEMBER_FIELD_LABELS)).toEqual([
      'name', 'relation', 'gender', 'education', 'idNumber', 'health', 'disabilityGrade', 'annualIncome', 'occupation', 'unitOrSchool', 'skillLevel',
    ]);
  });
});
