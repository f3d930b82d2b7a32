// Small pieces shared by the 帮扶 pages: batch and plan-status tags, money text.
import { Tag } from 'antd';
import { BATCH_LABELS, PLAN_STATUS_LABELS, type PlanStatus } from '@bangfu/core';
import { yuanText } from '../../lib/format';

const BATCH_COLORS = ['red', 'orange', 'blue'];

/** 第一批 red, 第二批 orange, 第三批 blue; nothing without a batch. */
export function BatchTag({ batch }: { batch: number | null | undefined }) {
  if (!batch || batch < 1 || batch > 3) return null;
  return (
    <Tag color={BATCH_COLORS[batch - 1]} data-batch={batch} style={{ marginInlineEnd: 0 }}>
      {BATCH_LABELS[batch - 1]}
    </Tag>
  );
}

const PLAN_STATUS_COLORS: Record<PlanStatus, string> = { planned: 'default', inProgress: 'processing', done: 'success', cancelled: 'default' };

export function PlanStatusTag({ value }: { value: PlanStatus }) {
  return (
    <Tag color={PLAN_STATUS_COLORS[value] ?? 'default'} data-status={value} style={{ marginInlineEnd: 0, textDecoration: value === 'cancelled' ? 'line-through' : undefined }}>
      {PLAN_STATUS_LABELS[value] ?? value}
    </Tag>
  );
}

/** Yuan with two decimals, or — for none. */
export function moneyText(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined ? '—' : yuanText(yuan);
}
