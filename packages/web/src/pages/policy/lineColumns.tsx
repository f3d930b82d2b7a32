// The table of lines: 年度, 地区 with what the pending edits do to it, the monthly amount (an input
// for city users), the yearly amount, who changed it last, and 删除 / 撤销.
import { Button, Input, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { formatYuan, parseYuan } from '@bangfu/core';
import type { Policy } from '../../api/policy';
import { dateTimeText } from '../../lib/format';
import { lineAmountWarning, lineInputId, plainYuan, removeLine, setLineAmount, undoLine, type ChangeErrors, type ChangeSet, type LineRow } from './changeSet';

type Columns = NonNullable<TableProps<LineRow>['columns']>;

interface Options {
  policy: Policy;
  changes: ChangeSet;
  errors: ChangeErrors;
  canEdit: boolean;
  edit: (next: ChangeSet, touched?: string) => void;
}

function AmountCell({ r, policy, changes, errors, canEdit, edit }: Options & { r: LineRow }) {
  const err = errors[r.key];
  if (!canEdit)
    return (
      <span className="num policy-amount-text" data-testid={`policy-amount-${r.key}`}>
        {plainYuan(r.current?.monthlyLine)} <span className="money-suffix">元</span>
      </span>
    );
  return (
    <div className="policy-amount-cell">
      <Input
        id={lineInputId(r.regionCode, r.year)}
        value={r.amountText}
        disabled={r.state === 'removed'}
        status={err ? 'error' : undefined}
        inputMode="decimal"
        autoComplete="off"
        maxLength={12}
        suffix={<span className="money-suffix">元</span>}
        className={`money-input policy-amount-input${r.state === 'changed' || r.state === 'added' ? ' is-changed' : ''}`}
        aria-label={`${r.regionName} ${r.year}年 每月低保标准`}
        aria-invalid={err ? true : undefined}
        onChange={(e) => edit(setLineAmount(changes, policy, r.regionCode, r.year, e.target.value), r.key)}
      />
      {err && <div className="policy-field-error" role="alert">{err}</div>}
      {!err && r.edit && lineAmountWarning(policy, r.edit) && (
        <div className="policy-field-warning" data-testid={`policy-warning-${r.key}`}>
          {lineAmountWarning(policy, r.edit)}
        </div>
      )}
      {r.state === 'changed' && r.current && !err && <div className="policy-was">原 {plainYuan(r.current.monthlyLine)} 元</div>}
    </div>
  );
}

function RowAction({ r, policy, changes, edit }: Options & { r: LineRow }) {
  return r.state === 'unchanged' ? (
    <Button
      type="link"
      danger
      size="small"
      className="link-button"
      icon={<DeleteOutlined />}
      aria-label={`删除 ${r.regionName} ${r.year}年 低保标准`}
      data-testid={`policy-remove-${r.key}`}
      onClick={() => edit(removeLine(changes, policy, r.regionCode, r.year), r.key)}
    >
      删除
    </Button>
  ) : (
    <Button
      type="link"
      size="small"
      className="link-button"
      icon={<UndoOutlined />}
      aria-label={`撤销 ${r.regionName} ${r.year}年 的修改`}
      data-testid={`policy-undo-${r.key}`}
      onClick={() => edit(undoLine(changes, r.regionCode, r.year), r.key)}
    >
      撤销
    </Button>
  );
}

export function lineColumns(o: Options): Columns {
  return [
    { title: '年度', dataIndex: 'year', key: 'year', width: 80, render: (v: number) => `${v} 年` },
    {
      title: '地区',
      dataIndex: 'regionName',
      key: 'regionName',
      render: (v: string, r) => (
        <div className="policy-region">
          <span className={r.state === 'removed' ? 'policy-removed-text' : undefined}>{v}</span>
          {r.current?.isExample && (
            <Tag color="orange" data-testid="policy-example-tag">
              示例
            </Tag>
          )}
          {r.state === 'changed' && <Tag color="blue">已修改</Tag>}
          {r.state === 'added' && <Tag color="green">新增</Tag>}
          {r.state === 'removed' && <Tag color="red">将删除</Tag>}
        </div>
      ),
    },
    { title: '每月低保标准(元/人)', key: 'monthlyLine', width: 170, align: o.canEdit ? 'left' : 'right', render: (_: unknown, r) => <AmountCell {...o} r={r} /> },
    {
      title: '年标准(元/人·年)',
      key: 'annual',
      // a phone shows what is edited: year, region, amount (the table scrolls for the rest)
      responsive: ['sm'],
      align: 'right',
      width: 130,
      render: (_: unknown, r) => {
        const fen = r.state === 'removed' ? null : parseYuan(r.amountText);
        return fen && fen.ok && fen.fen > 0 ? <span className="num policy-annual">{formatYuan(fen.fen * 12)}</span> : <Typography.Text type="secondary">—</Typography.Text>;
      },
    },
    {
      title: '最后修改',
      key: 'updated',
      // beside the change panel it pushed 操作 out of the card below 1600 px; 修改记录 has it all
      responsive: ['xxl'],
      width: 170,
      render: (_: unknown, r) =>
        r.current ? (
          <div className="policy-updated">
            <div>{r.current.updatedBy ?? '系统'}</div>
            <Typography.Text type="secondary">
              {dateTimeText(r.current.updatedAt)} · 第 {r.current.version} 版
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">待保存</Typography.Text>
        ),
    },
    ...(o.canEdit ? ([{ title: '操作', key: 'actions', width: 80, render: (_: unknown, r: LineRow) => <RowAction {...o} r={r} /> }] as Columns) : []),
  ];
}
