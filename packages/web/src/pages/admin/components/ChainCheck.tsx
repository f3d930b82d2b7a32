// 「校验审计链」: the button and what the check found.
import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { verifyAudit } from '../../../api/audit';
import { errorMessage } from '../../../api/request';
import { chainReasonText } from '../../../lib/auditLabels';

export function useChainCheck() {
  return useMutation({ mutationFn: () => verifyAudit() });
}

type ChainCheckState = ReturnType<typeof useChainCheck>;

export function ChainCheckButton({ check }: { check: ChainCheckState }) {
  return (
    <Button icon={<SafetyCertificateOutlined />} id="audit-verify" loading={check.isPending} onClick={() => check.mutate()}>
      校验审计链
    </Button>
  );
}

export function ChainCheckResult({ check }: { check: ChainCheckState }) {
  const result = check.data;
  const failed = check.error ? errorMessage(check.error) : null;
  if (!result && !failed) return null;
  return (
    <Alert
      data-testid="audit-verify-result"
      data-ok={result?.ok ? 'true' : 'false'}
      type={result?.ok ? 'success' : 'error'}
      showIcon
      closable
      onClose={() => check.reset()}
      style={{ marginBottom: 12 }}
      message={result?.ok ? '审计链完整' : failed ? '审计链校验未完成' : '审计链已被破坏'}
      description={
        result?.ok
          ? `已校验全部 ${result.rows.toLocaleString('zh-CN')} 条记录，未发现修改或删除。`
          : result && !result.ok
            ? `${(result.breakCount ?? 1) > 1 ? `共 ${result.breakCount} 处断开，第一处` : ''}在第 ${result.brokenAt} 号记录处断开：${chainReasonText(result.reason)}。请立即报告系统管理员并保全数据库。`
            : failed
      }
    />
  );
}
