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
