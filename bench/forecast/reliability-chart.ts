// The backtest's reliability diagram, drawn by ECharts' server-side SVG renderer and rasterised by resvg: no browser.
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { BacktestResult, MethodName } from '../../src/core/forecast/backtest/run.ts';

const COLORS: Record<MethodName, string> = {
  model: '#c0392b',
  unCategories: '#2471a3',
  climatology: '#7f8c8d',
  onTrack: '#27ae60',
};
const LABELS: Record<MethodName, string> = {
  model: 'chitieu forecast',
  unCategories: 'UN current-ratio categories',
  climatology: 'climatology',
  onTrack: 'on track (yes/no)',
};
const SHOWN: MethodName[] = ['model', 'unCategories', 'climatology'];

export function reliabilityPng(result: BacktestResult): Buffer {
  const keys = Object.keys(result.checkpoints).sort();
  const width = 1200;
  const height = 420;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const panelWidth = 100 / keys.length;
  const grids = keys.map((_, i) => ({
    left: `${i * panelWidth + 4}%`,
    width: `${panelWidth - 6}%`,
    top: 80,
    bottom: 60,
  }));
  const series: echarts.SeriesOption[] = [];
  keys.forEach((k, i) => {
    series.push({
      type: 'line',
      xAxisIndex: i,
      yAxisIndex: i,
      data: [
        [0, 0],
        [1, 1],
      ],
      lineStyle: { color: '#bbb', type: 'dashed' },
      symbol: 'none',
      silent: true,
    });
    const c = result.checkpoints[k];
    if (c === undefined) return;
    for (const m of SHOWN) {
      series.push({
        name: LABELS[m],
        type: 'line',
        xAxisIndex: i,
        yAxisIndex: i,
        color: COLORS[m],
        symbolSize: 6,
        data: c.reliability[m].filter((b) => b.n > 0).map((b) => [b.meanP, b.rate]),
      });
    }
  });
  chart.setOption({
    animation: false,
    backgroundColor: '#fff',
    title: {
      text: `Reliability of P(met), out of sample (terms judged after ${result.lastTrainYear}; fit on earlier terms)`,
      left: 'center',
      textStyle: { fontSize: 15 },
    },
    legend: { top: 32, itemGap: 40, data: SHOWN.map((m) => LABELS[m]) },
    grid: grids,
    xAxis: keys.map((k, i) => ({
      gridIndex: i,
      min: 0,
      max: 1,
      name: `forecast P, ${k} yr in (ECE ${(result.checkpoints[k]?.model.ece ?? 0).toFixed(3)})`,
      nameLocation: 'middle',
      nameGap: 28,
    })),
    yAxis: keys.map((_, i) => ({ gridIndex: i, min: 0, max: 1, name: i === 0 ? 'observed rate' : '' })),
    series,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return new Resvg(svg, { background: '#fff', font: { loadSystemFonts: true } }).render().asPng();
}
