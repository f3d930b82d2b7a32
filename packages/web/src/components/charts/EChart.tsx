// One ECharts chart (echarts-for-react's core build with the pieces registered once here): resizes
// with its box (a phone turned, the menu folded), and a click on an item whose data carries an
// `href` opens that page (the 工作台's bars and slices open the household list).
import { useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  option: object;
  height: number;
  /** the chart's name for screen readers and tests */
  label: string;
  id?: string;
}

export function EChart({ option, height, label, id }: Props) {
  const navigate = useNavigate();
  const nav = useRef(navigate);
  nav.current = navigate;
  // one events object for the chart's life: echarts-for-react binds them again when it changes
  const events = useMemo(
    () => ({
      click: (p: { data?: { href?: unknown } }) => {
        const href = p.data?.href;
        if (typeof href === 'string') void nav.current(href);
      },
    }),
    [],
  );
  return (
    <div className="echart-box" id={id} role="img" aria-label={label} data-testid="chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} onEvents={events} />
    </div>
  );
}
