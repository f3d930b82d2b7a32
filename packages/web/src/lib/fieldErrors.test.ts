import { describe, expect, it } from 'vitest';
import { parseHousehold } from '@bangfu/core';
import { errorAt, namePathToPath, pathToNamePath, replaceFieldErrors, toFormFieldErrors, type NamePath } from './fieldErrors';

describe('pathToNamePath', () => {
  it('splits worker, member and nested paths', () => {
    expect(pathToNamePath('idNumber')).toEqual(['idNumber']);
    expect(pathToNamePath('members[1].idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(pathToNamePath('members[12].annualIncome')).toEqual(['members', 12, 'annualIncome']);
    expect(pathToNamePath('causes[0]')).toEqual(['causes', 0]);
    expect(pathToNamePath('members.3.name')).toEqual(['members', 3, 'name']);
    expect(pathToNamePath('')).toEqual([]);
  });

  it('round-trips with namePathToPath', () => {
    for (const p of ['name', 'members[0].name', 'members[18].skillLevel', 'causes[2]'])
      expect(namePathToPath(pathToNamePath(p))).toBe(p);
  });
});

describe('toFormFieldErrors', () => {
  it('maps each error to its own field, member cells included', () => {
    const r = toFormFieldErrors([
      { path: 'name', message: '请填写姓名' },
      { path: 'members[1].idNumber', message: '身份证号校验位不正确，请核对号码' },
      { path: 'members[0].gender', message: '性别与身份证号不符（身份证号显示为女）' },
    ]);
    expect(r.unplaced).toEqual([]);
    expect(r.fields).toEqual([
      { name: ['name'], errors: ['请填写姓名'] },
      { name: ['members', 1, 'idNumber'], errors: ['身份证号校验位不正确，请核对号码'] },
      { name: ['members', 0, 'gender'], errors: ['性别与身份证号不符（身份证号显示为女）'] },
    ]);
  });

  it('merges several messages for one field without repeats', () => {
    const r = toFormFieldErrors([
      { path: 'idNumber', message: 'A' },
      { path: 'idNumber', message: 'B' },
      { path: 'idNumber', message: 'A' },
    ]);
    expect(r.fields).toEqual([{ name: ['idNumber'], errors: ['A', 'B'] }]);
  });

  it('sends a part of a field to the enclosing field and keeps unknown paths aside', () => {
    const known = new Set(['causes', 'name', 'members.0.name']);
    const isField = (n: NamePath) => known.has(n.join('.'));
    const r = toFormFieldErrors(
      [
        { path: 'causes[2]', message: '致困原因「因穷」不是规定的值' },
        { path: '', message: '档案应为一个 JSON 对象' },
        { path: 'members', message: '家庭成员最多19人' },
        { path: 'workerNo', message: '职工编号应为字母加7位数字' },
        { path: 'members[0].name', message: '请填写姓名' },
      ],
      isField,
    );
    expect(r.fields).toEqual([
      { name: ['causes'], errors: ['致困原因「因穷」不是规定的值'] },
      { name: ['members', 0, 'name'], errors: ['请填写姓名'] },
    ]);
    expect(r.unplaced.map((e) => e.path)).toEqual(['', 'members', 'workerNo']);
  });

  it('places every error that core reports for an empty member row', () => {
    const res = parseHousehold({ members: [{}], causes: ['其它'] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const r = toFormFieldErrors(res.errors);
    const names = r.fields.map((f) => namePathToPath(f.name));
    expect(names).toContain('members[0].name');
    expect(names).toContain('members[0].relation');
    expect(names).toContain('causeDescription');
    expect(r.fields.find((f) => f.name.join('.') === 'name')?.errors[0]).toMatch(/姓名/);
  });

  it('reads the server 400 body the same way', () => {
    const body = {
      code: 'VALIDATION_FAILED',
      message: '档案填写有误',
      errors: [
        { path: 'members[2].idNumber', message: '身份证号应为18位' },
        { path: 'phone', message: '联系电话应为11位手机号或带区号的固定电话，例如 0724-2360130' },
      ],
    };
    expect(toFormFieldErrors(body.errors).fields.map((f) => f.name)).toEqual([['members', 2, 'idNumber'], ['phone']]);
  });
});

describe('replaceFieldErrors', () => {
  it('clears fields whose error went away and sets the new ones', () => {
    const current = [
      { name: ['name'], errors: ['请填写姓名'] },
      { name: ['members', 0, 'name'], errors: ['请填写姓名'] },
      { name: ['phone'], errors: [] },
    ];
    const next = [{ name: ['members', 0, 'name'], errors: ['姓名不能超过20个字'] }];
    expect(replaceFieldErrors(current, next)).toEqual([
      { name: ['name'], errors: [] },
      { name: ['members', 0, 'name'], errors: ['姓名不能超过20个字'] },
    ]);
  });
});

describe('errorAt', () => {
  it('finds the message of one path', () => {
    const errors = [{ path: 'members[1].idNumber', message: 'x' }];
    expect(errorAt(errors, 'members[1].idNumber')).toBe('x');
    expect(errorAt(errors, 'members[0].idNumber')).toBeUndefined();
  });
});
