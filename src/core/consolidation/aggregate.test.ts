import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import type { Conversion } from '../price-basis.ts';
import { aggregate, type UnitFigure } from './aggregate.ts';

const fig = (indicator: string, unit: string, period: string, value: string | null, extra: Partial<UnitFigure> = {}) =>
  ({ indicator, unit, period, value, ...extra }) satisfies UnitFigure;

describe('aggregation by each declared method', () => {
  it('a sum adds the children exactly and says so in both languages', () => {
    const result = aggregate({
      method: { kind: 'sum', indicator: 'REV' },
      period: '2025',
      children: ['A', 'B'],
      figures: [
        fig('REV', 'A', '2025', '118079.28', { priceBasis: 'current', source: { line: 2879 } }),
        fig('REV', 'B', '2025', '0.1', { priceBasis: 'current' }),
      ],
    });
    expect(result.status).toBe('complete');
    expect(result.value).toBe('118079.38');
    expect(result.priceBasis).toBe('current');
    expect(result.inputs.map((i) => [i.unit, i.value, i.source?.line])).toEqual([
      ['A', '118079.28', 2879],
      ['B', '0.1', undefined],
    ]);
    expect(result.explanation.vi).toBe(
      'Tổng hợp 2 đơn vị (A, B) kỳ 2025 theo phương pháp cộng tổng: 118.079,28 (A) + 0,1 (B) = 118.079,38 (giá hiện hành).',
    );
    expect(result.explanation.en).toBe(
      'Aggregating 2 unit(s) (A, B) for 2025 by sum: 118,079.28 (A) + 0.1 (B) = 118,079.38 (current prices).',
    );
    expect(result.formula.vi).toBe('Y = Σ xᵢ');
  });

  it('a weighted mean weighs each rate by its declared weight indicator', () => {
    const result = aggregate({
      method: { kind: 'weighted_mean', indicator: 'RATE', weight: 'POP' },
      period: '2025',
      children: ['A', 'B'],
      figures: [
        fig('RATE', 'A', '2025', '10'),
        fig('RATE', 'B', '2025', '40'),
        fig('POP', 'A', '2025', '300'),
        fig('POP', 'B', '2025', '100'),
      ],
    });
    // (10 × 300 + 40 × 100) / 400 = 17.5, not the unweighted 25.
    expect(result.value).toBe('17.5');
    expect(result.explanation.vi).toContain('(10 × 300 + 40 × 100) / (300 + 100) = 17,5');
    expect(result.explanation.en).toContain('by weighted mean: (10 × 300 + 40 × 100) / (300 + 100) = 17.5');
  });

  it('a per-capita figure is the ratio of the sums, scaled, not a mean of the ratios', () => {
    const result = aggregate({
      method: { kind: 'per_capita', numerator: 'GRDP', denominator: 'POP', scale: '1000', priceBasis: 'current' },
      period: '2025',
      children: ['A', 'B'],
      figures: [
        fig('GRDP', 'A', '2025', '300', { priceBasis: 'current' }),
        fig('GRDP', 'B', '2025', '100', { priceBasis: 'current' }),
        fig('POP', 'A', '2025', '2000'),
        fig('POP', 'B', '2025', '3000'),
      ],
    });
    // 400 / 5000 × 1000 = 80, while the mean of 150 and 33.33 would be 91.67.
    expect(result.value).toBe('80');
    expect(result.explanation.vi).toContain(
      '(300 (A) + 100 (B)) / (2.000 (A) + 3.000 (B)) × 1.000 = 80 (giá hiện hành)',
    );
    expect(result.explanation.en).toContain(
      '(300 (A) + 100 (B)) / (2,000 (A) + 3,000 (B)) × 1,000 = 80 (current prices)',
    );
  });

  it('growth of an aggregate is computed from the summed levels of the two periods', () => {
    const result = aggregate({
      method: { kind: 'growth_of_aggregate', level: 'GRDP2010', priceBasis: 'comparable_2010' },
      period: '2025',
      children: ['A', 'B'],
      figures: [
        fig('GRDP2010', 'A', '2024', '100', { priceBasis: 'comparable_2010' }),
        fig('GRDP2010', 'B', '2024', '300', { priceBasis: 'comparable_2010' }),
        fig('GRDP2010', 'A', '2025', '120', { priceBasis: 'comparable_2010' }),
        fig('GRDP2010', 'B', '2025', '306', { priceBasis: 'comparable_2010' }),
      ],
    });
    expect(result.basePeriod).toBe('2024');
    // (426 / 400 − 1) × 100 = 6.5, while the mean of 20% and 2% is 11%.
    expect(result.value).toBe('6.5');
    expect(result.explanation.vi).toContain('(426 / 400 − 1) × 100 = 6,5% (giá so sánh 2010)');
    expect(result.explanation.en).toContain('(426 / 400 − 1) × 100 = 6.5% (constant 2010 prices)');
  });

  it('count and share of units meeting a standard list the units met and not met', () => {
    const figures = [fig('NTM', 'X1', '2030', '1'), fig('NTM', 'X2', '2030', '0'), fig('NTM', 'X3', '2030', '1')];
    const count = aggregate({
      method: { kind: 'count_meeting', indicator: 'NTM', standard: { op: 'eq', value: '1' } },
      period: '2030',
      children: ['X1', 'X2', 'X3'],
      figures,
    });
    expect(count.value).toBe('2');
    expect(count.meeting).toEqual({ met: ['X1', 'X3'], notMet: ['X2'] });
    expect(count.priceBasis).toBeNull();
    expect(count.explanation.vi).toContain('2/3 đơn vị đạt chuẩn (= 1); đạt: X1, X3; chưa đạt: X2');
    const share = aggregate({
      method: { kind: 'share_meeting', indicator: 'NTM', standard: { op: 'eq', value: '1' } },
      period: '2030',
      children: ['X1', 'X2', 'X3'],
      figures,
    });
    expect(share.value).toBe('66.66666666666666666666666666666666666667');
    expect(share.explanation.vi).toContain('2/3 đơn vị đạt chuẩn (= 1) ≈ 66,6667%');
    expect(share.explanation.en).toContain('2/3 units meet the standard (= 1) ≈ 66.6667%; met: X1, X3; not met: X2');
  });

  it('a rank or an index is refused: it is published for the whole unit', () => {
    const result = aggregate({
      method: { kind: 'not_aggregable', reason: 'rank' },
      period: '2025',
      children: ['A', 'B'],
      figures: [fig('PCI', 'A', '2025', '3'), fig('PCI', 'B', '2025', '9')],
    });
    expect(result).toMatchObject({ status: 'refused', value: null, refusal: { code: 'not_aggregable' } });
    expect(result.explanation.vi).toContain('thứ hạng');
    expect(result.explanation.en).toContain('a rank of the whole unit');
  });
});

