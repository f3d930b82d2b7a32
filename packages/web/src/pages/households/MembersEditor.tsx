// 家庭成员 as an editable table inside the sheet: one row per member, the paper's columns.
import { AutoComplete, Button, Form, Input, Popconfirm, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DISABILITY_GRADES, GENDERS, MEMBER_EDUCATIONS, OCCUPATIONS, RELATIONS, type MemberField } from '@bangfu/core';
import MoneyInput from '../../components/MoneyInput';
import { MAX_MEMBERS, MEMBER_KEYS, emptyMember, isRequired } from './formModel';
import { fieldId, filterHealth, healthOptions, keepOnEscape, options } from './formShared';
import { memberLabel } from './sheet/layout';

/** Column widths (px) of the editable table; the table scrolls sideways inside the sheet when narrower. */
export const MEMBER_COL_WIDTHS: Record<MemberField, number> = {
  name: 80,
  relation: 84,
  gender: 68,
  education: 100,
  idNumber: 168,
  health: 96,
  disabilityGrade: 76,
  annualIncome: 104,
  occupation: 112,
  unitOrSchool: 100,
  skillLevel: 92,
};

const SELECTS: Partial<Record<MemberField, readonly string[]>> = {
  relation: RELATIONS,
  gender: GENDERS,
  education: MEMBER_EDUCATIONS,
  disabilityGrade: DISABILITY_GRADES,
  occupation: OCCUPATIONS,
};

interface Props {
  rule: (path: string) => Rule[];
  memberCount: number;
  onIdBlur: (index: number) => void;
}

export function MembersEditor({ rule, onIdBlur }: Props) {
  function cell(index: number, key: MemberField) {
    const path = `members[${index}].${key}`;
    const aria = `家庭成员第${index + 1}人${memberLabel(key)}`;
    const values = SELECTS[key];
    const text = key === 'name' || key === 'idNumber' || key === 'unitOrSchool' || key === 'skillLevel' || key === 'health' || key === 'annualIncome';
    const dependencies = key === 'gender' ? [['members', index, 'idNumber']] : key === 'idNumber' ? [['fillDate']] : undefined;
    let control;
    if (values) control = <Select options={options(values)} aria-label={aria} popupMatchSelectWidth={false} />;
    else if (key === 'health')
      control = (
        <AutoComplete options={healthOptions} filterOption={filterHealth} popupMatchSelectWidth={false}>
          <Input aria-label={aria} maxLength={50} onKeyDown={keepOnEscape} />
        </AutoComplete>
      );
    else if (key === 'annualIncome') control = <MoneyInput aria-label={aria} />;
    else if (key === 'idNumber')
      control = <Input maxLength={18} aria-label={aria} autoComplete="off" className="mono" placeholder="可不填" onBlur={() => onIdBlur(index)} />;
    else control = <Input maxLength={key === 'name' ? 20 : key === 'unitOrSchool' ? 100 : 50} aria-label={aria} autoComplete="off" />;
    return (
      <Form.Item name={[index, key]} rules={rule(path)} validateTrigger={text ? 'onBlur' : ['onChange', 'onBlur']} dependencies={dependencies}>
        {control}
      </Form.Item>
    );
  }

  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <>
          <div className="sheet-section sheet-subsection" id="household-members">
            <span className="sheet-subsection-title">家庭成员</span>
          </div>
          <div className="sheet-members sheet-members-form" role="group" aria-labelledby="household-members">
            <table>
              <colgroup>
                <col style={{ width: 40 }} />
                {MEMBER_KEYS.map((k) => (
                  <col key={k} style={{ width: MEMBER_COL_WIDTHS[k] }} />
                ))}
                <col style={{ width: 44 }} />
              </colgroup>
              <thead>
                <tr>
                  <th className="sheet-members-index sheet-members-sticky-left">序号</th>
                  {MEMBER_KEYS.map((k) => (
                    <th key={k} scope="col">
                      {isRequired(`members[0].${k}`) && <span className="sheet-req">*</span>}
                      {memberLabel(k)}
                    </th>
                  ))}
                  <th className="sheet-members-sticky-right">删除</th>
                </tr>
              </thead>
              <tbody>
                {fields.length === 0 ? (
                  <tr>
                    <td colSpan={MEMBER_KEYS.length + 2} className="sheet-members-empty">
                      暂无家庭成员。请按户籍关系填写，点击下方“添加成员”。
                    </td>
                  </tr>
                ) : (
                  fields.map((field, i) => (
                    <tr key={field.key} data-member-index={i}>
                      <td className="sheet-members-index sheet-members-sticky-left">{i + 1}</td>
                      {MEMBER_KEYS.map((k) => (
                        <td key={k}>{cell(field.name, k)}</td>
                      ))}
                      <td className="sheet-members-sticky-right" style={{ textAlign: 'center', verticalAlign: 'middle' }}>
                        <Popconfirm
                          placement="topRight"
                          title={`删除第 ${i + 1} 位家庭成员？`}
                          okText="删除"
                          cancelText="取消"
                          okButtonProps={{ danger: true }}
                          onConfirm={() => {
                            remove(field.name);
                            window.setTimeout(() => document.getElementById('household-members-add')?.focus(), 0);
                          }}
                        >
                          <Button
                            type="text"
                            danger
                            size="small"
                            id={`${fieldId(['members', i])}_remove`}
                            icon={<DeleteOutlined />}
                            aria-label={`删除第${i + 1}位家庭成员`}
                            title="删除"
                          />
                        </Popconfirm>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <div className="sheet-members-actions">
            <span>
              按户籍关系填写，共 {fields.length} 人{fields.length >= MAX_MEMBERS ? '，已达上限' : `（最多 ${MAX_MEMBERS} 人）`}
            </span>
            <Button
              id="household-members-add"
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_MEMBERS}
              onClick={() => {
                const index = fields.length;
                add(emptyMember());
                window.setTimeout(() => document.getElementById(fieldId(['members', index, 'name']))?.focus(), 0);
              }}
            >
              添加成员
            </Button>
          </div>
        </>
      )}
    </Form.List>
  );
}
