// The 低保标准 tab: the ratios, the lines per region and year (inputs for city users), the
// pending changes beside them, the what-if preview, and the re-identification a save started.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Segmented, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { todayInChina } from '@bangfu/core';
import type { MissingLine, Policy } from '../../api/policy';
import { useMissingLines } from '../../api/queries/policy';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { addLine, lineInputId, lineKey, mergedRows, type LineRow } from './changeSet';
import { lineColumns } from './lineColumns';
import { usePolicyEditor } from './hooks/usePolicyEditor';
import { AddLineModal } from './components/AddLineModal';
import { MissingLinesAlert } from './components/MissingLinesAlert';
import { PendingPanel } from './components/PendingPanel';
import { RatioCard } from './components/RatioCard';
import { JobProgressPanel } from './JobProgress';
import { PreviewResult } from './PreviewResult';

export const EXAMPLE_WARNING = '以下为演示用示例标准，并非荆门市正式标准，请市总工会核实后替换';

interface Props {
  policy: Policy;
  canEdit: boolean;
  regionName: (code: string) => string;
  reloadPolicy: () => void;
  refreshing: boolean;
}

export function PolicyEditor({ policy, canEdit, regionName, reloadPolicy, refreshing }: Props) {
  const user = useSessionUser();
  const { regions } = useRegions(user);
  const editor = usePolicyEditor(policy, reloadPolicy);
  const { changes, edit, errors, preview, previewFresh } = editor;
  const [year, setYear] = useState<string>('all');
  const [addOpen, setAddOpen] = useState(false);

  const rows = useMemo(() => mergedRows(policy, changes, regionName), [policy, changes, regionName]);
  const years = useMemo(() => [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a), [rows]);
  const shown = year === 'all' ? rows : rows.filter((r) => String(r.year) === year);
  const yearOptions = [{ value: 'all', label: '全部年度' }, ...years.map((y) => ({ value: String(y), label: `${y} 年` }))];
  const hasExample = policy.lines.some((l) => l.isExample);
  const missing = useMissingLines(policy.version);

  function add(regionCode: string, y: number, monthlyLine: string) {
    edit(addLine(changes, policy, regionCode, y, monthlyLine), lineKey(regionCode, y));
    setAddOpen(false);
    if (year !== 'all' && year !== String(y)) setYear('all');
  }

  /** 补录: each missing pair becomes an added row whose amount is still to be typed */
  function addMissing(items: MissingLine[]) {
    let next = changes;
    for (const m of items) next = addLine(next, policy, m.regionCode, m.year, '');
    edit(next);
    setYear('all');
    const first = items[0];
    if (first) window.setTimeout(() => document.getElementById(lineInputId(first.regionCode, first.year))?.focus(), 50);
  }

  const table = (
    <Card
      size="small"
      variant="outlined"
      className="policy-lines"
      title="各地区城市低保标准"
      extra={
        <Space>
          {/* a few years side by side; more in a drop-down (a row of twenty years widened a phone's page to 800 px) */}
          {years.length > 1 && years.length <= 3 && (
            <Segmented size="small" value={year} onChange={(v) => setYear(String(v))} options={yearOptions} />
          )}
          {years.length > 3 && <Select size="small" value={year} onChange={setYear} options={yearOptions} style={{ width: 110 }} aria-label="年度" />}
          {canEdit && (
            <Button id="policy-add-line" size="small" type="primary" ghost icon={<PlusOutlined />} onClick={() => setAddOpen(true)}>
              新增标准
            </Button>
          )}
        </Space>
      }
    >
      <Table<LineRow>
        id="policy-lines-table"
        rowKey="key"
        size="middle"
        columns={lineColumns({ policy, changes, errors, canEdit, edit })}
        dataSource={shown}
        pagination={false}
        loading={refreshing}
        rowClassName={(r) => `policy-row-${r.state}`}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canEdit ? '尚未配置低保标准，请点击「新增标准」' : '尚未配置低保标准'} /> }}
      />
    </Card>
  );

  return (
    <div className="policy-editor">
      {hasExample && <Alert type="error" showIcon className="policy-example-alert" message={EXAMPLE_WARNING} data-testid="policy-example-alert" style={{ marginBottom: 12 }} />}
      {missing.data && (
        <MissingLinesAlert
          items={missing.data.items}
          currentYear={missing.data.currentYear}
          canEdit={canEdit}
          pending={(code, y) => !!changes.lines[lineKey(code, y)]}
          onAdd={addMissing}
        />
      )}
      {!canEdit && <Alert type="info" showIcon message="低保标准由市总工会统一设置和调整，您可以查看，不能修改。" style={{ marginBottom: 12 }} data-testid="policy-readonly" />}
      {editor.jobId !== null && (
        <Card size="small" variant="outlined" className="policy-job-card">
          <JobProgressPanel jobId={editor.jobId} regionName={regionName} onClose={editor.closeJob} />
        </Card>
      )}
      <div className={canEdit ? 'policy-grid' : undefined}>
        <div className="policy-main">
          <RatioCard policy={policy} changes={changes} errors={errors} canEdit={canEdit} edit={edit} />
          {table}
          {/* beside the sticky change panel, so 「保存并重新识别」 stays in sight while reading it */}
          {preview && (
            <div ref={editor.previewRef} className="policy-preview-anchor">
              <Card size="small" variant="outlined" className="policy-preview-card" title="影响预览（尚未保存）">
                <PreviewResult preview={preview.data} stale={!previewFresh} regionName={regionName} />
              </Card>
            </div>
          )}
        </div>
        {canEdit && (
          <div className="policy-side">
            <PendingPanel editor={editor} regionName={regionName} />
          </div>
        )}
      </div>

      <AddLineModal
        open={addOpen}
        year={years[0] ?? Number(todayInChina().slice(0, 4))}
        policy={policy}
        changes={changes}
        regions={regions}
        regionName={regionName}
        onAdd={add}
        onCancel={() => setAddOpen(false)}
      />
    </div>
  );
}
