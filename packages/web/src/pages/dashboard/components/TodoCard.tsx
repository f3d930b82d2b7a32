// 我的待办 on the 工作台 (the header's bell lists the same).
import { Alert, Card, Skeleton } from 'antd';
import { useTodos } from '../../../api/queries/campaigns';
import { errorMessage } from '../../../api/request';
import { TodoItems } from '../../../components/TodoItems';

/** `hideWhenEmpty`: nothing at all while nothing waits (the city's 工作台 has enough to show). */
export function TodoCard({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const todos = useTodos();
  if (hideWhenEmpty && (!todos.data || todos.data.items.length === 0)) return null;
  return (
    <Card variant="borderless" className="dashboard-card" title={`我的待办${todos.data ? `（${todos.data.total}）` : ''}`} id="dashboard-todos">
      {todos.error ? (
        <Alert type="error" showIcon message="待办事项加载失败" description={errorMessage(todos.error)} />
      ) : todos.data ? (
        <TodoItems items={todos.data.items} />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      )}
    </Card>
  );
}