describe('incomplete and refused aggregates', () => {
  it('a missing child makes the sum incomplete, names the unit and gives no partial total', () => {
    const result = aggregate({
      method: { kind: 'sum', indicator: 'REV' },
      period: '2025',
      children: ['A', 'B', 'C'],
      figures: [fig('REV', 'A', '2025', '5'), fig('REV', 'C', '2025', null)],
    });
    expect(result.status).toBe('incomplete');
    expect(result.value).toBeNull();
    expect(result.missing.map((m) => m.unit)).toEqual(['B', 'C']);
    expect(result.explanation.vi).toContain('thiếu chỉ tiêu REV kỳ 2025 của đơn vị B, C');
    expect(result.explanation.en).toContain('missing indicator REV for 2025 of unit(s) B, C');
  });

  it('mixed price bases are refused without a sourced conversion and combined with one', () => {
    const figures = [
      fig('GRDP', 'A', '2025', '100', { priceBasis: 'comparable_2010' }),
      fig('GRDP', 'B', '2025', '50', { priceBasis: 'comparable_2020' }),
    ];
    const refused = aggregate({
      method: { kind: 'sum', indicator: 'GRDP', priceBasis: 'comparable_2010' },
      period: '2025',
      children: ['A', 'B'],
      figures,
    });
    expect(refused.status).toBe('refused');
    expect(refused.refusal?.code).toBe('mixed_price_basis');
    expect(refused.explanation.vi).toContain('giá so sánh 2010');
    const conversion: Conversion = {
      from: 'comparable_2020',
      to: 'comparable_2010',
      factor: '0.8',
      source: { title: 'Bảng chuyển đổi', line: '12' },
    };
    const converted = aggregate({
      method: { kind: 'sum', indicator: 'GRDP', priceBasis: 'comparable_2010' },
      period: '2025',
      children: ['A', 'B'],
      figures,
      conversions: [conversion],
    });
    expect(converted.value).toBe('140');
    expect(converted.inputs[1]).toMatchObject({
      value: '40',
      priceBasis: 'comparable_2010',
      converted: { value: '50', from: 'comparable_2020', factor: '0.8', source: 'Bảng chuyển đổi' },
    });
  });

  it('a zero weight is noted, all-zero weights and a negative weight are refused, a missing weight is missing', () => {
    const run = (weights: Array<string | null>) =>
      aggregate({
        method: { kind: 'weighted_mean', indicator: 'R', weight: 'W' },
        period: '2025',
        children: ['A', 'B'],
        figures: [
          fig('R', 'A', '2025', '10'),
          fig('R', 'B', '2025', '20'),
          fig('W', 'A', '2025', weights[0] ?? null),
          fig('W', 'B', '2025', weights[1] ?? null),
        ],
      });
    const zeroOne = run(['0', '5']);
    expect(zeroOne.value).toBe('20');
    expect(zeroOne.notes.map((n) => n.unit)).toEqual(['A']);
    expect(zeroOne.explanation.vi).toContain('Quyền số của đơn vị A bằng 0');
    expect(run(['0', '0']).refusal?.code).toBe('zero_total_weight');
    expect(run(['-1', '5']).refusal?.code).toBe('negative_weight');
    const missing = run([null, '5']);
    expect(missing.status).toBe('incomplete');
    expect(missing.missing).toEqual([{ unit: 'A', role: 'weight', indicator: 'W', period: '2025' }]);
  });

  it('a zero base level and a zero denominator are refused with the reason', () => {
    const growth = aggregate({
      method: { kind: 'growth_of_aggregate', level: 'L' },
      period: '2025',
      children: ['A'],
      figures: [fig('L', 'A', '2024', '0'), fig('L', 'A', '2025', '5')],
    });
    expect(growth.refusal?.code).toBe('zero_base_level');
    expect(growth.explanation.en).toContain('The levels of the base period 2024 add up to 0');
    const perCapita = aggregate({
      method: { kind: 'per_capita', numerator: 'N', denominator: 'D' },
      period: '2025',
      children: ['A'],
      figures: [fig('N', 'A', '2025', '5'), fig('D', 'A', '2025', '0')],
    });
    expect(perCapita.refusal?.code).toBe('zero_denominator');
  });

  it('bad input is a typed error naming the field: duplicate figures, repeated units, a text value', () => {
    const method = { kind: 'sum', indicator: 'REV' } as const;
    const call =
      (figures: UnitFigure[], children = ['A']) =>
      () =>
        aggregate({ method, period: '2025', children, figures });
    expect(call([fig('REV', 'A', '2025', '1'), fig('REV', 'A', '2025', '2')])).toThrow(ValidationError);
    expect(call([], ['A', 'A'])).toThrow(/repeated/);
    expect(call([fig('REV', 'A', '2025', '1,5')])).toThrow(/figures\/0\/value/);
    expect(() =>
      aggregate({
        method: { kind: 'count_meeting', indicator: 'X', standard: { op: 'gte', value: 'đạt' } },
        period: '2025',
        children: ['A'],
        figures: [],
      }),
    ).toThrow(ValidationError);
  });
});
