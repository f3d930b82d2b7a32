// 待办 in the header: a bell with the number of things waiting (GET /api/todos, read every minute
// and on each page change), opening the list of them. A convenience: a failure shows a bare bell.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTodos } from '../../api/queries/campaigns';
import { TodoItems } from '../../components/TodoItems';

export function TodoBell() {
  const todos = useTodos();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const { refetch } = todos;
  // a page change may follow a change of what waits (a review, a submission); the first page has just read it
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else void refetch();
  }, [pathname, refetch]);
  const total = todos.data?.total ?? 0;
  const content = (
    <div className="todo-popover" data-testid="todo-popover">
      {todos.data ? <TodoItems items={todos.data.items} onOpen={() => setOpen(false)} /> : <Spin size="small" />}
      <div className="todo-popover-foot">
        <Link to="/" onClick={() => setOpen(false)}>
          打开工作台
        </Link>
      </div>
    </div>
  );
  return (
    <Popover content={content} title="待办事项" trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button type="text" id="todo-bell" className="app-logout app-todo-bell" aria-label={total ? `待办事项 ${total} 项` : '待办事项'}>
        <Badge count={total} overflowCount={99} size="small" offset={[6, -2]} data-testid="todo-count">
          <span className="app-todo-inner">
            <BellOutlined className="app-todo-icon" />
            <span className="app-todo-text">待办</span>
          </span>
        </Badge>
      </Button>
    </Popover>
  );
}
