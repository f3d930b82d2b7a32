import { Progress, Typography } from 'antd';
import type { ImportView } from '../../api/exchange';
import { progressPercent, progressText } from './importModel';

/** The server's progress on an import being checked or written, read every second. */
export default function ImportProgress({ view }: { view: ImportView }) {
  const title = view.status === 'committing' ? '正在导入' : '正在检查';
  return (
    <div
      className="import-progress"
      id="import-progress"
      data-status={view.status}
      data-phase={view.progress.phase ?? ''}
      role="status"
      aria-live="polite"
    >
      <Typography.Text strong>
        {title}：{view.fileName}
      </Typography.Text>
      <Progress percent={progressPercent(view.progress)} status="active" />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {progressText(view)}
      </Typography.Text>
    </div>
  );
}
