import { describe, expect, it } from 'vitest';
import { ChitieuError } from '../errors.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { evaluate } from './index.ts';

const term = { firstYear: 2021, lastYear: 2025 };
const level: TargetSpec = { kind: 'level_at_end', direction: 'higher_better', term, value: '35', year: 2025 };
const o = (period: string, value: string, extra: Partial<ObservationInput> = {}): ObservationInput => ({
  period,
  value,
  status: 'official',
  ...extra,
});

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ChitieuError) {
      expect(e.messages.vi.length).toBeGreaterThan(0);
      expect(e.messages.en.length).toBeGreaterThan(0);
      return e.code;
    }
    throw e;
  }
  return 'no error';
}

describe('invalid input is refused with a typed error, never a wrong status', () => {
  it('a range with min above max is an invalid target', () => {
    expect(
      codeOf(() =>
        evaluate({ kind: 'range_at_end', direction: 'higher_better', term, min: '50', max: '40', year: 2025 }, [], {
          year: 2026,
        }),
      ),
    ).toBe('invalid_target');
  });

  it('a growth target without a base year is an invalid target', () => {
    const t = {
      kind: 'growth_average',
      direction: 'higher_better',
      term,
      min: '14.5',
      averaging: 'geometric',
    } as unknown as TargetSpec;
    expect(codeOf(() => evaluate(t, [], { year: 2026 }))).toBe('invalid_target');
  });

  it('an observation in an unknown period is refused', () => {
    expect(codeOf(() => evaluate(level, [o('2025-Q5', '1')], { year: 2026 }))).toBe('invalid_period');
  });

  it('an observation outside the term is refused', () => {
    expect(codeOf(() => evaluate(level, [o('2031', '1')], { year: 2032 }))).toBe('period_out_of_term');
  });

  it.each(['NaN', '1e3', '1,5', '', 'Infinity'])('a value of "%s" is refused', (v) => {
    expect(codeOf(() => evaluate(level, [o('2025', v)], { year: 2026 }))).toBe('invalid_observation');
  });

  it('a target value that is not a decimal is an invalid target', () => {
    expect(codeOf(() => evaluate({ ...level, value: '35,5' }, [], { year: 2026 }))).toBe('invalid_target');
  });

  it('an observation in another unit than the indicator is refused', () => {
    expect(
      codeOf(() =>
        evaluate(level, [o('2025', '36', { unit: 'triệu USD' })], { year: 2026 }, { indicatorUnit: 'tỷ USD' }),
      ),
    ).toBe('unit_mismatch');
  });

  it('growth rates on different price bases are never combined', () => {
    const g: TargetSpec = {
      kind: 'growth_average',
      direction: 'higher_better',
      term,
      min: '14.5',
      averaging: 'geometric',
      baseYear: 2020,
    };
    const obs = [
      o('2021', '10', { priceBasis: 'comparable_2010' }),
      o('2022', '11', { priceBasis: 'comparable_2020' }),
    ];
    expect(codeOf(() => evaluate(g, obs, { year: 2026 }))).toBe('mixed_price_basis');
  });

  it('two observations for one period are refused', () => {
    expect(codeOf(() => evaluate(level, [o('2025', '1'), o('2025', '2')], { year: 2026 }))).toBe('invalid_observation');
  });

  it('a threshold whose operator contradicts its direction is an invalid target', () => {
    expect(
      codeOf(() =>
        evaluate({ kind: 'threshold', direction: 'lower_better', term, op: '>', value: '95', year: 2025 }, [], {
          year: 2026,
        }),
      ),
    ).toBe('invalid_target');
  });

  it('an unknown progress method is refused', () => {
    expect(codeOf(() => evaluate(level, [], { year: 2026 }, { progressMethod: 'guess' }))).toBe(
      'unknown_progress_method',
    );
  });

  it('a milestone value other than 0 or 1 is refused', () => {
    const m: TargetSpec = { kind: 'milestone', direction: 'higher_better', term, description: 'x', dueYear: 2025 };
    expect(codeOf(() => evaluate(m, [o('2025', '0.5')], { year: 2026 }))).toBe('invalid_observation');
  });
});
