// 帮扶计划 (因户施策): the urgency score with its parts and batch, the measures the household's
// causes call for (with reasons), and the plan — measures with target dates, status and outcome —
// edited in place by the unions that keep the file.
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Table, Typography } from 'antd';
import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import type { Measure, Plan, PlanItem } from '../../api/assistance';
import { errorMessage } from '../../api/request';
import type { PlanRow } from '../../lib/assistance';
import { usePlanEditor } from './hooks/usePlanEditor';
import { editColumns, viewColumns } from './planColumns';
import { PlanRecommendations, PlanUrgency } from './components/PlanTop';

interface Props {
  householdId: number;
  plan: Plan | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  onSaved: (p: Plan) => void;
  catalog: Measure[];
  canEdit: boolean;
}

export default function PlanCard({ householdId, plan, loading, error, reload, onSaved, catalog, canEdit }: Props) {
  const editor = usePlanEditor(householdId, plan, catalog, onSaved);
  const { rows, editing, formError, busy } = editor;

  return (
    <Card
      className="assist-card"
      variant="borderless"
      title="帮扶计划（因户施策）"
      id="household-plan"
      extra={
        canEdit && plan && !editing ? (
          <Button id="plan-edit" icon={<EditOutlined />} onClick={editor.startEdit}>
            {plan.items.length ? '编辑计划' : '制定计划'}
          </Button>
        ) : null
      }
    >
      {error && !plan ? (
        <Alert type="error" showIcon message="帮扶计划加载失败" description={errorMessage(error)} action={<Button size="small" onClick={reload}>重试</Button>} />
      ) : !plan ? (
        <Table loading={loading} dataSource={[]} columns={[]} />
      ) : (
        <>
          <Row gutter={[16, 16]} className="plan-top">
            <Col xs={24} lg={10}>
              <PlanUrgency plan={plan} />
            </Col>
            <Col xs={24} lg={14}>
              <PlanRecommendations plan={plan} planned={editor.planned} />
            </Col>
          </Row>
          <div className="plan-section-title" style={{ marginTop: 16 }}>
            帮扶措施{!editing && plan.items.length > 0 && <Typography.Text type="secondary">（{plan.items.length} 项）</Typography.Text>}
          </div>
          {editing ? (
            <>
              {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 8 }} data-testid="plan-error" />}
              <Table<PlanRow>
                id="plan-table"
                rowKey="measure"
                size="small"
                pagination={false}
                columns={editColumns(editor)}
                dataSource={rows ?? []}
                scroll={{ x: 'max-content' }}
                onRow={(r) => ({ 'data-measure': r.measure }) as React.HTMLAttributes<HTMLElement>}
                locale={{ emptyText: '计划中还没有措施，请在下方添加' }}
              />
              <div className="plan-edit-bar">
                <Select
                  id="plan-add"
                  showSearch
                  value={null}
                  placeholder="添加措施（从措施目录中选择）"
                  options={editor.addOptions}
                  onChange={(v: string) => editor.addMeasure(v)}
                  optionFilterProp="label"
                  className="plan-add-select"
                />
                <Space>
                  <Button onClick={editor.cancel} disabled={busy}>
                    取消
                  </Button>
                  <Button id="plan-save" type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void editor.save()}>
                    保存计划
                  </Button>
                </Space>
              </div>
            </>
          ) : plan.items.length ? (
            <Table<PlanItem>
              id="plan-table"
              rowKey="measure"
              size="small"
              pagination={false}
              columns={viewColumns}
              dataSource={plan.items}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ 'data-measure': r.measure }) as React.HTMLAttributes<HTMLElement>}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canEdit ? '尚未制定帮扶计划，点击「制定计划」，推荐措施会默认选中' : '尚未制定帮扶计划'} />
          )}
        </>
      )}
    </Card>
  );
}
