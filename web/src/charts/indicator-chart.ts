// The ECharts option of an indicator page, drawn from the target's kind: the band of a range, the required path
// of a level, the target rate of a growth average, the cumulative line, the yearly floor of a flow, the count of
// units meeting a standard, and the projection. Pure: the same points feed the chart's table view.
import type { EvaluationRow } from '../data/queries.ts';

export interface SeriesPoint {
  period: string;
  value: number | null;
  estimate: boolean;
}

export interface ChartLabels {
  actual: string;
  target: string;
  required: string;
  projection: string;
  cumulative: string;
  floor: string;
  units: string;
  band: string;
  /** The forecast's interval band per year and its median (from the row's forecast fan). */
  fan: string;
  fanMedian: string;
  format: (v: number) => string;
}

/**
 * A period as a reader writes it: a span of years takes an en dash ("2021–2025", as the resolution prints it), a
 * year or any other period code is shown as it is. The code itself ("2021-2025") stays the key.
 */
export function periodText(period: string): string {
  return /^\d{4}-\d{4}$/.test(period) ? `${period.slice(0, 4)}\u2013${period.slice(5)}` : period;
}

/** The sort key of a period "2025" or "2021-2025": its last year. */
function endYear(period: string): number {
  return Number(period.slice(-4));
}

function bound(p: Record<string, unknown>): number | null {
  const v = typeof p.min === 'string' ? p.min : typeof p.value === 'string' ? p.value : null;
  return v === null ? null : Number(v);
}

export interface ChartModel {
  categories: string[];
  series: { name: string; type: 'line' | 'bar'; data: (number | null)[]; dashed?: boolean }[];
  band: { min: number; max: number } | null;
  targetLine: number | null;
  /** The forecast interval of each category (null where there is none), drawn as a shaded band. */
  fan: { low: (number | null)[]; high: (number | null)[] } | null;
}

/** The chart as data (categories and series), from the row and its observed points. */
export function chartModel(row: EvaluationRow, points: readonly SeriesPoint[], l: ChartLabels): ChartModel {
  const p = (row.method?.parameters ?? {}) as Record<string, unknown>;
  const sorted = [...points].sort((a, b) => endYear(a.period) - endYear(b.period));
  const judged = typeof p.judgedYear === 'number' ? p.judgedYear : typeof p.lastYear === 'number' ? p.lastYear : null;
  const cats = sorted.map((x) => x.period);
  const addYear = (y: number) => {
    if (!cats.includes(String(y))) cats.push(String(y));
  };
  if (row.projection) addYear(row.projection.year);
  const fanPoints = row.forecast && 'fan' in row.forecast ? (row.forecast.fan ?? []) : [];
  for (const f of fanPoints) addYear(f.year);
  if (judged !== null && (row.target.kind === 'level_at_end' || row.target.kind === 'threshold')) addYear(judged);
  cats.sort((a, b) => endYear(a) - endYear(b) || a.length - b.length);
  const at = (period: string) => sorted.find((x) => x.period === period)?.value ?? null;
  const actual = cats.map(at);
  const series: ChartModel['series'] = [];
  let band: ChartModel['band'] = null;
  let targetLine: number | null = bound(p);

  switch (row.target.kind) {
    case 'range_at_end':
      band = typeof p.min === 'string' && typeof p.max === 'string' ? { min: Number(p.min), max: Number(p.max) } : null;
      targetLine = null;
      series.push({ name: l.actual, type: 'line', data: actual });
      break;
    case 'cumulative': {
      let sum = 0;
      series.push({ name: l.actual, type: 'bar', data: actual });
      series.push({
        name: l.cumulative,
        type: 'line',
        data: cats.map((c) => {
          const v = at(c);
          if (v === null) return null;
          sum += v;
          return sum;
        }),
      });
      break;
    }
    case 'yearly_flow':
      series.push({ name: l.actual, type: 'bar', data: actual });
      break;
    case 'units_meeting_standard': {
      const counts = row.unitCounts ?? [];
      if (counts.length > 0) {
        const byPeriod = new Map(counts.map((c) => [c.period, c.count]));
        for (const c of counts) if (!cats.includes(c.period)) cats.push(c.period);
        cats.sort((a, b) => endYear(a) - endYear(b));
        series.push({ name: l.units, type: 'bar', data: cats.map((c) => byPeriod.get(c) ?? null) });
        targetLine = null;
      } else series.push({ name: l.actual, type: 'line', data: actual });
      break;
    }
    case 'growth_average':
      series.push({ name: l.actual, type: 'bar', data: actual });
      if (row.required?.kind === 'average_rate') {
        const need = Number(row.required.value);
        series.push({
          name: l.required,
          type: 'line',
          dashed: true,
          data: cats.map((c) => (endYear(c) >= (row.required?.fromYear ?? 0) ? need : null)),
        });
      }
      break;
    default: {
      series.push({ name: l.actual, type: 'line', data: actual });
      // The required path: a straight line from the last figure to the target in the judged year.
      const last = [...sorted].reverse().find((x) => x.value !== null);
      if (last && targetLine !== null && judged !== null && endYear(last.period) < judged) {
        const y0 = endYear(last.period);
        const v0 = last.value ?? 0;
        const slope = (targetLine - v0) / (judged - y0);
        series.push({
          name: l.required,
          type: 'line',
          dashed: true,
          data: cats.map((c) => {
            const y = endYear(c);
            return y >= y0 && y <= judged ? v0 + slope * (y - y0) : null;
          }),
        });
      }
    }
  }
  if (row.projection) {
    const py = String(row.projection.year);
    series.push({
      name: l.projection,
      type: 'line',
      dashed: true,
      data: cats.map((c) => (c === py ? Number(row.projection?.value) : null)),
    });
  }
  let fan: ChartModel['fan'] = null;
  if (fanPoints.length > 0) {
    const byYear = new Map(fanPoints.map((f) => [String(f.year), f]));
    const pick = (k: 'low' | 'high' | 'median') =>
      cats.map((c) => {
        const f = byYear.get(c);
        return f ? Number(f[k]) : null;
      });
    fan = { low: pick('low'), high: pick('high') };
    series.push({ name: l.fanMedian, type: 'line', dashed: true, data: pick('median') });
  }
  return { categories: cats, series, band, targetLine, fan };
}

