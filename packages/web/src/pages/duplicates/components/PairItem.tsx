// One pair of files found alike: why (the rule as a tag, what the two share), the two files side by
// side (on a desk a comparison table with a row per field, the fields the rule compared marked; on a
// phone one block per file), and what may be done: 不是重复 / 合并 for a pair the user keeps both
// files of, a grey hint for one the user may not resolve, who decided and why once decided.
import type { ReactNode } from 'react';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, MergeOutlined } from '@ant-design/icons';
import { DUPLICATE_KIND_SHORT, type DuplicateKind } from '@bangfu/core';
import type { DuplicatePair, DuplicateSide } from '../../../api/duplicates';
import { WorkerNoLink } from '../../../components/HouseholdColumns';
import { StatusTag } from '../../../components/Tags';
import { dateText, dateTimeText } from '../../../lib/format';
import { decidedText, NOTE_LABELS, SIDE_FIELD_LABELS, sharedFields, sidePlaceText, unresolvableText, type SideField } from '../duplicateText';

export const KIND_COLORS: Record<DuplicateKind, string> = { idNumber: 'red', nameBirth: 'volcano', phone: 'gold', address: 'blue' };

const FIELDS: readonly SideField[] = ['workerNo', 'name', 'place', 'status', 'idNumber', 'phone', 'address', 'householdSize', 'fillDate'];
const SIDE_TITLES = { a: '档案一', b: '档案二' } as const;

/** A merged pair: which file was kept and which went into it. */
function KeptTag({ p, id }: { p: DuplicatePair; id: number }) {
  return p.keptHouseholdId === id ? <Tag color="green" data-testid="kept-tag">保留</Tag> : <Tag data-testid="merged-tag">已并入</Tag>;
}

function fieldValue(s: DuplicateSide, f: SideField, from: string): ReactNode {
  switch (f) {
    case 'workerNo':
      return s.canOpen ? <WorkerNoLink id={s.householdId} workerNo={s.workerNo} from={from} /> : <span className="num">{s.workerNo}</span>;
    case 'name':
      return s.name;
    case 'place':
      return sidePlaceText(s);
    case 'status':
      return <StatusTag value={s.status} />;
    case 'idNumber':
      return <span className="num">{s.idNumber}</span>;
    case 'phone':
      return <span className="num">{s.phone}</span>;
    case 'address':
      return s.canOpen ? s.address : <Typography.Text type="secondary">{s.address}</Typography.Text>;
    case 'householdSize':
      return `${s.householdSize} 人`;
    case 'fillDate':
      return <span className="num">{dateText(s.fillDate)}</span>;
  }
}

/** A desk: label | 档案一 | 档案二, a row per field. */
function CompareTable({ p, from }: { p: DuplicatePair; from: string }) {
  const shared = new Set(sharedFields(p.reason));
  return (
    <table className="dup-compare">
      <thead>
        <tr>
          <th scope="col" className="dup-compare-label">
            <span className="sr-only">项目</span>
          </th>
          <th scope="col">{SIDE_TITLES.a} {p.keptHouseholdId !== null ? <KeptTag p={p} id={p.a.householdId} /> : null}</th>
          <th scope="col">{SIDE_TITLES.b} {p.keptHouseholdId !== null ? <KeptTag p={p} id={p.b.householdId} /> : null}</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS.map((f) => (
          <tr key={f} className={shared.has(f) ? 'dup-shared' : undefined} data-field={f}>
            <th scope="row" className="dup-compare-label">
              {SIDE_FIELD_LABELS[f]}
            </th>
            <td data-testid="duplicate-side" data-side="a" data-household-id={p.a.householdId}>
              {fieldValue(p.a, f, from)}
            </td>
            <td data-testid="duplicate-side" data-side="b" data-household-id={p.b.householdId}>
              {fieldValue(p.b, f, from)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A phone: one block per file, its number, name and status first. */
function SideBlock({ s, which, p, from }: { s: DuplicateSide; which: 'a' | 'b'; p: DuplicatePair; from: string }) {
  const shared = new Set(sharedFields(p.reason));
  return (
    <div className="dup-side" data-testid="duplicate-side" data-side={which} data-household-id={s.householdId}>
      <div className="dup-side-head">
        <span className="dup-side-title">{SIDE_TITLES[which]}</span>
        {p.keptHouseholdId !== null ? <KeptTag p={p} id={s.householdId} /> : null}
        {fieldValue(s, 'workerNo', from)}
        <span className={shared.has('name') ? 'dup-shared' : undefined}>{s.name}</span>
        <StatusTag value={s.status} />
      </div>
      <dl className="dup-side-lines">
        {FIELDS.filter((f) => f !== 'workerNo' && f !== 'name' && f !== 'status').map((f) => (
          <div key={f} className={shared.has(f) ? 'dup-shared' : undefined} data-field={f}>
            <dt>{SIDE_FIELD_LABELS[f]}</dt>
            <dd>{fieldValue(s, f, from)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

interface Props {
  p: DuplicatePair;
  from: string;
  phone: boolean;
  /** the user files (a pair they may not resolve gets the hint) */
  handles: boolean;
  onDismiss: (p: DuplicatePair) => void;
  onMerge: (p: DuplicatePair) => void;
}

export function PairItem({ p, from, phone, handles, onDismiss, onMerge }: Props) {
  const size = phone ? 'large' : 'middle';
  const note = NOTE_LABELS[p.status];
  return (
    <li className="dup-pair" data-testid="duplicate-pair" data-id={p.id} data-status={p.status} data-kind={p.reason}>
      <div className="dup-pair-head">
        <Tooltip title={p.reasonLabel}>
          <Tag color={KIND_COLORS[p.reason]} className="dup-reason" data-testid="duplicate-reason">
            {DUPLICATE_KIND_SHORT[p.reason]}
          </Tag>
        </Tooltip>
        <span className="dup-detail" data-testid="duplicate-detail">
          {p.detail}
        </span>
        <Typography.Text type="secondary" className="dup-found">
          发现于 <span className="num">{dateTimeText(p.foundAt)}</span>
        </Typography.Text>
      </div>
      {phone ? (
        <div className="dup-sides">
          <SideBlock s={p.a} which="a" p={p} from={from} />
          <SideBlock s={p.b} which="b" p={p} from={from} />
        </div>
      ) : (
        <CompareTable p={p} from={from} />
      )}
      <div className="dup-pair-foot">
        {p.status === 'open' ? (
          p.canResolve ? (
            <Space size={8} wrap data-testid="duplicate-buttons">
              <Button size={size} icon={<CheckOutlined />} data-testid="duplicate-dismiss" onClick={() => onDismiss(p)}>
                不是重复
              </Button>
              <Button size={size} type="primary" icon={<MergeOutlined />} data-testid="duplicate-merge" onClick={() => onMerge(p)}>
                合并
              </Button>
            </Space>
          ) : (
            handles && (
              <Typography.Text type="secondary" data-testid="duplicate-hint">
                {unresolvableText(p)}
              </Typography.Text>
            )
          )
        ) : (
          <div className="dup-decided">
            <span data-testid="duplicate-decided">{decidedText(p)}</span>
            {p.note && note && (
              <span className="dup-note" data-testid="duplicate-note">
                {note}：{p.note}
              </span>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
