import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import type { LineageEvent } from '../units/registry.ts';
import type { UnitFigure } from './aggregate.ts';
import { consolidateBaseline, formerUnitsOf } from './baseline.ts';

const lineage: LineageEvent[] = [
  { event: 'merged_into', from: '02', to: '01', date: '2025-07-01' },
  { event: 'merged_into', from: '03', to: '01', date: '2025-07-01' },
  { event: 'merged_into', from: '09', to: '08', date: '2025-07-01' },
  { event: 'renamed', from: '01', to: '01', date: '2020-01-01' },
];
const gdp = (unit: string, value: string | null, line?: number): UnitFigure => ({
  indicator: 'GRDP',
  unit,
  period: '2024',
  value,
  priceBasis: 'current',
  ...(line === undefined ? {} : { source: { line } }),
});
const request = {
  mergedUnit: '01',
  date: '2025-07-01',
  lineage,
  method: { kind: 'sum', indicator: 'GRDP' } as const,
  period: '2024',
};

describe('baselines of a merged unit', () => {
  it('the former units are the unit keeping the code and those merged into it that day', () => {
    expect(formerUnitsOf('01', '2025-07-01', lineage)).toEqual(['01', '02', '03']);
    expect(() => formerUnitsOf('01', '2024-01-01', lineage)).toThrow(ValidationError);
  });

  it('a stated figure within its own rounding agrees; the inputs keep their source lines', () => {
    const result = consolidateBaseline({
      ...request,
      figures: [gdp('01', '300.2', 11), gdp('02', '200.1', 12), gdp('03', '157.9', 13)],
      stated: { value: '658', priceBasis: 'current', source: { line: 1596 } },
    });
    expect(result.consolidation.value).toBe('658.2');
    expect(result.consolidation.inputs.map((i) => i.source?.line)).toEqual([11, 12, 13]);
    expect(result.comparison).toMatchObject({ status: 'agrees', difference: '0.2', tolerance: '0.5' });
    expect(result.explanation.vi).toContain('hợp nhất ngày 2025-07-01 từ 01, 02, 03');
    expect(result.explanation.vi).toContain(
      'Khớp với số hợp nhất nguồn ghi 658 (dòng 1596), chênh lệch trong phạm vi làm tròn ±0,5',
    );
  });

  it('a difference beyond rounding is flagged with its absolute and relative size', () => {
    const result = consolidateBaseline({
      ...request,
      figures: [gdp('01', '300'), gdp('02', '200'), gdp('03', '150')],
      stated: { value: '658.381', source: { title: 'Báo cáo chính trị', line: 1596 } },
    });
    expect(result.comparison).toMatchObject({ status: 'differs', difference: '-8.381' });
    expect(result.comparison?.relative?.startsWith('-1.272971121584')).toBe(true);
    expect(result.comparison?.explanation.vi).toBe(
      'Lệch so với số hợp nhất nguồn ghi 658,381 (Báo cáo chính trị, dòng 1596): chênh -8,381 (-1,27%)',
    );
    expect(result.comparison?.explanation.en).toBe(
      'Differs from the consolidated 658.381 the source states (Báo cáo chính trị, line 1596): difference -8.381 (-1.27%)',
    );
  });

  it('a missing former unit is named, and the stated figure is shown but not compared', () => {
    const result = consolidateBaseline({
      ...request,
      figures: [gdp('01', '300'), gdp('03', null)],
      stated: { value: '658.381', source: { line: 1596 } },
    });
    expect(result.consolidation.status).toBe('incomplete');
    expect(result.consolidation.missing.map((m) => m.unit)).toEqual(['02', '03']);
    expect(result.comparison).toMatchObject({ status: 'not_compared', difference: null });
    expect(result.explanation.vi).toContain('thiếu chỉ tiêu GRDP kỳ 2024 của đơn vị 02, 03');
    expect(result.explanation.en).toContain('it cannot be compared: the aggregate is incomplete');
  });

  it('a stated figure on another price basis is not compared', () => {
    const result = consolidateBaseline({
      ...request,
      figures: [gdp('01', '300'), gdp('02', '200'), gdp('03', '150')],
      stated: { value: '650', priceBasis: 'comparable_2010', source: { line: 1 } },
    });
    expect(result.comparison?.status).toBe('not_compared');
    expect(result.comparison?.explanation.vi).toContain('giá so sánh 2010');
  });
});
