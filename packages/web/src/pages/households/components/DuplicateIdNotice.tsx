// A duplicate 身份证号 is said as soon as the number is complete, not after all ~70 fields are
// filled and saved; when the other file is in the user's scope, the notice links to it.
import { Alert, Form } from 'antd';
import type { FormInstance } from 'antd/es/form';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { checkIdNumber } from '@bangfu/core';
import { checkIdNumberForFiling } from '../../../api/households';
import { useDebounced } from '../../../lib/useDebounced';

export function DuplicateIdNotice({ form, excludeId }: { form: FormInstance; excludeId?: number }) {
  const typed = Form.useWatch('idNumber', form) as string | undefined;
  const id = useDebounced((typed ?? '').trim().toUpperCase(), 300);
  const complete = id.length === 18 && checkIdNumber(id).ok;
  const check = useQuery({
    queryKey: ['id-check', id, excludeId ?? null],
    queryFn: ({ signal }) => checkIdNumberForFiling(id, excludeId, signal),
    enabled: complete,
    staleTime: 60_000,
    retry: false,
  });
  if (!complete || !check.data?.duplicate) return null;
  const other = check.data.household;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-duplicate-id"
      style={{ marginBottom: 12 }}
      message={`身份证号 ${id} 已有在册档案，不能重复建档`}
      description={
        other ? (
          <>
            已有档案：
            {/* in a new tab: what was typed here stays */}
            <Link to={`/households/${other.id}`} target="_blank" rel="noopener" data-testid="form-duplicate-link">
              {other.workerNo} {other.name}
            </Link>
            。如需修改，请打开该档案。
          </>
        ) : (
          check.data.message
        )
      }
    />
  );
}
