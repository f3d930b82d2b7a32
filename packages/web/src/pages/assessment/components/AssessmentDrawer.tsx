// 详情 of one organization's assessment: each indicator as the rubric computes it (how, the rule,
// value, score, weight, the numbers behind it), then the weighted score, the manual adjustments
// with their reasons, and the total.
import { Descriptions, Drawer, Empty, Table, Typography } from 'antd';
import type { Adjustment, AssessmentItem, Rubric } from '../../../api/assessment';
import { dateTimeText } from '../../../lib/format';
import { useNarrowerThan } from '../../../lib/useNarrow';
import { pointsText, scoreText } from '../assessmentText';
import { ruleText, toRubricForm } from '../rubricForm';
import { IndicatorFacts } from './IndicatorFacts';

interface Props {
  item: AssessmentItem | null;
  year: number;
  rubric: Rubric | undefined;
  onClose: () => void;
}

const adjustmentColumns = [
  { title: '分值', dataIndex: 'points', key: 'points', align: 'right' as const, render: (v: number) => <span className="num">{pointsText(v)}</span> },
  { title: '理由', dataIndex: 'reason', key: 'reason', render: (v: string) => <span className="cell-wrap">{v}</span> },
  { title: '操作人', dataIndex: 'by', key: 'by' },
  { title: '时间', dataIndex: 'at', key: 'at', className: 'nowrap-cell', render: (v: string) => dateTimeText(v) },
];

export function AssessmentDrawer({ item, year, rubric, onClose }: Props) {
  const narrow = useNarrowerThan('md');
  const rules = new Map(rubric ? toRubricForm(rubric).map((r) => [r.code, r]) : []);
  return (
    <Drawer open={item !== null} onClose={onClose} width={narrow ? '100%' : 640} title={item ? `${item.orgName} · ${year} 年度考核` : ''} destroyOnHidden>
      {item && (
        <div id="assessment-drawer" data-org={item.orgCode}>
          <Descriptions size="small" column={narrow ? 1 : 4} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="排名">{item.rank ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="加权得分">{scoreText(item.base)}</Descriptions.Item>
            <Descriptions.Item label="加减分">{pointsText(item.adjustment)}</Descriptions.Item>
            <Descriptions.Item label="总分">
              <b data-testid="assessment-drawer-total">{scoreText(item.total)}</b>
            </Descriptions.Item>
          </Descriptions>
          {item.indicators.map((ind) => {
            const rule = rules.get(ind.code);
            return (
              <section key={ind.code} className="assessment-drawer-indicator" data-code={ind.code}>
                <Typography.Title level={5} style={{ marginBottom: 4 }}>
                  {ind.name}
                </Typography.Title>
                {rule && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                    {rule.how}
                    <br />
                    计分：{ruleText(rule)}
                  </Typography.Paragraph>
                )}
                <IndicatorFacts ind={ind} />
              </section>
            );
          })}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            加减分
          </Typography.Title>
          {item.adjustments.length ? (
            <Table<Adjustment> id="assessment-adjustments" rowKey="id" size="small" pagination={false} columns={adjustmentColumns} dataSource={item.adjustments} scroll={{ x: 'max-content' }} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无加减分" />
          )}
        </div>
      )}
    </Drawer>
  );
}
