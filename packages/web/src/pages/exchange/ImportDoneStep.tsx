// Step 3 导入完成: what was written, and the way to the list.
import { useNavigate } from 'react-router';
import { Alert, Button, Result, Space, Statistic } from 'antd';
import type { ImportView } from '../../api/exchange';
import { dateTimeText } from '../../lib/format';
import ImportRowsTable from './ImportRowsTable';
import { staleSentence } from './importModel';

/** What a commit wrote, and the rows it left out because their file changed after the check. */
export function ImportResult({ view }: { view: ImportView }) {
  const r = view.result ?? { created: 0, updated: 0, skipped: 0, stale: 0 };
  return (
    <>
      <Space size={[48, 16]} wrap className="import-result" data-testid="import-result">
        <Statistic title="新增" value={r.created} suffix="户" data-stat="created" />
        <Statistic title="更新" value={r.updated} suffix="户" data-stat="updated" />
        <Statistic title="跳过" value={r.skipped} suffix="户" data-stat="skipped" />
        {r.stale > 0 && <Statistic title="未导入（检查后已变化）" value={r.stale} suffix="户" data-stat="stale" />}
      </Space>
      {r.stale > 0 && (
        <div className="import-stale" id="import-stale">
          <Alert type="warning" showIcon message={staleSentence(r.stale)} />
          <ImportRowsTable importId={view.id} status="stale" />
        </div>
      )}
    </>
  );
}

export default function ImportDoneStep({ view, onAgain }: { view: ImportView; onAgain: () => void }) {
  const navigate = useNavigate();
  return (
    <div id="import-done">
      <Result
        status={view.result?.stale ? 'warning' : 'success'}
        title={view.result?.stale ? '导入完成，部分户未导入' : '导入完成'}
        subTitle={`${view.fileName}${view.committedAt ? `，${dateTimeText(view.committedAt)} 导入` : ''}`}
        extra={
          <Space>
            <Button type="primary" id="import-to-list" onClick={() => navigate('/households')}>
              查看档案列表
            </Button>
            <Button onClick={onAgain} id="import-again">
              继续导入
            </Button>
          </Space>
        }
      >
        <ImportResult view={view} />
      </Result>
    </div>
  );
}
