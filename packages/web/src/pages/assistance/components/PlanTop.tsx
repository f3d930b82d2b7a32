// The top of the plan card: the urgency score with its parts and batch, and the measures the
// household's causes call for (with reasons).
import { List, Space, Tag, Typography } from 'antd';
import type { Plan } from '../../../api/assistance';
import { BatchTag } from '../assistanceParts';

export function PlanUrgency({ plan }: { plan: Plan }) {
  const u = plan.urgency ?? null;
  return (
    <div className="plan-urgency" data-testid="plan-urgency" data-score={u?.score ?? ''} data-batch={u?.batch ?? ''}>
      <div className="plan-urgency-head">
        <span className="plan-urgency-label">困难程度评分</span>
        <span className="plan-urgency-score">{u ? u.score : '—'}</span>
        <span className="plan-urgency-unit">分</span>
        {u?.batch ? <BatchTag batch={u.batch} /> : <Tag>未分批</Tag>}
      </div>
      {u && u.parts.length > 0 ? (
        <ul className="plan-urgency-parts">
          {u.parts.map((p) => (
            <li key={p.factor} data-factor={p.factor}>
              <span className="plan-part-label">{p.label}</span>
              <span className="plan-part-points">+{p.points}</span>
              <Typography.Text type="secondary" className="plan-part-detail">
                {p.detail}
              </Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{u ? '各项因素均未计分' : '该户尚未评分（建档后由系统计算）'}</Typography.Text>
      )}
    </div>
  );
}

export function PlanRecommendations({ plan, planned }: { plan: Plan; planned: Set<string> }) {
  const recs = plan.recommendations ?? [];
  return (
    <div className="plan-recs" data-testid="plan-recommendations">
      <div className="plan-section-title">
        推荐措施 <Typography.Text type="secondary">（按致困原因推荐{!plan.items.length ? '，制定计划时默认选中' : ''}）</Typography.Text>
      </div>
      {recs.length ? (
        <List
          size="small"
          dataSource={recs}
          renderItem={(r) => (
            <List.Item key={r.measure} data-recommendation={r.measure} className="plan-rec">
              <div>
                <Space size={6} wrap>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Tag bordered={false}>{r.category}</Tag>
                  {planned.has(r.measure) && <Tag color="success">已列入计划</Tag>}
                </Space>
                <div className="plan-rec-reason">{r.reason}</div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">没有按致困原因推荐的措施，可从措施目录中自行选择。</Typography.Text>
      )}
    </div>
  );
}
