// 原数据库户数 (the city union): for each organization that must submit, how many households its old
// database held; the progress table's 覆盖率 divides by it. Saved all at once, or counted from an
// import marked as the old 困难职工数据库 (从原数据库导入取数).
import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { baselinesFromImport, saveBaselines, type Baseline } from '../../../api/campaigns';
import { useImports } from '../../../api/queries/exchange';
import { useBaselines, useInvalidateCampaign } from '../../../api/queries/campaigns';
import { errorMessage } from '../../../api/request';
import { LoadError } from '../../../components/list/ListParts';

export function BaselinesCard({ campaignId }: { campaignId: number }) {
  const { message } = App.useApp();
  const q = useBaselines(String(campaignId));
  const invalidate = useInvalidateCampaign();
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [busy, setBusy] = useState(false);
  const items = q.data?.items ?? [];
  useEffect(() => {
    if (q.data) setDraft(Object.fromEntries(q.data.items.map((b) => [b.orgCode, b.households])));
  }, [q.data]);
  const changed = items.filter((b) => (draft[b.orgCode] ?? null) !== b.households);
  const imports = useImports('baselines');
  const oldDatabases = (imports.data?.items ?? []).filter((i) => i.oldDatabase && i.status === 'committed');
  const [importId, setImportId] = useState<number | null>(null);

  async function fromImport() {
    if (importId === null) return;
    setBusy(true);
    try {
      const r = await baselinesFromImport(campaignId, importId);
      message.success(`已按原数据库导入统计 ${r.items.filter((b) => b.households !== null).length} 个单位的户数`);
      invalidate(campaignId);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    setBusy(true);
    try {
      await saveBaselines(campaignId, items.map((b) => ({ orgCode: b.orgCode, households: draft[b.orgCode] ?? null })));
      message.success('原数据库户数已保存');
      invalidate(campaignId);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      variant="borderless"
      className="table-card campaign-section"
      id="campaign-baselines"
      title="原数据库户数"
      extra={
        <Button type="primary" icon={<SaveOutlined />} onClick={() => void save()} loading={busy} disabled={changed.length === 0} id="baselines-save">
          保存{changed.length ? `（${changed.length} 处修改）` : ''}
        </Button>
      }
    >
      <LoadError error={q.error} title="原数据库户数加载失败" onRetry={() => void q.refetch()} />
      <Table<Baseline>
        size="small"
        rowKey="orgCode"
        loading={q.isFetching}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无上报单位' }}
        columns={[
          { title: '单位', dataIndex: 'orgName', render: (v: string) => <span className="cell-wrap">{v}</span> },
          { title: '代码', dataIndex: 'orgCode', className: 'mono' },
          {
            title: '原数据库户数',
            key: 'households',
            render: (_, b) => (
              <InputNumber
                min={0}
                max={10_000_000}
                precision={0}
                value={draft[b.orgCode] ?? null}
                onChange={(v) => setDraft((d) => ({ ...d, [b.orgCode]: v === null ? null : Number(v) }))}
                placeholder="未填"
                aria-label={`${b.orgName}原数据库户数`}
                data-org={b.orgCode}
                style={{ width: 140 }}
              />
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Select<number>
          id="baselines-import"
          placeholder={oldDatabases.length ? '选择标记为原数据库的导入' : '没有标记为原数据库的已完成导入'}
          value={importId ?? undefined}
          onChange={setImportId}
          options={oldDatabases.map((i) => ({ value: i.id, label: `${i.fileName}（${i.committedAt?.slice(0, 10) ?? ''}，${i.counts.rows} 户）` }))}
          style={{ minWidth: 280 }}
        />
        <Button id="baselines-from-import" onClick={() => void fromImport()} disabled={importId === null} loading={busy}>
          从原数据库导入取数
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        填写各单位原困难职工数据库中的户数，用于计算工作进度中的覆盖率；不清楚的可以不填。
      </Typography.Paragraph>
    </Card>
  );
}
