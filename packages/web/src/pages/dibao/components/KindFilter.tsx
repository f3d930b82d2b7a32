// The 核对结果 filter by kind with the count of each under the other filters: a segmented control
// on a desk, a select on a phone (three long labels do not fit 390 px side by side).
import { Segmented, Select } from 'antd';
import { DIBAO_FINDING_KINDS, DIBAO_FINDING_SHORT, type DibaoFindingCounts, type DibaoFindingKind } from '@bangfu/core';

const ALL = 'all';

interface Props {
  value: DibaoFindingKind | undefined;
  counts: DibaoFindingCounts | undefined;
  phone: boolean;
  onChange: (kind: DibaoFindingKind | undefined) => void;
}

export function KindFilter({ value, counts, phone, onChange }: Props) {
  const label = (k: DibaoFindingKind) => (counts ? `${DIBAO_FINDING_SHORT[k]}（${counts[k]}）` : DIBAO_FINDING_SHORT[k]);
  const total = counts ? counts.declaredNotListed + counts.listedNotDeclared + counts.listedAboveLine : null;
  const options = [
    { value: ALL, label: total === null ? '全部' : `全部（${total}）` },
    ...DIBAO_FINDING_KINDS.map((k) => ({ value: k, label: <span data-testid={`dibao-kind-${k}`}>{label(k)}</span> })),
  ];
  const change = (v: string) => onChange(v === ALL ? undefined : (v as DibaoFindingKind));
  if (phone)
    return (
      <Select
        id="dibao-kind"
        aria-label="核对结果类型"
        className="dibao-kind-select"
        options={[{ value: ALL, label: options[0].label }, ...DIBAO_FINDING_KINDS.map((k) => ({ value: k, label: label(k) }))]}
        value={value ?? ALL}
        onChange={change}
      />
    );
  return <Segmented id="dibao-kind" className="dibao-kind-segmented" options={options} value={value ?? ALL} onChange={(v) => change(String(v))} />;
}