/** The ECharts option for a model; colours carry no meaning the legend and the table do not also give. */
export function chartOption(m: ChartModel, l: ChartLabels): Record<string, unknown> {
  const first = m.series[0];
  // The fan as a stacked pair: an invisible line at the low end, then the band's height above it, shaded.
  const fanSeries = m.fan
    ? [
        {
          name: l.fan,
          type: 'line',
          stack: 'fan',
          data: m.fan.low,
          lineStyle: { opacity: 0 },
          symbol: 'none',
          connectNulls: true,
          tooltip: { show: false },
        },
        {
          name: l.fan,
          type: 'line',
          stack: 'fan',
          data: m.fan.high.map((h, i) => {
            const lo = m.fan?.low[i];
            return h === null || lo === null || lo === undefined ? null : h - lo;
          }),
          lineStyle: { opacity: 0 },
          symbol: 'none',
          connectNulls: true,
          areaStyle: { color: 'rgba(31, 97, 141, 0.22)' },
          tooltip: { show: false },
        },
      ]
    : [];
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? l.format(v) : '—') },
    xAxis: { type: 'category', data: m.categories.map(periodText) },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => l.format(v) } },
    series: [
      ...fanSeries,
      ...m.series.map((s, i) => ({
        name: s.name,
        type: s.type,
        data: s.data,
        connectNulls: true,
        symbolSize: 9,
        lineStyle: s.dashed ? { type: 'dashed' } : undefined,
        label:
          s.type === 'bar'
            ? { show: true, position: 'top', formatter: (x: { value: number }) => l.format(x.value) }
            : undefined,
        ...(i === 0 && first
          ? {
              markLine:
                m.targetLine !== null
                  ? {
                      symbol: 'none',
                      label: { formatter: `${l.target}: ${l.format(m.targetLine)}`, position: 'insideEndTop' },
                      lineStyle: { color: '#a4161a', type: 'solid', width: 2 },
                      data: [{ yAxis: m.targetLine }],
                    }
                  : undefined,
              markArea: m.band
                ? {
                    itemStyle: { color: 'rgba(43, 138, 62, 0.15)' },
                    label: { formatter: l.band },
                    data: [[{ yAxis: m.band.min }, { yAxis: m.band.max }]],
                  }
                : undefined,
            }
          : {}),
      })),
    ],
  };
}
