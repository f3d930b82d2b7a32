// Step 3 导入完成: what was written, and the way to the list.
import { useNavigate } from 'react-router';
import { Button, Result, Space, Statistic } from 'antd';
import type { ImportView } from '../../api/exchange';
import { dateTimeText } from '../../lib/format';

export default function ImportDoneStep({ view, onAgain }: { view: ImportView; onAgain: () => void }) {
  const navigate = useNavigate();
  const r = view.result ?? { created: 0, updated: 0, skipped: 0 };
  return (
    <div id="import-done">
      <Result
        status="success"
        title="导入完成"
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
        <Space size={48} className="import-result" data-testid="import-result">
          <Statistic title="新增" value={r.created} suffix="户" data-stat="created" />
          <Statistic title="更新" value={r.updated} suffix="户" data-stat="updated" />
          <Statistic title="跳过" value={r.skipped} suffix="户" data-stat="skipped" />
        </Space>
      </Result>
    </div>
  );
}
