// A bar chart as a PNG, for documents (Word) that cannot run ECharts: ECharts renders SVG on the
// server (no DOM), resvg rasterizes it with the machine's fonts (a CJK font, such as WenQuanYi Micro
// Hei or Noto Sans CJK, must be installed for the Chinese labels).
import fs from 'node:fs';
import * as echarts from 'echarts';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const FONT = 'WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, SimHei, Microsoft YaHei, sans-serif';

/** The CJK font files tried first (the operator's BANGFU_PDF_FONT, then Debian's): loading one file is quick, scanning every system font per chart is not. */
const FONT_FILES = [process.env.BANGFU_PDF_FONT?.split('#')[0], '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];
let fontOptions: ResvgRenderOptions['font'] | undefined;
function fonts(): ResvgRenderOptions['font'] {
  if (!fontOptions) {
    const file = FONT_FILES.find((f): f is string => !!f && fs.existsSync(f));
    fontOptions = file ? { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: 'WenQuanYi Micro Hei' } : { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' };
  }
  return fontOptions;
}

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
  return Buffer.from(new Resvg(svg, { font: fonts(), fitTo: { mode: 'width', value: size.width * 2 } }).render().asPng());
}
