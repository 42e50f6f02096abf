import { describe, expect, it } from 'vitest';
import type { LevelAtEndTarget, ObservationInput } from '../targets/target.ts';
import { forecastTarget, isUnavailable, type Forecast, type ForecastResult } from './index.ts';
import { MIN_PEERS, termCrossSection, termPrior, type PeerSeries, type PoolStructure } from './pool.ts';

const structure: PoolStructure = {
  base: { mean: 0.05, between: 0, within: 0.01, weight: 4, drift: 0.001 },
  weight: 0.5,
  common: 0.002,
  spread: 0.5,
};
/** A peer growing at `rate` a year (log) from 100 in 2025. */
const peer =
  (rate: number): PeerSeries =>
  (year) =>
    100 * Math.exp(rate * (year - 2025));

describe('the current term cross-section', () => {
  it('is the mean and sample variance of the peers’ yearly log growth since the base year', () => {
    const cs = termCrossSection([peer(0.01), peer(0.03), peer(0.08)], 2025, 2027);
    expect(cs).not.toBeNull();
    expect(cs?.peers).toBe(3);
    expect(cs?.mean).toBeCloseTo(0.04, 12);
    // ((−0.03)² + (−0.01)² + 0.04²) / 2
    expect(cs?.variance).toBeCloseTo(0.0013, 12);
    expect(cs?.years).toBe(2);
  });

  it('takes a peer’s latest figure by the checkpoint, and gives nothing with fewer than MIN_PEERS peers', () => {
    const late: PeerSeries = (y) => (y <= 2026 ? 100 * Math.exp(0.1 * (y - 2025)) : undefined);
    const cs = termCrossSection([peer(0.1), peer(0.1), late], 2025, 2027);
    expect(cs?.mean).toBeCloseTo(0.1, 12);
    expect(cs?.years).toBeCloseTo(5 / 3, 12);
    const few = Array.from({ length: MIN_PEERS - 1 }, () => peer(0.02));
    expect(termCrossSection(few, 2025, 2027)).toBeNull();
  });

  it('reads no year after the checkpoint nor before the base year', () => {
    const guarded =
      (rate: number): PeerSeries =>
      (year) => {
        if (year > 2027 || year < 2025) throw new Error(`read ${year}`);
        return peer(rate)(year);
      };
    expect(() => termCrossSection([guarded(0.01), guarded(0.02), guarded(0.03)], 2025, 2027)).not.toThrow();
  });
});

describe('the prior pooled at the checkpoint', () => {
  it('closed form: θ̂ by the normal–normal weights, μ₀ = μ_lr + λ(θ̂ − μ_lr), τ² = κ(s² − σ₀²/k̄)', () => {
    const cs = { baseYear: 2025, asOfYear: 2027, peers: 10, mean: 0.01, variance: 0.02, years: 2 };
    const p = termPrior(structure, cs);
    const noise = 0.02 / 10;
    const theta = (0.05 / 0.002 + 0.01 / noise) / (1 / 0.002 + 1 / noise);
    expect(p.mean).toBeCloseTo(0.05 + 0.5 * (theta - 0.05), 12);
    expect(p.between).toBeCloseTo(0.5 * (0.02 - 0.01 / 2), 12);
    expect(p.within).toBe(0.01);
    expect(p.drift).toBe(0.001);
  });

  const target: LevelAtEndTarget = {
    kind: 'level_at_end',
    direction: 'higher_better',
    term: { firstYear: 2026, lastYear: 2030 },
    value: '1300',
    year: 2030,
  };
  const obs: ObservationInput[] = [
    { period: '2025', value: '1000', status: 'official', measure: 'level' },
    { period: '2026', value: '1050', status: 'official', measure: 'level' },
    { period: '2027', value: '1100', status: 'official', measure: 'level' },
  ];
  const result = (f: Forecast): ForecastResult => {
    if (isUnavailable(f)) throw new Error(f.unavailable.en);
    return f;
  };
  const pWith = (rates: number[], baseYear = 2025): ForecastResult =>
    result(
      forecastTarget(
        target,
        obs,
        { year: 2027 },
        {
          priors: { pool: structure },
          pool: termCrossSection(
            rates.map((r) => (y: number) => 100 * Math.exp(r * (y - baseYear))),
            baseYear,
            2027,
          ),
        },
      ),
    );

  it('a term whose peers grow more never lowers P; the pooled inputs are shown', () => {
    const low = pWith([0.0, 0.01, 0.02, 0.0]);
    const high = pWith([0.08, 0.09, 0.1, 0.08]);
    expect(high.pMet).toBeGreaterThan(low.pMet);
    expect(high.inputs.poolPeers).toBe(4);
    expect(high.inputs.poolMean).toBeCloseTo(0.0875, 6);
  });

  it('a cross-section of another term is not used', () => {
    const other = pWith([0.08, 0.09, 0.1, 0.08], 2020);
    const none = result(forecastTarget(target, obs, { year: 2027 }));
    expect(other.pMet).toBe(none.pMet);
    expect(other.inputs.poolPeers).toBeUndefined();
  });
});

