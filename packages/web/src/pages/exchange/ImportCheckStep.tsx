// Step 2 检查结果: counts, the error report and the households by status, then 确认导入 (nothing is
// written before it) or 取消.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Row, Space, Statistic, Tabs, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { cancelImport, commitImport, type ImportView } from '../../api/exchange';
import { errorMessage } from '../../api/request';
import { useSessionUser } from '../../lib/session';
import ImportErrorsTable from './ImportErrorsTable';
import ImportRowsTable from './ImportRowsTable';
import { checkOutcome, commitBlock, commitPlan, commitSentence } from './importModel';

const STAT_COLORS = { new: '#389e0d', changed: '#1677ff', unchanged: 'rgba(0,0,0,.45)', error: '#cf1322', warning: '#d48806' };

function Stats({ view }: { view: ImportView }) {
  const c = view.counts;
  const items = [
    { key: 'new', title: '新增', value: c.new },
    { key: 'changed', title: '变更', value: c.changed },
    { key: 'unchanged', title: '无变化', value: c.unchanged },
    { key: 'error', title: '有错误', value: c.error },
    { key: 'warning', title: '提示', value: c.warning },
  ] as const;
  return (
    <Row gutter={[12, 12]} className="import-stats" data-testid="import-stats">
      {items.map((x) => (
        <Col key={x.key} xs={12} md={8} xl={4}>
          <Card size="small" variant="borderless" className="import-stat" data-stat={x.key} data-value={x.value}>
            <Statistic title={x.title} value={x.value} suffix="户" valueStyle={x.value ? { color: STAT_COLORS[x.key] } : undefined} />
          </Card>
        </Col>
      ))}
      <Col xs={24} md={16} xl={4} className="import-stat-note">
        <Typography.Text type="secondary">
          共 {c.rows} 户{view.errorCount ? `，错误 ${view.errorCount} 处` : ''}
        </Typography.Text>
      </Col>
    </Row>
  );
}

export default function ImportCheckStep({ view, onChange }: { view: ImportView; onChange: (v: ImportView) => void }) {
  const { modal, message } = App.useApp();
  const user = useSessionUser();
  // the city union sees everyone's imports, but only the uploader confirms or cancels (server rule)
  const mine = view.createdBy.id === user.id;
  const c = view.counts;
  const hasErrors = c.error > 0;
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const [busy, setBusy] = useState<'commit' | 'cancel' | null>(null);
  const block = mine ? commitBlock(c, goodRowsOnly) : `该导入由 ${view.createdBy.displayName} 上传，只有上传人可以确认导入或取消`;
  const [tab, setTab] = useState<string>(hasErrors ? 'error' : c.new ? 'new' : c.changed ? 'changed' : 'unchanged');

  function onCommit() {
    const plan = commitPlan(c);
    modal.confirm({
      title: '确认导入',
      content: (
        <div data-testid="import-confirm-text">
          <p>{commitSentence(c)}</p>
        </div>
      ),
      okText: `确认导入 ${plan.create + plan.update} 户`,
      cancelText: '再看看',
      onOk: async () => {
        setBusy('commit');
        try {
          onChange(await commitImport(view.id, goodRowsOnly));
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(null);
        }
      },
    });
  }

  async function onCancel() {
    setBusy('cancel');
    try {
      onChange(await cancelImport(view.id));
      message.info('已取消本次导入，未写入任何档案');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const tabs = [
    { key: 'error', label: `有错误（${c.error}）`, children: <ImportErrorsTable importId={view.id} /> },
    { key: 'new', label: `新增（${c.new}）`, children: <ImportRowsTable importId={view.id} status="new" /> },
    { key: 'changed', label: `变更（${c.changed}）`, children: <ImportRowsTable importId={view.id} status="changed" /> },
    { key: 'unchanged', label: `无变化（${c.unchanged}）`, children: <ImportRowsTable importId={view.id} status="unchanged" /> },
  ];

  return (
    <div className="import-check">
      <Stats view={view} />
      {/* a checked import keeps a note when its last confirmation was cut short (nothing was written) */}
      {view.fileError && <Alert type="warning" showIcon className="import-check-alert" message={view.fileError} />}
      <Alert showIcon className="import-check-alert" data-testid="import-outcome" {...checkOutcome(c, view.errorCount)} />
      {/* an empty file has nothing to list */}
      {c.rows > 0 && <Tabs id="import-tabs" activeKey={tab} onChange={setTab} items={tabs} destroyOnHidden />}
      <div className="import-actions" data-testid="import-actions">
        <Space wrap size={16}>
          <Checkbox id="import-good-only" checked={goodRowsOnly} disabled={!mine || !hasErrors || busy !== null} onChange={(e) => setGoodRowsOnly(e.target.checked)}>
            只导入无错误的行
          </Checkbox>
          <Tooltip title={block}>
            <Button type="primary" icon={<CheckOutlined />} id="import-commit" disabled={!!block || busy !== null} loading={busy === 'commit'} onClick={onCommit}>
              确认导入
            </Button>
          </Tooltip>
          <Button icon={<CloseOutlined />} id="import-cancel" disabled={!mine || busy !== null} loading={busy === 'cancel'} onClick={onCancel}>
            取消
          </Button>
        </Space>
        {block && (
          <Typography.Text type="secondary" data-testid="import-commit-block">
            {block}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
