import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { statcanIndicatorProgress, statcanStatusFromScore } from './statcan-indicator.ts';
import { statcanSeriesProgress } from './statcan-opensdg.ts';
import { statcanScore, statcanStatus } from './statcan-score.ts';

/** A value just under x (a couple of ulps): the float a peer would hold just below a band edge. */
const below = (x: number): number => x - Math.abs(x) * Number.EPSILON;

const withTarget = { high: 0.95, med: 0.6, low: 0 };
const noTarget = { high: 0.015, med: 0.005, low: 0 };
const pts = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));

describe('StatCan status bands', () => {
  it.each([
    [0.95, withTarget, 'substantial_progress'],
    [below(0.95), withTarget, 'moderate_progress'],
    [0.6, withTarget, 'moderate_progress'],
    [below(0.6), withTarget, 'limited_progress'],
    [0, withTarget, 'limited_progress'],
    [-1e-17, withTarget, 'deterioration'],
    [0.015, noTarget, 'substantial_progress'],
    [0.005, noTarget, 'moderate_progress'],
    [below(0.005), noTarget, 'limited_progress'],
    [0, noTarget, 'limited_progress'],
    [-0.0001, noTarget, 'deterioration'],
  ] as const)('a progress value of %s is %s at its band edge', (v, t, expected) => {
    expect(statcanStatus(v, t, false)).toBe(expected);
  });

  it('reports target_achieved whatever the progress value', () =>
    expect(statcanStatus(-3, withTarget, true)).toBe('target_achieved'));
  it('reports not_available without a progress value', () =>
    expect(statcanStatus(null, withTarget, false)).toBe('not_available'));
});

describe('StatCan scores', () => {
  it('keeps the rounded constants, so R = 0.6 scores 0.00004 and not 0', () => {
    expect(statcanScore(0.6, withTarget, true, 1, false)).toBe(3.999999999937387e-5);
  });
  it.each([
    [2, withTarget, true, 5],
    [-2, withTarget, true, -5],
    [0.3, withTarget, true, 4.1667 * 0.3 - 2.5],
    [0.03, noTarget, false, 5],
    [0.01, noTarget, false, 250 * 0.01 - 1.25],
    [0.002, noTarget, false, 500 * 0.002 - 2.5],
    [-0.01, noTarget, false, 125 * -0.01 - 2.5],
    [-1, noTarget, false, -5],
  ] as const)('scores %s (thresholds %o, target %s) as %s', (v, t, hasTarget, expected) => {
    expect(statcanScore(v, t, hasTarget, 1, false)).toBe(expected);
  });
  it('divides by C so a value is scored on the reduced thresholds it was compared with', () => {
    const c = 0.5;
    expect(statcanScore(0.004, { high: 0.0075, med: 0.0025, low: 0 }, false, c, false)).toBe((250 * 0.004) / c - 1.25);
  });
  it('scores a met target 5', () => expect(statcanScore(null, withTarget, true, 1, true)).toBe(5));
});

