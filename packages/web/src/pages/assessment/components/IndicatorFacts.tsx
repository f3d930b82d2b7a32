// One indicator of one organization: its value, score and weight, and the numbers it came from,
// each leading to the page that lists them. The score cell's popover and the drawer both show it.
import { Link } from 'react-router';
import { Popover, Typography } from 'antd';
import { formatIndicatorValue } from '@bangfu/core';
import type { Evidence, IndicatorResult } from '../../../api/assessment';
import { scoreText } from '../assessmentText';

export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  if (!evidence.length) return null;
  return (
    <ul className="assessment-evidence plain-list" data-testid="assessment-evidence">
      {evidence.map((e) => (
        <li key={e.label}>
          {e.label}：{e.link ? <Link to={e.link} className="num">{e.n.toLocaleString('zh-CN')}</Link> : <span className="num">{e.n.toLocaleString('zh-CN')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function IndicatorFacts({ ind }: { ind: IndicatorResult }) {
  return (
    <div className="assessment-facts">
      <div>
        实际值 <b className="num">{formatIndicatorValue(ind.code, ind.value)}</b> · 得分 <b className="num">{scoreText(ind.score)}</b> · 权重 <span className="num">{ind.weight}</span>
      </div>
      {ind.value === null && <Typography.Text type="secondary">无可计算的数据，不计入总分</Typography.Text>}
      <EvidenceList evidence={ind.evidence} />
    </div>
  );
}

/** The score in the table; the facts on hover or focus. Clicks inside stay out of the row's drawer. */
export function IndicatorCell({ ind }: { ind: IndicatorResult }) {
  return (
    <Popover title={ind.name} content={<div onClick={(e) => e.stopPropagation()}><IndicatorFacts ind={ind} /></div>}>
      <span className={ind.score === null ? 'num assessment-score-none' : 'num assessment-score'} tabIndex={0} data-code={ind.code}>
        {ind.score === null ? <Typography.Text type="secondary">—</Typography.Text> : scoreText(ind.score)}
      </span>
    </Popover>
  );
}
