// 截止事项: each deadline with its kind, day and the days left; with `own`, the user's
// organization's state for it (未上报 / 已上报 …, 按时 / 逾期).
import { Space, Tag, Typography } from 'antd';
import { DEADLINE_KIND_LABELS } from '@bangfu/core';
import type { Deadline, SubmissionStateView } from '../../../api/campaigns';
import { daysLeftColor, daysLeftText } from '../campaignText';
import { SubmissionStateTag } from './SubmissionTags';

type Item = Deadline & { own?: SubmissionStateView | null };

export function DeadlineList({ deadlines }: { deadlines: Item[] }) {
  if (deadlines.length === 0) return <Typography.Text type="secondary">未设置截止事项</Typography.Text>;
  return (
    <ul className="deadline-list">
      {deadlines.map((d) => (
        <li key={d.id} data-deadline-id={d.id}>
          <Space size={[8, 4]} wrap>
            <Tag color={d.kind === 'data' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
              {DEADLINE_KIND_LABELS[d.kind]}
            </Tag>
            <Typography.Text strong>{d.label}</Typography.Text>
            <span className="num">{d.dueDate}</span>
            <Tag color={daysLeftColor(d.daysLeft)} style={{ marginInlineEnd: 0 }} data-testid="days-left">
              {daysLeftText(d.daysLeft)}
            </Tag>
            {d.own && <SubmissionStateTag state={d.own.status} onTime={d.own.onTime} />}
          </Space>
        </li>
      ))}
    </ul>
  );
}
