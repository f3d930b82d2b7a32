import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { parseHousehold, type HouseholdJson } from '@bangfu/core';
import { checkForm, emptyForm, formToInput, isFormField, isRequired, jsonToForm, livePerCapitaFen, toPayload, type HouseholdFormValues } from './formModel';

const filled: HouseholdFormValues = {
  regionCode: 'H04',
  fillDate: dayjs('2016-04-10'),
  category: '低保户',
  name: '张建国',
  gender: '男',
  ethnicity: '汉族',
  idNumber: '420802196803120519',
  education: '初中',
  politicalStatus: '群众',
  skillLevel: '焊工五级',
  address: '荆门市东宝区象山大道 1 号',
  phone: '0724-2360130',
  employer: '荆门市某机械厂',
  maritalStatus: '已婚',
  health: '腰颈椎病',
  unitNature: '国有企业',
  serviceYears: 25,
  medicalInsurance: '职工医保',
  disabilityGrade: '无',
  enterpriseStatus: '半停产',
  workStatus: '下（待）岗',
  receivesDibao: true,
  ownAnnualIncome: '9600.00',
  householdAnnualIncome: '16200',
  householdSize: 3,
  householdAnnualExpense: '21000.5',
  medicalExpense: '',
  tuitionExpense: undefined,
  accidentExpense: '0.29',
  lostWorkCapacity: false,
  rightsInfringed: false,
  wantsToStartBusiness: true,
  members: [
    { name: '李秀兰', relation: '配偶', gender: '女', education: '小学', idNumber: '', health: '良好', disabilityGrade: '无', annualIncome: '6600', occupation: '灵活就业' },
  ],
  causes: ['因病'],
  causeDescription: '  ',
};

describe('formToInput / checkForm', () => {
  it('drops blanks, formats the date and passes core', () => {
    const input = formToInput(filled);
    expect(input.fillDate).toBe('2016-04-10');
    expect('medicalExpense' in input).toBe(false);
    expect('causeDescription' in input).toBe(false);
    expect((input.members as Record<string, unknown>[])[0]).not.toHaveProperty('idNumber');
    const r = checkForm(filled);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.householdAnnualExpense).toBe(21000.5);
    expect(r.input.accidentExpense).toBe(0.29);
    expect(r.data.accidentExpense).toBe(29);
  });

  it('reports core errors with member paths', () => {
    const r = checkForm({ ...filled, ownAnnualIncome: '', members: [{ ...filled.members![0], idNumber: '420802196803120518' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('ownAnnualIncome');
    expect(paths).toContain('members[0].idNumber');
    expect(r.errors.find((e) => e.path === 'ownAnnualIncome')?.message).toBe('请填写本人年收入');
  });

  it('an empty new form lists the required fields, not the defaulted ones', () => {
    const r = checkForm(emptyForm('H01'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'idNumber', 'causes', 'receivesDibao', 'householdSize']));
    expect(paths).not.toContain('regionCode');
    expect(paths).not.toContain('medicalExpense');
  });
});

describe('jsonToForm', () => {
  it('round-trips a stored file through the form', () => {
    const r = checkForm(filled);
    if (!r.ok) throw new Error('fixture');
    const json = {
      ...r.input,
      id: 7,
      workerNo: 'H0400001',
      version: 2,
      status: 'active',
      removalReason: null,
      warnings: [],
      createdAt: '2016-04-10T01:00:00Z',
      updatedAt: '2016-04-11T01:00:00Z',
      perCapitaIncome: 5400,
      modelWorker: null,
      unitId: null,
      otherHardship: null,
      causeDescription: null,
      needs: null,
      measures: null,
      medicalExpense: 0,
      tuitionExpense: 0,
      members: [{ ...r.input.members![0], idNumber: null, unitOrSchool: null, skillLevel: null, annualIncome: 6600 }],
    } as unknown as HouseholdJson;
    const form = jsonToForm(json);
    expect(form.householdAnnualIncome).toBe('16200.00');
    expect(form.members![0].annualIncome).toBe('6600.00');
    expect(form.fillDate!.format('YYYY-MM-DD')).toBe('2016-04-10');
    const again = parseHousehold(formToInput(form));
    expect(again.ok).toBe(true);
  });
});

describe('helpers', () => {
  it('computes 家庭年人均收入 with core, half-up to the fen', () => {
    expect(livePerCapitaFen('16200', 3)).toBe(540000);
    expect(livePerCapitaFen('100.00', 3)).toBe(3333);
    expect(livePerCapitaFen('0.05', 2)).toBe(3);
    expect(livePerCapitaFen('', 3)).toBeNull();
    expect(livePerCapitaFen('12.345', 3)).toBeNull();
    expect(livePerCapitaFen('100', 0)).toBeNull();
  });

  it('knows required fields from core', () => {
    expect(isRequired('name')).toBe(true);
    expect(isRequired('members[4].name')).toBe(true);
    expect(isRequired('members[4].idNumber')).toBe(false);
    expect(isRequired('modelWorker')).toBe(false);
    expect(isRequired('medicalExpense')).toBe(false);
  });

  it('knows which paths are fields of the form', () => {
    expect(isFormField(['idNumber'], 0)).toBe(true);
    expect(isFormField(['members', 1, 'idNumber'], 2)).toBe(true);
    expect(isFormField(['members', 2, 'idNumber'], 2)).toBe(false);
    expect(isFormField(['members'], 2)).toBe(false);
    expect(isFormField(['workerNo'], 0)).toBe(false);
    expect(isFormField(['unitId'], 0)).toBe(true);
  });

  it('toPayload turns money text into numbers only', () => {
    expect(toPayload({ ownAnnualIncome: '1,234.50', name: '张三', members: [{ annualIncome: '10' }] })).toEqual({
      ownAnnualIncome: 1234.5,
      name: '张三',
      members: [{ annualIncome: 10 }],
    });
  });
});
