// 待办: what waits for the signed-in user (GET /api/todos), each a link to the page where it is
// done; in the header's popover and on the 工作台.
import { Link } from 'react-router';
import { Badge, Empty, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import type { TodoItem } from '../api/campaigns';

export function TodoItems({ items, onOpen }: { items: TodoItem[]; onOpen?: () => void }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />;
  return (
    <ul className="todo-items">
      {items.map((t) => (
        <li key={`${t.kind}:${t.link}`} data-kind={t.kind}>
          <Link to={t.link} onClick={onOpen} className="todo-item">
            <span className="todo-item-title">
              {t.title}
              {t.oldestDays !== null && t.oldestDays > 0 && (
                <Typography.Text type={t.oldestDays > 7 ? 'danger' : 'secondary'} className="todo-item-days">
                  最久 {t.oldestDays} 天
                </Typography.Text>
              )}
            </span>
            <Badge count={t.count} overflowCount={999} showZero color={t.count ? '#fa541c' : '#d9d9d9'} />
            <RightOutlined className="todo-item-arrow" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
