import { useState } from 'react';
import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import { HOUSEHOLD_STATUS_LABELS, MONEY_FIELDS, labelOfPath, type HouseholdStatus } from '@bangfu/core';
import { HISTORY_ACTION_LABELS, type HistoryAction, type HistoryChange, type HistoryEntry } from '../../api/households';
import { dateTimeText, yuanText } from '../../lib/format';

const MONEY = new Set<string>([...MONEY_FIELDS, 'perCapitaIncome', 'annualIncome']);
const ACTION_COLORS: Record<HistoryAction, string> = {
  create: 'green',
  update: 'blue',
  submit: 'geekblue',
  unitAgree: 'green',
  unitReturn: 'orange',
  cityAgree: 'green',
  cityReturn: 'orange',
  remove: 'red',
  exit: 'cyan',
  reopen: 'purple',
  transfer: 'magenta',
  merge: 'volcano',
};
/** What the entry's text is: the reviewer's opinion, or the reason for the action. */
const REASON_LABELS: Partial<Record<HistoryAction, string>> = {
  update: '修改原因',
  transfer: '转移',
  merge: '合并说明',
  unitAgree: '审核意见',
  unitReturn: '审核意见',
  cityAgree: '审核意见',
  cityReturn: '审核意见',
  remove: '剔除原因',
  exit: '脱困原因',
  reopen: '重新纳入原因',
};
/** The label of an entry's text: a merge says 合并说明 on the kept file, and the removal reason on the file merged away (its status changed). */
function reasonLabel(e: Pick<HistoryEntry, 'action' | 'changes'>): string {
  if (e.action === 'merge' && e.changes.some((c) => c.path === 'status')) return '剔除原因';
  return REASON_LABELS[e.action] ?? '说明';
}
/** Timeline dots take a few named colours; the tags take the preset palette. */
const DOT_COLORS: Record<string, string> = { geekblue: 'blue', orange: '#fa8c16', cyan: '#13c2c2', purple: '#722ed1', magenta: '#eb2f96', volcano: '#fa541c' };
const REVIEW_ACTIONS = new Set<string>(['unitAgree', 'unitReturn', 'cityAgree', 'cityReturn']);

function lastSegment(path: string): string {
  const m = /([A-Za-z]+)(?:\[\d+\])?$/.exec(path);
  return m ? m[1] : path;
}

/** One old or new value in words: 是/否, amounts in 元, lists joined, members by name. */
export function changeValueText(path: string, v: unknown, regionName?: (code: string) => string): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length === 0 ? '（无）' : v.map((x) => changeValueText(path, x, regionName)).join('、');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string') return typeof o.relation === 'string' ? `${o.name}（${o.relation}）` : o.name;
    return JSON.stringify(v);
  }
  if (MONEY.has(lastSegment(path)) && (typeof v === 'number' || typeof v === 'string')) return `${yuanText(v)} 元`;
  if (path === 'status' && typeof v === 'string' && v in HOUSEHOLD_STATUS_LABELS) return HOUSEHOLD_STATUS_LABELS[v as HouseholdStatus];
  // a region or grassroots union by its name (a transfer's 所属地区 and 基层工会, an edit of them)
  if ((lastSegment(path) === 'regionCode' || lastSegment(path) === 'unitId') && typeof v === 'string' && regionName) return regionName(v);
  return String(v);
}

export function changeLabel(c: HistoryChange): string {
  const label = labelOfPath(c.path);
  return label === c.path && c.label ? c.label : label;
}

/** A change that adds without replacing (并入重复档案: the merged file's number): its new value alone. */
const ADDED_ONLY = new Set(['mergedFrom']);

function Changes({ changes, regionName }: { changes: HistoryChange[]; regionName?: (code: string) => string }) {
  return (
    <ul className="history-changes">
      {changes.map((c, i) =>
        ADDED_ONLY.has(c.path) ? (
          <li key={i}>
            <span className="history-field">{changeLabel(c)}</span>：<span className="history-new">{changeValueText(c.path, c.new, regionName)}</span>
          </li>
        ) : (
          <li key={i}>
            <span className="history-field">{changeLabel(c)}</span>：<span className="history-old">{changeValueText(c.path, c.old, regionName)}</span>
            <span className="history-arrow"> → </span>
            <span className="history-new">{changeValueText(c.path, c.new, regionName)}</span>
          </li>
        ),
      )}
    </ul>
  );
}

/** The key of an entry: a merged file's versions are numbered on their own (they sit beside the kept file's). */
export const historyEntryKey = (e: Pick<HistoryEntry, 'version' | 'fromWorkerNo'>) => (e.fromWorkerNo ? `${e.fromWorkerNo}:${e.version}` : String(e.version));

function Entry({ e, regionName }: { e: HistoryEntry; regionName?: (code: string) => string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="history-entry" data-version={e.version} data-action={e.action} data-from-worker-no={e.fromWorkerNo || undefined}>
      <div className="history-head">
        <Tag color={ACTION_COLORS[e.action] ?? 'default'}>{HISTORY_ACTION_LABELS[e.action] ?? e.action}</Tag>
        {e.fromWorkerNo && (
          <Tag data-testid="history-from-worker-no" title={`合并前另一份档案（${e.fromWorkerNo}）的版本`} style={{ marginInlineEnd: 0 }}>
            原档案 <span className="num">{e.fromWorkerNo}</span>
          </Tag>
        )}
        <span className="history-version">第 {e.version} 版</span>
        <Typography.Text type="secondary">{dateTimeText(e.changedAt)}</Typography.Text>
        <span className="history-who">
          {e.changedBy?.displayName}
        </span>
      </div>
      {e.reason && (
        <div className={REVIEW_ACTIONS.has(e.action) ? 'history-reason history-opinion' : 'history-reason'} data-testid={REVIEW_ACTIONS.has(e.action) ? 'history-opinion' : undefined}>
          {reasonLabel(e)}：{e.reason}
        </div>
      )}
      {e.action === 'create' ? (
        e.changes.length > 0 && (
          <>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? '收起初始内容' : `查看初始内容（${e.changes.length} 项）`}
            </Button>
            {open && <Changes changes={e.changes} regionName={regionName} />}
          </>
        )
      ) : e.changes.length > 0 ? (
        <Changes changes={e.changes} regionName={regionName} />
      ) : (
        e.action === 'update' && <Typography.Text type="secondary">没有字段变化</Typography.Text>
      )}
    </div>
  );
}

export function HistoryTimeline({ items, regionName }: { items: HistoryEntry[]; regionName?: (code: string) => string }) {
  if (items.length === 0) return <Empty description="暂无版本记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      className="history-timeline"
      items={items.map((e) => ({
        key: historyEntryKey(e),
        color: DOT_COLORS[ACTION_COLORS[e.action]] ?? ACTION_COLORS[e.action] ?? 'gray',
        children: <Entry e={e} regionName={regionName} />,
      }))}
    />
  );
}
