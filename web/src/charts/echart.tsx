// A small own hook around ECharts (init, setOption, resize, dispose), with only the chart parts the pages use.
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartHandle = { png: () => string | null };

export function EChart({
  option,
  label,
  handle,
}: {
  option: Record<string, unknown>;
  label: string;
  handle?: { current: ChartHandle | null };
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    if (handle)
      handle.current = { png: () => chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) };
    return () => {
      ro.disconnect();
      chart.dispose();
      if (handle) handle.current = null;
    };
  }, [option, handle]);
  return <div ref={el} className="chart" role="img" aria-label={label} data-testid="chart" />;
}