describe('StatCan series traps', () => {
  it('defaults the direction to negative: a rising series without a target is deterioration', () => {
    const r = statcanSeriesProgress(pts([2015, 100], [2020, 110]));
    expect(r.status).toBe('deterioration');
    expect(r.progressValue).toBe(-0.019244876491456564);
    expect(r.score).toBe(-4.905609561432071);
  });

  it('defaults the direction to negative: a target above the base is achieved at once', () => {
    expect(statcanSeriesProgress(pts([2015, 100], [2020, 100]), { target: 120 }).status).toBe('target_achieved');
  });

  it('calls a constant series limited_progress, not deterioration', () => {
    const r = statcanSeriesProgress(pts([2015, 50], [2020, 50]), { direction: 'positive' });
    expect(r.status).toBe('limited_progress');
    expect(r.score).toBe(-2.5);
  });

  it('aims a zero target at 0.001, which makes real declines look limited', () => {
    const r = statcanSeriesProgress(pts([2015, 5], [2020, 4]), { target: 0 });
    expect(r.effectiveTarget).toBe(0.001);
    expect(r.progressValue).toBe(0.10074755195645935);
    expect(r.status).toBe('limited_progress');
  });

  it('judges target achieved on the latest level only, inclusively', () => {
    expect(statcanSeriesProgress(pts([2015, 10], [2020, 8]), { target: 8 }).status).toBe('target_achieved');
    expect(
      statcanSeriesProgress(pts([2015, 10], [2020, 8]), { target: 8, targetAchievedInclusive: false }).status,
    ).not.toBe('target_achieved');
    // Reached in 2018, lost by 2020: not achieved.
    expect(statcanSeriesProgress(pts([2015, 10], [2018, 7], [2020, 9]), { target: 8 }).status).not.toBe(
      'target_achieved',
    );
  });

  it('gives full marks for holding a value on its limit and deterioration for any fall from it', () => {
    const hold = statcanSeriesProgress(pts([2015, 100], [2020, 100]), { direction: 'positive', limit: 100 });
    expect(hold.coefficient).toBe(0);
    expect([hold.status, hold.score]).toEqual(['substantial_progress', 5]);
    const fall = statcanSeriesProgress(pts([2015, 100], [2020, 99]), { direction: 'positive', limit: 100 });
    expect([fall.status, fall.score]).toEqual(['deterioration', -2.751006042321769]);
  });

  it('leaves the thresholds alone for a limit of 0', () => {
    expect(statcanSeriesProgress(pts([2015, 5], [2020, 4]), { limit: 0 }).coefficient).toBe(1);
  });

  it('moves a missing base year to the next later year with data, never back', () => {
    expect(statcanSeriesProgress(pts([2014, 9], [2016, 10], [2020, 12])).components?.baseYear).toBe(2016);
  });

  it('gives not_available for one year of data, for no data, and for a sign change', () => {
    expect(statcanSeriesProgress(pts([2014, 9], [2015, 10]), { baseYear: 2015 }).notAvailableReason).toBe(
      'single_year',
    );
    expect(statcanSeriesProgress([]).status).toBe('not_available');
    const flip = statcanSeriesProgress(pts([2015, 2], [2020, -1]));
    expect([flip.status, flip.notAvailableReason, flip.score]).toEqual(['not_available', 'sign_change', null]);
  });

  it('still reports a met target when the sign changed, as the peer does', () => {
    expect(statcanSeriesProgress(pts([2015, 2], [2020, -1]), { target: 0 }).status).toBe('target_achieved');
  });

  it('replaces a zero base by 0.001 as the peer does, or refuses when asked to', () => {
    const r = statcanSeriesProgress(pts([2015, 0], [2020, 2]), { direction: 'positive' });
    expect(r.components?.baseValue).toBe(0.001);
    expect(r.coefficient).toBeNull();
    expect(() => statcanSeriesProgress(pts([2015, 0], [2020, 2]), { zeroBase: 'refuse' })).toThrowError(
      ValidationError,
    );
  });

  it.each([
    ['a repeated year', pts([2015, 1], [2015, 2], [2020, 3]), {}, 'duplicate_year'],
    ['no data from the base year on', pts([2012, 1], [2013, 2]), {}, 'base_year_after_data'],
    [
      'a target equal to the base value',
      pts([2015, 10], [2020, 12]),
      { target: 10, direction: 'positive' as const },
      'target_equals_base',
    ],
  ])('refuses %s with a typed error', (_what, points, options, reason) => {
    try {
      statcanSeriesProgress(points, options);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code).toBe('progress_input_invalid');
      expect((e as ValidationError).details.reason).toBe(reason);
    }
  });
});

describe('StatCan indicator roll-up', () => {
  it('is not_available when no series has a score', () => {
    expect(statcanIndicatorProgress([{ score: null, targetAchieved: false }])).toEqual({
      score: null,
      status: 'not_available',
    });
  });
  it('is target_achieved only when every scored series met its target', () => {
    expect(
      statcanIndicatorProgress([
        { score: 5, targetAchieved: true },
        { score: null, targetAchieved: false },
      ]).status,
    ).toBe('target_achieved');
    expect(
      statcanIndicatorProgress([
        { score: 5, targetAchieved: true },
        { score: 5, targetAchieved: false },
      ]).status,
    ).toBe('substantial_progress');
  });
  it.each([
    [2.5, 'substantial_progress'],
    [0, 'moderate_progress'],
    [-2.5, 'limited_progress'],
    [-2.5000000000000004, 'deterioration'],
    [-5, 'deterioration'],
  ] as const)('reads a mean score of %s as %s', (score, status) =>
    expect(statcanStatusFromScore(score, false)).toBe(status),
  );
});
