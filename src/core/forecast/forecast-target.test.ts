import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CumulativeTarget, LevelAtEndTarget, ObservationInput, ThresholdTarget } from '../targets/target.ts';
import { forecastTarget, isUnavailable, type Forecast, type ForecastResult, type ScalePrior } from './index.ts';
import { normalQuantile } from './normal.ts';

const term = { firstYear: 2026, lastYear: 2030 };
const level = (value: string, extra: Partial<LevelAtEndTarget> = {}): LevelAtEndTarget => ({
  kind: 'level_at_end',
  direction: 'higher_better',
  term,
  value,
  year: 2030,
  ...extra,
});
const fig = (period: string, value: string, status: ObservationInput['status'] = 'official'): ObservationInput => ({
  period,
  value,
  status,
  measure: 'level',
});
const result = (f: Forecast): ForecastResult => {
  if (isUnavailable(f)) throw new Error(`expected a forecast, got ${f.unavailable.en}`);
  return f;
};
const prior: ScalePrior = { mean: 0.05, between: 0.0004, within: 0.01, weight: 4, drift: 0.001 };

describe('closed-form cases', () => {
  it('one figure and the prior: the median end value is the figure grown at the prior mean, and P is 1/2 there', () => {
    // No step: drift ~ N(μ₀, τ²), σ² = σ₀²; over h = 4 years, log v_T ~ N(ln v + 4μ₀, 4σ₀² + 16(τ² + ω²)).
    const v = 1000;
    const h = 4;
    const median = v * Math.exp(h * prior.mean);
    const sd = Math.sqrt(h * prior.within + h * h * (prior.between + prior.drift));
    const at = (x: number): number =>
      result(forecastTarget(level(x.toFixed(6)), [fig('2026', '1000')], { year: 2026 }, { priors: { log: prior } }))
        .pMet;
    expect(at(median)).toBeCloseTo(0.5, 3);
    // P(log v_T ≥ m + z₀.₉·sd) = 0.1.
    expect(at(median * Math.exp(sd * normalQuantile(0.9)))).toBeCloseTo(0.1, 3);
    expect(at(median * Math.exp(-sd * normalQuantile(0.9)))).toBeCloseTo(0.9, 3);
  });

  it('the interval of a single-figure forecast is the log-normal quantiles', () => {
    const h = 4;
    const sd = Math.sqrt(h * prior.within + h * h * (prior.between + prior.drift));
    const f = result(forecastTarget(level('2000'), [fig('2026', '1000')], { year: 2026 }, { priors: { log: prior } }));
    const z = normalQuantile(0.9);
    expect(Number(f.interval.low)).toBeCloseTo(1000 * Math.exp(h * prior.mean - z * sd), 0);
    expect(Number(f.interval.high)).toBeCloseTo(1000 * Math.exp(h * prior.mean + z * sd), 0);
    expect(f.interval.level).toBe(0.8);
    expect(f.fan?.map((p) => p.year)).toEqual([2027, 2028, 2029, 2030]);
  });

  it('steps of a steady series pull the drift from the prior toward the series by the normal–normal weights', () => {
    // Three steps of exactly ln 1.1: s² = 0 from the settled steps, σ² = ν₀σ₀²/(ν₀ + 1);
    // μ̂ = (3·ln1.1/σ² + μ₀/τ²) / (3/σ² + 1/τ²).
    const obs = [fig('2026', '1000'), fig('2027', '1100'), fig('2028', '1210'), fig('2029', '1331')];
    const f = result(forecastTarget(level('1400'), obs, { year: 2029 }, { priors: { log: prior } }));
    const sigma2 = (prior.weight * prior.within) / (prior.weight + 1);
    const mu = ((3 * Math.log(1.1)) / sigma2 + prior.mean / prior.between) / (3 / sigma2 + 1 / prior.between);
    expect(f.inputs.drift).toBeCloseTo(mu, 5);
    expect(f.inputs.ownDrift).toBeCloseTo(Math.log(1.1), 5);
  });

  it('a cumulative target with one year left is a single log-normal flow on top of what is counted', () => {
    const target: CumulativeTarget = { kind: 'cumulative', direction: 'higher_better', term, value: '5000' };
    const flows = ['2026', '2027', '2028', '2029'].map((p) => ({ ...fig(p, '1000'), measure: 'flow' as const }));
    const f = result(forecastTarget(target, flows, { year: 2029 }, { priors: { log: prior } }));
    // 4000 counted; the 2030 flow ~ logN(ln 1000 + μ̂, σ² + V + ω²) must reach 1000: P = Φ(μ̂ / sd).
    expect(f.method).toBe('flow_sum_lognormal');
    expect(f.inputs.countedSoFar).toBe(4000);
    const mu = Number(f.inputs.drift);
    const sd = Number(f.inputs.endSd);
    const z = mu / sd;
    expect(f.pMet).toBeCloseTo(0.5 * (1 + erf(z / Math.SQRT2)), 3);
  });

  it('one remaining unit and a uniform prior: the chance it qualifies in a year is one half', () => {
    const f = result(
      forecastTarget(
        {
          kind: 'units_meeting_standard',
          direction: 'higher_better',
          term,
          count: 10,
          ofCount: 10,
          standard: 'NTM',
          year: 2030,
        },
        [{ period: '2029', value: '9', status: 'official', measure: 'count' }],
        { year: 2029 },
        { priors: { units: { a: 1, b: 1 } } },
      ),
    );
    expect(f.method).toBe('units_beta_binomial');
    expect(f.pMet).toBeCloseTo(0.5, 3);
  });
});

