// A table in a borderless card (class table-card), as the list pages show them, with the optional
// 合计 row: the props every such table repeated (small, not paged) are its defaults.
import type { CSSProperties, ReactNode } from 'react';
import { Card, Table, type TableProps } from 'antd';

export interface TableCardProps<T> extends Omit<TableProps<T>, 'title'> {
  title?: ReactNode;
  extra?: ReactNode;
  /** added to table-card */
  cardClassName?: string;
  cardStyle?: CSSProperties;
  /** the cells of the 合计 row after its label; no row when absent */
  total?: ReactNode[] | null;
  totalTestId?: string;
  /** no card around the table (it sits in a tab or panel of its own) */
  bare?: boolean;
  /** shown in the card before or after the table */
  before?: ReactNode;
  after?: ReactNode;
}

/**
 * The 合计 row's cells in the order of the table's columns after the first (the label's): one
 * source for both, so a column added above gets its total (or an empty cell), never a shift.
 * `byKey` is by the column's key, else its dataIndex.
 */
export function totalCells<T>(columns: TableProps<T>['columns'], byKey: Record<string, ReactNode>): ReactNode[] {
  return (columns ?? []).slice(1).map((c) => {
    const k = c.key ?? ('dataIndex' in c ? c.dataIndex : undefined);
    return k === undefined ? '' : (byKey[String(k)] ?? '');
  });
}

/** The 合计 row of a table: the label, then each cell right-aligned. */
export function TotalRow({ cells, testId }: { cells: ReactNode[]; testId?: string }) {
  return (
    <Table.Summary.Row className="summary-total-row" data-testid={testId}>
      <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
      {cells.map((c, i) => (
        <Table.Summary.Cell key={i} index={i + 1} align="right">
          {c}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

export default function TableCard<T extends object>({ title, extra, cardClassName, cardStyle, total, totalTestId, bare, before, after, ...table }: TableCardProps<T>) {
  const summary = total ? () => <TotalRow cells={total} testId={totalTestId} /> : undefined;
  const body = <Table<T> size="small" pagination={false} summary={summary} {...table} />;
  if (bare) return body;
  return (
    <Card variant="borderless" title={title} extra={extra} className={cardClassName ? `table-card ${cardClassName}` : 'table-card'} style={cardStyle}>
      {before}
      {body}
      {after}
    </Card>
  );
}
