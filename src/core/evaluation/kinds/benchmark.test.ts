import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BenchmarkTarget, ObservationInput } from '../../targets/target.ts';
import { evaluate } from '../evaluate.ts';

const below = (over: Partial<BenchmarkTarget> = {}): BenchmarkTarget => ({
  kind: 'benchmark',
  direction: 'lower_better',
  strict: true,
  term: { firstYear: 2026, lastYear: 2030 },
  benchmark: { indicator: 'BQ-CN', name: 'bình quân cả nước' },
  year: 2030,
  ...over,
});
const fig = (period: string, value: string): ObservationInput => ({ period, value, status: 'official' });

describe('a target relative to a benchmark ("thấp hơn bình quân cả nước")', () => {
  it.each([
    // [own 2030, benchmark 2030, strict, direction, status]
    ['3.9', '4.0', true, 'lower_better', 'met'],
    ['4.0', '4.0', true, 'lower_better', 'not_met'],
    ['4.0', '4.0', false, 'lower_better', 'met'],
    ['4.1', '4.0', false, 'lower_better', 'not_met'],
    ['12.1', '12', true, 'higher_better', 'met'],
    ['12', '12', true, 'higher_better', 'not_met'],
    ['12', '12', false, 'higher_better', 'met'],
    ['11.9', '12', false, 'higher_better', 'not_met'],
  ] as const)('own %s against the benchmark %s (strict %s, %s) is %s', (own, bench, strict, direction, status) => {
    const e = evaluate(
      below({ strict, direction }),
      [fig('2030', own)],
      { year: 2031 },
      { benchmark: [fig('2030', bench)] },
    );
    expect(e.status).toBe(status);
    expect(e.intermediates.benchmarkValue).toBe(bench);
  });

  it('says "no data" when the benchmark has no figure for the judged year, naming it, however the province did', () => {
    const e = evaluate(below(), [fig('2030', '3')], { year: 2031 }, { benchmark: [fig('2029', '4')] });
    expect(e.status).toBe('no_data');
    expect(e.explanation.vi).toBe('Năm 2030 đạt 3, nhưng chưa có số liệu bình quân cả nước năm 2030 để so sánh');
    expect(e.explanation.en).toContain('no figure of bình quân cả nước for 2030');
  });

  it('explains a verdict in both languages with both figures', () => {
    const e = evaluate(below(), [fig('2030', '3.9')], { year: 2031 }, { benchmark: [fig('2030', '4')] });
    expect(e.explanation.vi).toBe('Năm 2030 đạt 3,9; bình quân cả nước 4: đạt mục tiêu thấp hơn bình quân cả nước');
    expect(e.explanation.en).toBe('3.9 in 2030; bình quân cả nước 4: meeting the target (below bình quân cả nước)');
  });

  it('while the term runs, reads the latest year with both figures and does not project the benchmark', () => {
    const e = evaluate(
      below(),
      [fig('2026', '4.2'), fig('2027', '3.8')],
      { year: 2028, month: 6 },
      { benchmark: [fig('2026', '4.0')] },
    );
    expect(e.phase).toBe('in_term');
    expect(e.status).toBe('off_track');
    expect(e.actual.period).toBe('2026');
    expect(e.projection).toBeNull();
  });

  it('"every year" judges each year against that year\'s benchmark ("đạt 1/2 năm")', () => {
    const e = evaluate(
      below({ everyYear: true, term: { firstYear: 2026, lastYear: 2027 }, year: 2027 }),
      [fig('2026', '3.5'), fig('2027', '4.5')],
      { year: 2028 },
      { benchmark: [fig('2026', '4'), fig('2027', '4')] },
    );
    expect(e.status).toBe('not_met');
    expect(e.intermediates['year.2026']).toBe('met');
    expect(e.intermediates['year.2027']).toBe('not_met');
  });

  it('property: strictly below the benchmark is met exactly when own < benchmark, at any scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        const e = evaluate(
          below(),
          [fig('2030', (a / 100).toFixed(2))],
          { year: 2031 },
          { benchmark: [fig('2030', (b / 100).toFixed(2))] },
        );
        return e.status === (a < b ? 'met' : 'not_met');
      }),
    );
  });
});
