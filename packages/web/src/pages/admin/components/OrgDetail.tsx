// 组织详情: the selected organization, its parent and 基层工会 count, what may be done with it, and
// its commendations over the years.
import { Button, Card, Descriptions, Empty, Space, Switch, Tag, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, PlusOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { ORG_KIND_LABELS, type Org } from '../../../api/orgs';
import DeactivateConfirm from '../../../components/DeactivateConfirm';
import { Honors } from '../../../components/Honors';

const KIND_COLORS: Record<Org['kind'], string> = { city: 'geekblue', region: 'blue', unit: 'default' };

interface Props {
  selected: Org | null;
  parent: Org | undefined;
  unitCounts: Map<string, number>;
  busy: boolean;
  onRename: () => void;
  onMove: () => void;
  onNewHere: (regionCode: string) => void;
  onToggle: (o: Org) => Promise<void> | void;
  /** 大中型企事业单位 on or off (units) */
  onLargeEnterprise: (o: Org, on: boolean) => Promise<void> | void;
}

export function OrgDetail({ selected, parent, unitCounts, busy, onRename, onMove, onNewHere, onToggle, onLargeEnterprise }: Props) {
  return (
    <Card variant="borderless" className="org-detail-card" title="组织详情" id="org-detail">
      {!selected ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="在组织机构树中选择一个组织" />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
            <Descriptions.Item label="名称">{selected.name}</Descriptions.Item>
            <Descriptions.Item label="代码">
              <span className="mono">{selected.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label="类型">
              <Tag color={KIND_COLORS[selected.kind]}>{ORG_KIND_LABELS[selected.kind]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="上级组织">{parent ? `${parent.name}（${parent.code}）` : '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <span data-testid="org-detail-status">{selected.active ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>}</span>
            </Descriptions.Item>
            {selected.kind !== 'unit' && <Descriptions.Item label="基层工会">{unitCounts.get(selected.code) ?? 0} 个</Descriptions.Item>}
            {selected.kind === 'unit' && (
              <Descriptions.Item label="大中型企事业单位">
                <Space size={8} wrap>
                  <Switch
                    id="org-large-enterprise"
                    checked={selected.largeEnterprise}
                    loading={busy}
                    checkedChildren="是"
                    unCheckedChildren="否"
                    onChange={(on) => void onLargeEnterprise(selected, on)}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    专项行动中默认单独上报
                  </Typography.Text>
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              icon={<EditOutlined />}
              id="org-rename"
              onClick={onRename}
            >
              重命名
            </Button>
            {selected.kind === 'unit' && (
              <Button
                icon={<SwapOutlined />}
                id="org-move"
                onClick={onMove}
              >
                调整到其他县（市、区）
              </Button>
            )}
            {selected.kind === 'region' && selected.active && (
              <Button icon={<PlusOutlined />} onClick={() => onNewHere(selected.code)} id="org-new-here">
                在此新建基层工会
              </Button>
            )}
            {selected.kind !== 'city' &&
              (selected.active ? (
                <DeactivateConfirm name={selected.name} description="停用后不能再在该组织下建档、新建用户或基层工会；已有档案和用户不受影响。" okId="org-toggle-ok" onConfirm={() => onToggle(selected)}>
                  <Button danger icon={<StopOutlined />} id="org-toggle" loading={busy}>
                    停用
                  </Button>
                </DeactivateConfirm>
              ) : (
                <Button icon={<CheckCircleOutlined />} id="org-toggle" loading={busy} onClick={() => void onToggle(selected)}>
                  启用
                </Button>
              ))}
          </Space>
          {selected.kind === 'unit' && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              基层工会下有在册档案时不能调整到其他县（市、区）：档案的职工编号按地区编号。
            </Typography.Paragraph>
          )}
          {selected.kind !== 'city' && <Honors key={selected.code} subject={{ orgCode: selected.code }} title={<Typography.Title level={5} style={{ marginTop: 16 }}>表彰</Typography.Title>} />}
        </>
      )}
    </Card>
  );
}
