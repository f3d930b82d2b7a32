import type { FormInstance, Rule } from 'antd/es/form';
import { HEALTH_OPTIONS } from '@bangfu/core';
import { errorAt, pathToNamePath, type NamePath } from '../../lib/fieldErrors';
import { checkForm, type HouseholdFormValues } from './formModel';

/** antd derives input ids from it: household_name, household_members_0_idNumber … */
export const FORM_NAME = 'household';
export const fieldId = (name: NamePath) => `${FORM_NAME}_${name.join('_')}`;

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const healthOptions = options(HEALTH_OPTIONS);
/**
 * An AutoComplete renders its input as type="search", which Chrome empties on Esc: Esc then only
 * closes the suggestions (the default action is prevented; the select still sees the key).
 */
export const keepOnEscape = (e: { key: string; preventDefault: () => void }) => {
  if (e.key === 'Escape') e.preventDefault();
};
export const filterHealth = (input: string, option?: { value?: unknown }) => !input || String(option?.value ?? '').includes(input.trim());

/** Before the first 保存, only fields the cadre has touched are checked on blur. */
export interface Gate {
  submitted: boolean;
}

/** One Form.Item rule: core's verdict on the whole file, for the message at this path. */
export function coreRule(form: FormInstance, path: string, gate: Gate): Rule {
  return {
    validator: async () => {
      const name = pathToNamePath(path);
      if (!gate.submitted && !form.isFieldTouched(name)) return;
      const r = checkForm(form.getFieldsValue(true) as HouseholdFormValues);
      if (r.ok) return;
      const msg = errorAt(r.errors, path);
      if (msg) throw new Error(msg);
    },
  };
}
