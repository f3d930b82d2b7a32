import { useMemo } from 'react';
import { Alert, Form } from 'antd';
import type { FormInstance } from 'antd/es/form';
import { dataWarnings, labelOfPath } from '@bangfu/core';
import { checkForm, type HouseholdFormValues } from './formModel';

/**
 * Core's data-quality warnings for the file as typed (those that need other files, such as a
 * possible duplicate household, come from the server after saving). Never blocks saving.
 */
export function LiveWarnings({ form }: { form: FormInstance }) {
  const values = Form.useWatch((v: HouseholdFormValues) => v, { form, preserve: true });
  const warnings = useMemo(() => {
    if (!values) return [];
    const r = checkForm(values);
    return r.ok ? dataWarnings(r.data) : [];
  }, [values]);
  if (warnings.length === 0) return null;
  return (
    <Alert
      className="live-warnings"
      type="warning"
      showIcon
      message="数据提示（不影响保存，请核对）"
      description={
        <ul className="plain-list">
          {warnings.map((w, i) => (
            <li key={i}>
              {labelOfPath(w.path)}：{w.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
