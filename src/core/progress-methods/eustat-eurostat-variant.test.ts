import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { eustatScore, eustatSeriesProgress, eustatStatus, eustatStatusFromScore } from './eustat-eurostat-variant.ts';
import { naturalLimitCoefficient } from './natural-limit.ts';

const pts = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));
const noTarget = { high: 0.01, med: 0.001, low: -0.001 };
const withTarget = { high: 0.95, med: 0.6, low: 0 };

describe('EUSTAT Eurostat-style statuses', () => {
  it.each([
    [0.01, noTarget, 'significant_progress'],
    [0.001, noTarget, 'moderate_progress'],
    [0, noTarget, 'no_progress'],
    [-0.001, noTarget, 'no_progress'],
    [-0.0011, noTarget, 'moderate_deterioration'],
    [-0.01, noTarget, 'moderate_deterioration'],
    [-0.0101, noTarget, 'significant_deterioration'],
    [0.95, withTarget, 'significant_progress'],
    [0.6, withTarget, 'moderate_progress'],
    [0, withTarget, 'moderate_deterioration'],
    [-0.01, withTarget, 'significant_deterioration'],
  ] as const)('names a progress value of %s %s', (v, t, status) => expect(eustatStatus(v, t, false)).toBe(status));

  it('reports a met target as significant_progress', () =>
    expect(eustatStatus(-1, withTarget, true)).toBe('significant_progress'));

  it.each([
    [2.5, 'moderate_progress'],
    [2.5000000000000004, 'significant_progress'],
    [0.25, 'no_progress'],
    [-0.25, 'no_progress'],
    [-2.5, 'moderate_deterioration'],
    [-2.5000000000000004, 'significant_deterioration'],
  ] as const)('reads an indicator score of %s as %s', (s, status) =>
    expect(eustatStatusFromScore(s, false)).toBe(status),
  );
});

describe('EUSTAT scores', () => {
  it.each([
    [0.005, false, 1, 1.25],
    [-0.005, false, 1, -1.25],
    [0.03, false, 1, 5],
    [-0.03, false, 1, -5],
    [-0.01, false, 0, 5],
    [1.31, true, 1, 5],
    [0.6, true, 1, 0],
    [0, true, 1, -2.5],
    [-0.6, true, 1, -5],
  ] as const)('scores %s (target %s, C = %s) as %s', (v, hasTarget, c, score) =>
    expect(eustatScore(v, hasTarget, c, false)).toBeCloseTo(score, 14),
  );
});

describe('EUSTAT series', () => {
  it('scales only high and med by C, leaving the −0.1 % edge alone', () => {
    const r = eustatSeriesProgress(pts([2015, 90], [2020, 91]), { direction: 'positive', limit: 100 });
    const c = naturalLimitCoefficient(90, 100);
    expect(r.thresholds).toEqual({ high: 0.01 * c, med: 0.001 * c, low: -0.001 });
  });

  it('searches the base year both ways: 2014 before 2017', () => {
    expect(
      eustatSeriesProgress(pts([2014, 100], [2017, 110], [2020, 121]), { direction: 'positive' }).components?.baseYear,
    ).toBe(2014);
  });

  it('scales the thresholds twice when the second base-year search moves the base, as the peer does', () => {
    const points = pts([2014, 90], [2017, 92], [2020, 95]);
    const quirk = eustatSeriesProgress(points, { direction: 'positive', limit: 100 });
    const clean = eustatSeriesProgress(points, { direction: 'positive', limit: 100, doubleScalingQuirk: false });
    expect(quirk.thresholds?.high).toBe(0.01 * naturalLimitCoefficient(92, 100) * naturalLimitCoefficient(90, 100));
    expect(clean.thresholds?.high).toBe(0.01 * naturalLimitCoefficient(90, 100));
  });

  it('refuses when no data follows the base year, where the peer crashes before its own search', () => {
    expect(() => eustatSeriesProgress(pts([2012, 1], [2013, 2]))).toThrowError(ValidationError);
  });
});
