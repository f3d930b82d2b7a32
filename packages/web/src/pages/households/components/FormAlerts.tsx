// Above the survey form: the filed-file notice, the return reason, the save error, and the
// errors that belong to no field.
import { Alert } from 'antd';
import { labelOfPath, type FieldError } from '@bangfu/core';
import type { HouseholdFile } from '../../../api/households';

interface Props {
  household?: HouseholdFile;
  needsReason: boolean;
  formError: string | null;
  onCloseFormError: () => void;
  unplaced: FieldError[];
}

export function FormAlerts({ household, needsReason, formError, onCloseFormError, unplaced }: Props) {
  return (
    <>
      {needsReason && (
        <Alert type="info" showIcon message="该档案已建档：保存时须填写修改原因" description="修改后如识别结果变化，档案将退回重新审核。" style={{ marginBottom: 12 }} data-testid="edit-filed-notice" />
      )}
      {household?.status === 'draft' && household.returnReason && (
        <Alert type="warning" showIcon message={`已被退回：${household.returnReason}`} description="修改保存后，请在档案详情中重新提交审核。" style={{ marginBottom: 12 }} />
      )}
      {formError && <Alert type="error" showIcon message="保存失败" description={formError} closable onClose={onCloseFormError} style={{ marginBottom: 12 }} role="alert" />}
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
    </>
  );
}
