// Where a file stands in its lifecycle (草稿 → 单位工会审核 → 市总工会审核 → 已建档, then 已剔除 /
// 已脱困), with each level's opinion of this round, and what the page says when there is nothing to do.
import type { ReactNode } from 'react';
import { Typography } from 'antd';
import type { HouseholdFile, ReviewLevel } from '../../../api/households';
import { dateTimeText } from '../../../lib/format';
import { DECISION_LABELS, type OpinionBox } from '../../../lib/opinions';

export function stepIndex(status: HouseholdFile['status']): number {
  switch (status) {
    case 'draft':
      return 0;
    case 'submitted':
      return 1;
    case 'unitApproved':
      return 2;
    case 'filed':
      return 3;
    default:
      return 4;
  }
}

function opinionLine(box: OpinionBox | null): ReactNode {
  if (!box || !box.current) return null;
  const o = box.opinion;
  return (
    <span>
      {DECISION_LABELS[o.decision]} · {o.authorName}
      <br />
      {dateTimeText(o.at)}
    </span>
  );
}

export function lifecycleSteps(h: HouseholdFile, boxes: Record<ReviewLevel, OpinionBox | null>) {
  const closed = h.status === 'removed' || h.status === 'exited';
  const steps = [
    { title: '填报', description: h.status === 'draft' && h.returnReason ? <Typography.Text type="warning">已被退回，待修改</Typography.Text> : '填报单位提交' },
    { title: '单位工会审核', description: opinionLine(boxes.unit) },
    { title: '市总工会审核', description: opinionLine(boxes.city) },
    { title: '已建档' },
    ...(closed ? [{ title: h.status === 'exited' ? '已脱困' : '已剔除' }] : []),
  ];
  return steps;
}

export function idleText(status: HouseholdFile['status'], ownFile: boolean): string {
  return ownFile
    ? '您是该档案的填报人，不能审核自己填报的档案，请由其他审核人员办理。'
    : status === 'draft'
      ? '草稿，等待填报单位修改后提交审核。'
      : status === 'submitted'
        ? '等待职工所在单位工会（或县区工会）审核。'
        : status === 'unitApproved'
          ? '等待市总工会审核。'
          : status === 'filed'
            ? '已建档，纳入困难职工数据库。'
            : status === 'exited'
              ? '该户已脱困。'
              : '该档案已剔除。';
}
