import { Badge, Tag, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { BadgeProps } from 'antd';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '@bangfu/core';
import { eligibleText } from '../lib/identification';

const CATEGORY_COLORS: Record<string, string> = { 低保户: 'volcano', 低保边缘户: 'gold', 意外致困户: 'geekblue' };

export function CategoryTag({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Tag color={CATEGORY_COLORS[value] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {value}
    </Tag>
  );
}

/**
 * The six statuses: 草稿 plain, the two review steps blue (in progress), 已建档 green, 已剔除
 * grey, 已脱困 cyan.
 */
export const STATUS_LOOK: Record<HouseholdStatus, { badge?: BadgeProps['status']; color: string }> = {
  draft: { badge: 'default', color: 'default' },
  submitted: { badge: 'processing', color: 'processing' },
  unitApproved: { badge: 'processing', color: 'processing' },
  filed: { badge: 'success', color: 'success' },
  removed: { badge: 'default', color: 'default' },
  exited: { color: 'cyan' },
};

export function statusLabel(value: string): string {
  return HOUSEHOLD_STATUS_LABELS[value as HouseholdStatus] ?? value;
}

/** In tables: a dot and the label. */
export function StatusBadge({ value }: { value: HouseholdStatus }) {
  const look = STATUS_LOOK[value];
  const text = <span data-status={value}>{statusLabel(value)}</span>;
  if (!look) return <Badge status="default" text={text} />;
  return look.badge ? <Badge status={look.badge} text={text} /> : <Badge color={look.color} text={text} />;
}

/** In page titles: a tag. */
export function StatusTag({ value }: { value: HouseholdStatus }) {
  const look = STATUS_LOOK[value];
  return (
    <Tag color={look?.color ?? 'default'} data-status={value} style={{ marginInlineEnd: 0 }}>
      {statusLabel(value)}
    </Tag>
  );
}

/** 识别结果 as a Badge: 符合 green, 不符合 red, 无法判定 orange. */
export function EligibleBadge({ value }: { value: boolean | null | undefined }) {
  const status = value === true ? 'success' : value === false ? 'error' : 'warning';
  return <Badge status={status} text={eligibleText(value)} />;
}

/** The list's 数据提示 column: how many data-quality warnings a file carries. */
export function WarningCountTag({ value }: { value: number }) {
  return value > 0 ? (
    <Tooltip title={`有 ${value} 项数据提示，请在详情中核对`}>
      <Tag color="warning" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {value}
      </Tag>
    </Tooltip>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}
