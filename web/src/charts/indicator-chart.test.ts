import { describe, expect, it } from 'vitest';
import { chartOption, periodText, type ChartLabels, type ChartModel } from './indicator-chart.ts';

const labels: ChartLabels = {
  actual: 'Thực hiện',
  target: 'Mục tiêu',
  required: 'Cần đạt',
  projection: 'Dự báo',
  cumulative: 'Lũy kế',
  floor: 'Mức sàn',
  units: 'Số đơn vị',
  band: 'Khoảng',
  fan: 'Khoảng dự báo',
  fanMedian: 'Trung vị',
  format: (v) => String(v),
};

describe('periodText', () => {
  it('writes a span of years with an en dash and leaves other periods as they are', () => {
    expect(periodText('2021-2025')).toBe('2021\u20132025');
    expect(periodText('2025')).toBe('2025');
    expect(periodText('2025-Q3')).toBe('2025-Q3');
    expect(periodText('2025-06')).toBe('2025-06');
  });
});

describe('chartOption', () => {
  it('labels the axis with the reader\u2019s periods while the model keeps the codes', () => {
    const model: ChartModel = {
      categories: ['2021-2025', '2026'],
      series: [{ name: labels.actual, type: 'line', data: [1, 2] }],
      band: null,
      targetLine: null,
      fan: null,
    };
    const option = chartOption(model, labels) as { xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['2021\u20132025', '2026']);
    expect(model.categories).toEqual(['2021-2025', '2026']);
  });
});
