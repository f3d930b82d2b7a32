// The pieces every list page shows around its table: the toolbar (title, 共 N 户, actions), the
// 刷新 button, the load error with 重试, and the footer bar of a batch selection.
import type { CSSProperties, ReactNode } from 'react';
import { Alert, Button, Pagination, Space, Tooltip, Typography, type PaginationProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/request';

export function ReloadButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip title="刷新">
      <Button icon={<ReloadOutlined />} onClick={() => onClick()} aria-label="刷新" />
    </Tooltip>
  );
}

interface ToolbarProps {
  title: ReactNode;
  /** 共 N 户 beside the title, once known */
  total?: number;
  unit?: string;
  totalTestId?: string;
  children?: ReactNode;
}

export function ListToolbar({ title, total, unit = '户', totalTestId, children }: ToolbarProps) {
  return (
    <div className="table-toolbar">
      <div className="table-toolbar-title">
        {title}
        {total !== undefined && (
          <Typography.Text type="secondary" className="table-total" data-testid={totalTestId}>
            共 {total.toLocaleString('zh-CN')} {unit}
          </Typography.Text>
        )}
      </div>
      {children}
    </div>
  );
}

export function LoadError({ error, title, onRetry, style }: { error: unknown; title: string; onRetry: () => void; style?: CSSProperties }) {
  if (error == null) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={title}
      description={errorMessage(error)}
      action={<Button onClick={() => onRetry()}>重试</Button>}
      style={{ marginBottom: 12, ...style }}
    />
  );
}

interface FooterProps {
  count: number;
  /** 户 or 项 */
  unit: string;
  testId: string;
  countTestId?: string;
  onClear: () => void;
  children: ReactNode;
}

/** The bar at the bottom while rows are selected: 已选择 N 户 · 取消选择 · the batch buttons. */
export function BatchFooter({ count, unit, testId, countTestId, onClear, children }: FooterProps) {
  if (count === 0) return null;
  return (
    <div className="footer-toolbar" data-testid={testId}>
      <div className="footer-toolbar-left">
        <span data-testid={countTestId}>
          已选择<span className="footer-toolbar-count">{count}</span>
          {unit}
        </span>
        <Button type="link" size="small" onClick={onClear} style={{ padding: 0 }}>
          取消选择
        </Button>
      </div>
      <Space>{children}</Space>
    </div>
  );
}

/**
 * The pager under a list of cards (重复档案, 低保核对): the list page's own pagination, simple and
 * centred on a phone.
 */
export function CardListPagination({ pagination, phone, onChange }: {
  pagination: PaginationProps;
  phone: boolean;
  onChange: (page: { current: number; pageSize: number }) => void;
}) {
  return (
    <Pagination
      className="card-list-pagination"
      align={phone ? 'center' : 'end'}
      simple={phone}
      current={pagination.current}
      pageSize={pagination.pageSize}
      total={pagination.total}
      showSizeChanger={!phone}
      pageSizeOptions={pagination.pageSizeOptions}
      showTotal={phone ? undefined : pagination.showTotal}
      onChange={(current, pageSize) => onChange({ current, pageSize })}
    />
  );
}
