import { Badge, Tag } from 'antd';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '@bangfu/core';

const CATEGORY_COLORS: Record<string, string> = { 低保户: 'volcano', 低保边缘户: 'gold', 意外致困户: 'geekblue' };

export function CategoryTag({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Tag color={CATEGORY_COLORS[value] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {value}
    </Tag>
  );
}

export function StatusBadge({ value }: { value: HouseholdStatus }) {
  return <Badge status={value === 'active' ? 'success' : 'default'} text={HOUSEHOLD_STATUS_LABELS[value] ?? value} />;
}
