// The ranking table's columns: 排名, 单位, one score per indicator (its facts on hover), 加减分,
// 总分 and the row's actions. Buttons stop their click so that it does not open the row's drawer.
import type { MouseEvent } from 'react';
import { Button, Space, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { AssessmentItem } from '../../api/assessment';
import { indicatorColumnsOf, pointsText, scoreText } from './assessmentText';
import { IndicatorCell } from './components/IndicatorFacts';

interface Options {
  items: readonly AssessmentItem[];
  onDetail: (i: AssessmentItem) => void;
  /** the city union's 加减分; absent: no button */
  onAdjust?: (i: AssessmentItem) => void;
  /** 推荐表彰 from the ranking (the city union); a row without a total has no rank to cite */
  onNominate?: (i: AssessmentItem) => void;
}

const stop = (fn: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  fn();
};

export function assessmentColumns({ items, onDetail, onAdjust, onNominate }: Options): TableProps<AssessmentItem>['columns'] {
  return [
    { title: '排名', dataIndex: 'rank', key: 'rank', width: 64, align: 'center', render: (v: number | null) => <span data-testid="assessment-rank">{v ?? '—'}</span> },
    { title: '单位', dataIndex: 'orgName', key: 'org', render: (v: string) => <span className="cell-wrap assessment-org">{v}</span> },
    ...indicatorColumnsOf(items).map((c) => ({
      title: (
        <span className="assessment-indicator-title">
          {c.name}
          <Typography.Text type="secondary" className="assessment-weight">权重 {c.weight}</Typography.Text>
        </span>
      ),
      key: c.code,
      align: 'right' as const,
      render: (_: unknown, i: AssessmentItem) => {
        const ind = i.indicators.find((x) => x.code === c.code);
        return ind ? <IndicatorCell ind={ind} /> : null;
      },
    })),
    { title: '加减分', dataIndex: 'adjustment', key: 'adjustment', align: 'right', render: (v: number) => <span className="num" data-testid="assessment-adjustment">{pointsText(v)}</span> },
    { title: '总分', dataIndex: 'total', key: 'total', align: 'right', render: (v: number | null) => <b className="num" data-testid="assessment-total">{scoreText(v)}</b> },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, i: AssessmentItem) => (
        <Space size={0} wrap>
          <Button type="link" size="small" data-testid="assessment-detail" onClick={stop(() => onDetail(i))}>
            详情
          </Button>
          {onAdjust && (
            <Button type="link" size="small" data-testid="assessment-adjust" onClick={stop(() => onAdjust(i))}>
              加减分
            </Button>
          )}
          {onNominate && i.total !== null && i.rank !== null && (
            <Button type="link" size="small" data-testid="assessment-nominate" onClick={stop(() => onNominate(i))}>
              推荐表彰
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
