// The detail page's 识别结果: the result the server stored for the file, with what it was based
// on (file version, policy version, when), and a warning when the file changed since.
import { Alert, Card, Empty } from 'antd';
import type { Policy } from '../../api/policy';
import type { HouseholdFile } from '../../api/households';
import { dateTimeText } from '../../lib/format';
import { lineFor } from '../../lib/identification';
import { IdentificationView } from './IdentificationPanel';

export function StoredIdentificationPanel({ file, policy, regionName }: { file: HouseholdFile; policy?: Policy; regionName?: (code: string) => string }) {
  const id = file.identification;
  if (!id)
    return (
      <Card className="id-panel" size="small" variant="borderless" title="识别结果" data-testid="identification-panel">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该档案尚无识别结果" />
      </Card>
    );
  const line = policy ? lineFor(policy, id.policy.regionCode, id.policy.year) : null;
  // 示例标准: the line it used is still the stored example line.
  const isExample = !!line && line.isExample && line.monthlyLine === id.policy.monthlyLine;
  // Removal itself makes a new file version without changing its content: not "outdated".
  const removed = file.status === 'removed' || file.status === 'exited';
  const outdated = !removed && id.fileVersion !== null && id.fileVersion !== file.version;
  return (
    <IdentificationView
      result={id}
      declaredCategory={file.category}
      isExample={isExample}
      regionName={regionName}
      notice={
        removed ? (
          <Alert type="info" showIcon className="id-outdated" data-testid="identification-removed" message={file.status === 'exited' ? '该户已脱困，以下为脱困前最后一次识别结果' : '该档案已剔除，以下为剔除前最后一次识别结果'} />
        ) : outdated ? (
          <Alert
            type="warning"
            showIcon
            className="id-outdated"
            data-testid="identification-outdated"
            message="识别结果可能已过时"
            description={`该结果依据第 ${id.fileVersion} 版档案计算，档案现为第 ${file.version} 版。`}
          />
        ) : undefined
      }
      footer={
        <span data-testid="identification-basis">
          依据：第 {id.fileVersion ?? '—'} 版档案 · {id.policy.version === null ? '临时标准' : `第 ${id.policy.version} 版政策`} · 计算时间 {dateTimeText(id.computedAt) || '—'}
        </span>
      }
    />
  );
}
