// What-if of a pending change (POST /api/policy/preview): nothing is saved yet.
import { useMemo } from 'react';
import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { PairImpact, PolicyPreview } from '../../api/policy';
import { ChangedFilesTable, type ChangedFileRow } from '../identification/Outcome';
import { changeText, plainYuan } from './changeSet';

const STATS: { key: keyof Pick<PolicyPreview, 'files' | 'eligibilityChanged' | 'becomeEligible' | 'becomeIneligible' | 'categoryChanged'>; title: string; tone?: string }[] = [
  { key: 'files', title: '涉及档案' },
  { key: 'eligibilityChanged', title: '识别结果变化', tone: 'primary' },
  { key: 'becomeEligible', title: '新增符合', tone: 'success' },
  { key: 'becomeIneligible', title: '转为不符合', tone: 'danger' },
  { key: 'categoryChanged', title: '建议类别变化', tone: 'warning' },
];

const TONE_COLORS: Record<string, string> = { primary: '#1677ff', success: '#389e0d', danger: '#cf1322', warning: '#d48806' };

export function PreviewResult({ preview, stale, regionName }: { preview: PolicyPreview; stale: boolean; regionName: (code: string) => string }) {
  const samples: ChangedFileRow[] = useMemo(() => preview.samples.map((s) => ({ ...s, regionName: s.regionName || regionName(s.regionCode) })), [preview.samples, regionName]);
  const pairColumns: TableProps<PairImpact>['columns'] = [
    { title: '地区', dataIndex: 'regionName', key: 'regionName', render: (v: string, r) => v || regionName(r.regionCode) },
    { title: '年度', dataIndex: 'year', key: 'year', render: (v: number) => `${v} 年` },
    { title: '修改后每月标准(元)', dataIndex: 'monthlyLine', key: 'monthlyLine', align: 'right', render: (v: number | null) => (v === null ? <Typography.Text type="warning">未配置</Typography.Text> : <span className="num">{plainYuan(v)}</span>) },
    { title: '涉及档案', dataIndex: 'files', key: 'files', align: 'right' },
    { title: '识别结果变化', dataIndex: 'eligibilityChanged', key: 'eligibilityChanged', align: 'right' },
    { title: '新增符合', dataIndex: 'becomeEligible', key: 'becomeEligible', align: 'right', render: (v: number) => (v ? <Typography.Text type="success">{v}</Typography.Text> : 0) },
    { title: '转为不符合', dataIndex: 'becomeIneligible', key: 'becomeIneligible', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
    { title: '建议类别变化', dataIndex: 'categoryChanged', key: 'categoryChanged', align: 'right' },
  ];
  return (
    <div className={stale ? 'preview-result stale' : 'preview-result'} data-testid="policy-preview-result">
      {stale && (
        <Alert type="warning" showIcon message="修改内容已变化，以下为上一次预览的结果，请重新预览影响后再保存" style={{ marginBottom: 12 }} data-testid="policy-preview-stale" />
      )}
      <div className="preview-changes">
        <Typography.Text type="secondary">预览的修改：</Typography.Text>
        {preview.changes.length ? preview.changes.map((c, i) => <span key={i} className="preview-change-item">{changeText(c, regionName)}</span>) : '无'}
      </div>
      <Row gutter={16} className="preview-stats">
        {STATS.map((s) => (
          <Col key={s.key} flex="1 1 0">
            <Statistic
              title={s.title}
              value={preview[s.key]}
              suffix="户"
              valueStyle={s.tone && preview[s.key] > 0 ? { color: TONE_COLORS[s.tone] } : undefined}
              data-testid={`preview-${s.key}`}
            />
          </Col>
        ))}
      </Row>
      <div className="section-title">按地区、年度</div>
      <div data-testid="preview-by-pair">
        {/* a phone scrolls the table in its box rather than wrapping 修改内容 every few characters */}
        <Table<PairImpact> rowKey={(r) => `${r.regionCode}_${r.year}`} size="small" scroll={{ x: 640 }} columns={pairColumns} dataSource={preview.byPair} pagination={false} />
      </div>
      <div className="section-title">
        识别结果或建议类别将变化的档案
        {preview.samplesTruncated && <Typography.Text type="secondary" className="section-note">（仅列出前 {preview.samples.length} 户）</Typography.Text>}
      </div>
      <ChangedFilesTable rows={samples} testId="preview-samples" />
    </div>
  );
}
