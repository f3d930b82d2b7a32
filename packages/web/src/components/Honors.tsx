// 荣誉: the approved commendations of one organization or one person over the years (the year's
// title and, for a unit, its assessment), for the pages that show that organization or user.
import type { ReactNode } from 'react';
import { Empty, Tag, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useCommendations } from '../api/queries/assessment';
import { errorMessage } from '../api/request';
import { honorsOf, type HonorSubject } from '../lib/honors';

interface Props {
  subject: HonorSubject;
  /** nothing at all while loading, on failure or when there is none (the 工作台) */
  hideWhenEmpty?: boolean;
  /** shown above the list when there is something to show */
  title?: ReactNode;
}

export function Honors({ subject, hideWhenEmpty, title }: Props) {
  const q = useCommendations(subject.username !== undefined ? { username: subject.username } : { orgCode: subject.orgCode });
  const items = q.data ? honorsOf(q.data.items, subject) : [];
  if (hideWhenEmpty && !items.length) return null;
  return (
    <div className="honors" data-testid="honors">
      {title}
      {q.error != null ? (
        <Typography.Text type="secondary">表彰加载失败：{errorMessage(q.error)}</Typography.Text>
      ) : !q.data ? (
        <Typography.Text type="secondary">正在加载…</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无表彰" style={{ margin: '8px 0' }} />
      ) : (
        <ul className="honors-list">
          {items.map((c) => (
            <li key={c.id} data-year={c.year}>
              <TrophyOutlined className="honors-icon" />
              <span className="num">{c.year}</span> 年度 <b>{c.title}</b>
              {c.kind === 'org' && c.assessment?.rank != null && <Tag style={{ marginInlineStart: 8 }}>考核第 {c.assessment.rank} 名</Tag>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