describe('the latest year’s common growth and the year effect', () => {
  it('the cross-section carries the peers’ latest yearly growth inside the term', () => {
    // Peers growing 2 % then 10 %: the term so far averages 6 %, the latest year 10 %.
    const bent =
      (late: number): PeerSeries =>
      (year) =>
        year <= 2026 ? 100 * Math.exp(0.02 * (year - 2025)) : 100 * Math.exp(0.02 + late * (year - 2026));
    const cs = termCrossSection([bent(0.1), bent(0.1), bent(0.13)], 2025, 2027);
    expect(cs?.recent?.peers).toBe(3);
    expect(cs?.recent?.mean).toBeCloseTo(0.11, 12);
    expect(cs?.recent?.variance).toBeCloseTo(0.0003, 12);
    // One year in, the latest year is the term so far.
    const one = termCrossSection([bent(0.1), bent(0.1), bent(0.13)], 2025, 2026);
    expect(one?.recent?.mean).toBeCloseTo(one?.mean ?? Number.NaN, 12);
  });

  it('closed form: μ₀ gains λ₁(ℓ̂ − μ_lr), ℓ̂ shrunk toward μ_lr by ψ²; λ and λ₁ below 0 count as 0', () => {
    const cs = {
      baseYear: 2025,
      asOfYear: 2027,
      peers: 10,
      mean: 0.01,
      variance: 0.02,
      years: 2,
      recent: { peers: 8, mean: -0.04, variance: 0.016 },
    };
    const plain = termPrior(structure, cs);
    const withRecent = termPrior({ ...structure, recentWeight: 0.3, yearVariance: 0.004 }, cs);
    const noise = 0.016 / 8;
    const ell = (0.05 / 0.004 + -0.04 / noise) / (1 / 0.004 + 1 / noise);
    expect(withRecent.mean).toBeCloseTo(plain.mean + 0.3 * (ell - 0.05), 12);
    expect(termPrior({ ...structure, recentWeight: -0.3, yearVariance: 0.004 }, cs).mean).toBe(plain.mean);
    expect(termPrior({ ...structure, recentWeight: 0.3 }, cs).mean).toBe(plain.mean);
    expect(termPrior({ ...structure, weight: -0.2 }, cs).mean).toBe(termPrior({ ...structure, weight: 0 }, cs).mean);
  });

  it('the year effect widens the end value’s spread by h·ψ², and leaves its median', () => {
    const target: LevelAtEndTarget = {
      kind: 'level_at_end',
      direction: 'higher_better',
      term: { firstYear: 2026, lastYear: 2030 },
      value: '1400',
      year: 2030,
    };
    const obs: ObservationInput[] = Array.from({ length: 3 }, (_, i) => ({
      period: String(2025 + i),
      value: (1000 * 1.05 ** i).toFixed(2),
      status: 'official' as const,
      measure: 'level' as const,
    }));
    const log = { mean: 0.05, between: 0.0005, within: 0.01, weight: 2, drift: 0.0005 };
    const at = (shock?: number): ForecastResult => {
      const f = forecastTarget(
        target,
        obs,
        { year: 2027 },
        { priors: { log: { ...log, ...(shock ? { shock } : {}) } } },
      );
      if (isUnavailable(f)) throw new Error(f.unavailable.en);
      return f;
    };
    const narrow = at();
    const wide = at(0.004);
    const width = (f: ForecastResult): number => Math.log(Number(f.interval.high) / Number(f.interval.low));
    // Three years ahead at z = ±1.2816: the log width grows from 2z·√V to 2z·√(V + 3ψ²).
    const z = 1.2815515655446004;
    const v = (width(narrow) / (2 * z)) ** 2;
    expect(width(wide)).toBeCloseTo(2 * z * Math.sqrt(v + 3 * 0.004), 3);
    expect(Math.log(Number(wide.interval.high) * Number(wide.interval.low))).toBeCloseTo(
      Math.log(Number(narrow.interval.high) * Number(narrow.interval.low)),
      3,
    );
  });
});
