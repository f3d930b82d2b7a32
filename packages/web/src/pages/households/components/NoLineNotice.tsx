// Before saving, said where the cadre looks on any screen: the file's region has no 低保标准 for
// the year of its 填报日期, so identification will answer 无法判定 (every new filing did, when
// lines existed only for 2016). The live panel says it too, but on a phone it is far below.
import { Alert, Form } from 'antd';
import type { FormInstance } from 'antd/es/form';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { usePolicy } from '../../../api/queries/policy';
import { can } from '../../../lib/access';
import { lineFor } from '../../../lib/identification';
import { useSessionUser } from '../../../lib/session';

export function NoLineNotice({ form, regionName }: { form: FormInstance; regionName: (code: string) => string }) {
  const user = useSessionUser();
  const policy = usePolicy();
  const region = Form.useWatch('regionCode', form) as string | undefined;
  const fillDate = Form.useWatch('fillDate', form) as unknown;
  const date = dayjs.isDayjs(fillDate) ? fillDate : null;
  if (!policy.data || !region || !date || !date.isValid()) return null;
  const year = date.year();
  if (lineFor(policy.data, region, year)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="form-no-line"
      data-testid="form-no-line"
      style={{ margin: '12px 0' }}
      message={`${regionName(region)} ${year} 年尚未配置低保标准，保存后识别结果为「无法判定」`}
      description={
        can(user.role, 'policy.edit') ? (
          <>
            请核对填报日期，或先<Link to="/policy">补录该年度的低保标准</Link>。
          </>
        ) : (
          '请核对填报日期，或联系市总工会补录该年度的低保标准。'
        )
      }
    />
  );
}