describe('average growth', () => {
  it('yearly rates and the levels they compound to give the same forecast', () => {
    const target = {
      kind: 'growth_average' as const,
      direction: 'higher_better' as const,
      term,
      min: '8',
      averaging: 'geometric' as const,
      baseYear: 2025,
    };
    const rates: ObservationInput[] = [
      { period: '2026', value: '7', status: 'official', measure: 'growth_rate' },
      { period: '2027', value: '9', status: 'official', measure: 'growth_rate' },
    ];
    const levels = [fig('2025', '1000'), fig('2026', '1070'), fig('2027', '1166.3')];
    const a = result(forecastTarget(target, rates, { year: 2027 }));
    const b = result(forecastTarget(target, levels, { year: 2027 }));
    expect(a.pMet).toBeCloseTo(b.pMet, 3);
    expect(a.interval).toEqual(b.interval);
    expect(a.sentence.en).toContain('%/yr');
  });

  it('a growth target from levels needs the base year', () => {
    const f = forecastTarget(
      { kind: 'growth_average', direction: 'higher_better', term, min: '8', averaging: 'geometric', baseYear: 2025 },
      [fig('2026', '1070'), fig('2027', '1166.3')],
      { year: 2027 },
    );
    expect(isUnavailable(f) && f.unavailable.code).toBe('needs_baseline');
  });
});

// erf by its series, independent of the module's own approximation.
function erf(x: number): number {
  let sum = 0;
  let term = x;
  for (let n = 0; n < 60; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

const series = fc.array(fc.integer({ min: 500, max: 2000 }), { minLength: 1, maxLength: 4 });
const toObs = (values: readonly number[]): ObservationInput[] => values.map((v, i) => fig(String(2025 + i), String(v)));

describe('monotonicity', () => {
  it('a higher target never raises P (level at the end)', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 100, max: 5000 }), fc.integer({ min: 1, max: 3000 }), (values, t, more) => {
        const obs = toObs(values);
        const asOf = { year: 2024 + values.length };
        const low = result(forecastTarget(level(String(t)), obs, asOf)).pMet;
        const high = result(forecastTarget(level(String(t + more)), obs, asOf)).pMet;
        expect(high).toBeLessThanOrEqual(low);
      }),
    );
  });

  it('a better latest figure never lowers P, whichever way is better', () => {
    fc.assert(
      fc.property(
        series,
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        (values, gain, t, direction) => {
          const asOf = { year: 2024 + values.length };
          const last = values[values.length - 1] as number;
          const better = [
            ...values.slice(0, -1),
            direction === 'higher_better' ? last + gain : Math.max(last - gain, 1),
          ];
          if (better[better.length - 1] === last) return;
          const target = level(String(t), { direction });
          const before = result(forecastTarget(target, toObs(values), asOf)).pMet;
          const after = result(forecastTarget(target, toObs(better), asOf)).pMet;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('a higher yearly flow never lowers P of a cumulative target, and a higher total never raises it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100, max: 1000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1000, max: 6000 }),
        (values, gain, total) => {
          const flows = (vs: readonly number[]): ObservationInput[] =>
            vs.map((v, i) => ({ ...fig(String(2026 + i), String(v)), measure: 'flow' }));
          const target = (v: number): CumulativeTarget => ({
            kind: 'cumulative',
            direction: 'higher_better',
            term,
            value: String(v),
          });
          const asOf = { year: 2025 + values.length };
          const p = (t: number, vs: readonly number[]): number => {
            const f = forecastTarget(target(t), flows(vs), asOf);
            return isUnavailable(f) ? Number.NaN : f.pMet;
          };
          const better = [...values.slice(0, -1), (values[values.length - 1] as number) + gain];
          expect(p(total, better)).toBeGreaterThanOrEqual(p(total, values));
          expect(p(total + gain, values)).toBeLessThanOrEqual(p(total, values));
        },
      ),
    );
  });

  it('a lower unemployment figure never lowers P of "below 3.5 %" (logit scale)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 10, max: 90 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 9 }),
        (tenths, drop) => {
          const target: ThresholdTarget = {
            kind: 'threshold',
            direction: 'lower_better',
            op: '<',
            term,
            value: '3.5',
            year: 2030,
          };
          const share = (vs: readonly number[]): ObservationInput[] =>
            vs.map((v, i) => ({
              period: String(2025 + i),
              value: (v / 10).toFixed(1),
              status: 'official',
              measure: 'share',
            }));
          const last = tenths[tenths.length - 1] as number;
          const better = [...tenths.slice(0, -1), Math.max(last - drop, 1)];
          const asOf = { year: 2024 + tenths.length };
          const p = (vs: readonly number[]): number =>
            result(forecastTarget(target, share(vs), asOf, { indicatorUnit: '%' })).pMet;
          expect(p(better)).toBeGreaterThanOrEqual(p(tenths));
        },
      ),
    );
  });
});

