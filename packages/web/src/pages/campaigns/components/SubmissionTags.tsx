// A submission's state (未上报 / 已上报 / 已退回 / 已接收) and its timeliness (按时 / 逾期) as tags;
// `label` words the state otherwise (a 调研报告 is 已报送).
import { Space, Tag } from 'antd';
import type { SubmissionState } from '@bangfu/core';
import { onTimeText, SUBMISSION_STATE_COLORS, submissionStateText } from '../campaignText';

export function SubmissionStateTag({ state, onTime, label }: { state: SubmissionState; onTime?: boolean | null; label?: string }) {
  const timely = onTimeText(onTime);
  return (
    <Space size={4} className="submission-tags" data-state={state}>
      <Tag color={SUBMISSION_STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
        {label ?? submissionStateText(state)}
      </Tag>
      {timely && (
        <Tag color={onTime ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} data-on-time={String(onTime)}>
          {timely}
        </Tag>
      )}
    </Space>
  );
}
