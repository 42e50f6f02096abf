import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { evBand, evGrowthBand, expectedValueProgress } from './un-2023-expected-value.ts';

/** A value just under x (a couple of ulps): the float a peer would hold just below a band edge. */
const below = (x: number): number => x - Math.abs(x) * Number.EPSILON;

const pts = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('UN 2023 expected value', () => {
  it.each([
    [0.95, 3],
    [below(0.95), 2],
    [0.1, 2],
    [below(0.1), 1],
  ] as const)('puts P = %s in category %s', (p, c) => expect(evBand(p)).toBe(c));

  it.each([
    [0.02, 'increase', 3],
    [below(0.02), 'increase', 2],
    [0.005, 'increase', 2],
    [0.0049, 'increase', 1],
    [-0.02, 'decrease', 3],
    [-0.005, 'decrease', 2],
    [-0.0049, 'decrease', 1],
  ] as const)('puts a growth of %s (%s desired) without target in category %s', (g, d, c) =>
    expect(evGrowthBand(g, d)).toBe(c),
  );

  it('projects the observed growth to the target year and compares with the change required', () => {
    const r = expectedValueProgress(pts([2015, 100], [2020, 104]), { target: 130, direction: 'increase' });
    expect(r.projected).toBeCloseTo(112.4864, 10);
    expect(r.value).toBeCloseTo(0.41621333333333205, 13);
    expect([r.category, r.rule]).toEqual([2, 'expected_value']);
  });

  it('counts a latest value on the target as met, and one within a point of a 0 % or 100 % target', () => {
    expect(expectedValueProgress(pts([2015, 100], [2020, 130]), { target: 130, direction: 'increase' }).rule).toBe(
      'target_met',
    );
    expect(expectedValueProgress(pts([2015, 80], [2020, 99.2]), { target: 100, direction: 'increase' }).rule).toBe(
      'near_bound',
    );
    expect(expectedValueProgress(pts([2015, 9], [2020, 0.8]), { target: 0, direction: 'decrease' }).rule).toBe(
      'near_bound',
    );
    expect(expectedValueProgress(pts([2015, 80], [2020, 98.9]), { target: 100, direction: 'increase' }).rule).toBe(
      'expected_value',
    );
  });

  it('evaluates at the target year when it has passed', () => {
    const r = expectedValueProgress(pts([2015, 100], [2020, 120], [2022, 90]), {
      target: 130,
      targetYear: 2020,
      direction: 'increase',
    });
    expect(r.latestYear).toBe(2020);
  });

  it('takes the first later base year that leaves two points, else the nearest earlier one', () => {
    expect(expectedValueProgress(pts([2013, 1], [2016, 2], [2019, 3]), { direction: 'increase' }).baseYear).toBe(2016);
    expect(expectedValueProgress(pts([2013, 1], [2016, 2]), { direction: 'increase' }).baseYear).toBe(2013);
  });

  it('rates binary indicators 3 or 1 and refuses growth-rate indicators', () => {
    expect(expectedValueProgress(pts([2015, 0], [2020, 1]), { direction: 'increase', kind: 'binary' }).category).toBe(
      3,
    );
    expect(expectedValueProgress(pts([2015, 1], [2020, 0]), { direction: 'increase', kind: 'binary' }).category).toBe(
      1,
    );
    expect(() =>
      expectedValueProgress(pts([2015, 6], [2020, 7]), { direction: 'increase', kind: 'growth_rate' }),
    ).toThrowError(ValidationError);
  });

  it('refuses a sign change and a target equal to the base', () => {
    expect(() => expectedValueProgress(pts([2015, 2], [2020, -1]), { direction: 'increase' })).toThrowError(
      ValidationError,
    );
    expect(() => expectedValueProgress(pts([2015, 10], [2020, 9]), { target: 10, direction: 'increase' })).toThrowError(
      ValidationError,
    );
  });
});