describe('estimates, decided outcomes and missing figures', () => {
  it('an estimate widens the interval until the official figure replaces it', () => {
    const obs = [fig('2025', '7500'), fig('2026', '8100')];
    const official = result(forecastTarget(level('11380'), [...obs, fig('2027', '8700')], { year: 2027 }));
    const estimate = result(forecastTarget(level('11380'), [...obs, fig('2027', '8700', 'estimate')], { year: 2027 }));
    const width = (f: ForecastResult): number => Number(f.interval.high) - Number(f.interval.low);
    expect(width(estimate)).toBeGreaterThan(width(official));
    expect(estimate.inputs.latestStatus).toBe('estimate');
    expect(estimate.sentence.vi).toContain('ước tính');
    const preliminary = result(
      forecastTarget(level('11380'), [...obs, fig('2027', '8700', 'preliminary')], { year: 2027 }),
    );
    expect(width(preliminary)).toBeGreaterThan(width(official));
    expect(width(preliminary)).toBeLessThan(width(estimate));
  });

  it('P is exactly 1 or 0 once the judged figure is in, and the interval is that figure', () => {
    const obs = [fig('2025', '7500'), fig('2028', '10000')];
    const met = result(forecastTarget(level('11380'), [...obs, fig('2030', '11380')], { year: 2031 }));
    expect(met.pMet).toBe(1);
    expect(met.method).toBe('decided');
    expect(met.interval).toEqual({ low: '11380', high: '11380', level: 1 });
    const missed = result(forecastTarget(level('11380'), [...obs, fig('2030', '11379.9')], { year: 2031 }));
    expect(missed.pMet).toBe(0);
    expect(missed.sentence.vi).toContain('không đạt');
  });

  it('P is exactly 1 while the term runs once a cumulative total is already past its target', () => {
    const target: CumulativeTarget = { kind: 'cumulative', direction: 'higher_better', term, value: '1500' };
    const flows = ['2026', '2027'].map((p) => ({ ...fig(p, '1000'), measure: 'flow' as const }));
    const f = result(forecastTarget(target, flows, { year: 2027 }));
    expect(f.pMet).toBe(1);
    expect(f.method).toBe('decided');
  });

  it('a running target is never given P of exactly 0 or 1, however far off it is', () => {
    const obs = [fig('2025', '1000'), fig('2026', '1010')];
    expect(result(forecastTarget(level('1000000'), obs, { year: 2026 })).pMet).toBe(0.001);
    expect(result(forecastTarget(level('1'), obs, { year: 2026 })).pMet).toBe(0.999);
  });

  it('no figures: the forecast says so instead of giving a probability', () => {
    const f = forecastTarget(level('11380'), [], { year: 2027 });
    expect(f).toEqual({ unavailable: expect.objectContaining({ code: 'no_figures' }) });
    expect(isUnavailable(f) && f.unavailable.vi).toContain('Chưa có số liệu');
  });

  it('a rank or a milestone gets no made-up probability', () => {
    const f = forecastTarget(
      { kind: 'rank', direction: 'lower_better', term, maxRank: 5, among: 'provinces', year: 2030 },
      [{ period: '2026', value: '8', status: 'official', measure: 'rank' }],
      { year: 2026 },
    );
    expect(isUnavailable(f) && f.unavailable.code).toBe('no_model');
  });

  it('a bad figure is refused with the evaluation engine’s typed error', () => {
    expect(() => forecastTarget(level('100'), [fig('2026', '1,5')], { year: 2026 })).toThrow(/valid decimal|hợp lệ/);
  });
});
