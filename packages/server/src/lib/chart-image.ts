// A bar chart as a PNG, for documents (Word) that cannot run ECharts: ECharts renders SVG on the
// server (no DOM), resvg rasterizes it with the machine's fonts (a CJK font, such as WenQuanYi Micro
// Hei or Noto Sans CJK, must be installed for the Chinese labels).
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';

const FONT = 'WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, SimHei, Microsoft YaHei, sans-serif';

export interface BarSeries { name: string; values: number[] }

/** Grouped bars over categories, with values on top; 2× resolution for print. */
export function barChartPng(title: string, categories: string[], series: BarSeries[], size = { width: 640, height: 300 }): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    legend: series.length > 1 ? { bottom: 0, data: series.map((s) => s.name) } : undefined,
    grid: { left: 48, right: 16, top: 44, bottom: series.length > 1 ? 56 : 32 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    color: ['#1f5fbf', '#9db4d9'],
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, label: { show: true, position: 'top', fontSize: 11 } })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' }, fitTo: { mode: 'width', value: size.width * 2 } }).render().asPng());
}
