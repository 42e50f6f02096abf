// The prior pooled across units for the current term: at a checkpoint, the growth every peer (the plan's other
// indicators and units, or every country in the backtest) has shown since the term's base year is already published.
// Its cross-sectional mean and spread, shrunk by empirical Bayes, replace the long-run prior's mean and spread, so a
// regime that changed since the prior was fitted (world growth halved after 2012) moves the forecast without any
// figure after the checkpoint being read. The structure (how much of the current-term mean to carry, how to scale its
// spread) is fitted on training terms only (docs/forecast.md, "Pooled at the checkpoint").
import type { ScalePrior } from './types.ts';

/** A peer's level by year (a float for the model), undefined when it has no figure that year. */
export type PeerSeries = (year: number) => number | undefined;

/** The current term's growth across peers, as known at the checkpoint. */
export interface TermCrossSection {
  /** The term's base year (the year before its first year). */
  baseYear: number;
  /** The latest year any figure was read from. */
  asOfYear: number;
  /** Peers with a positive figure in the base year and a later one by the checkpoint. */
  peers: number;
  /** m_c: mean of the peers' yearly log growth since the base year. */
  mean: number;
  /** s²: their sample variance. */
  variance: number;
  /** Mean years of growth a peer's rate is measured over. */
  years: number;
  /**
   * The peers' latest yearly growth (log, from the year before their latest figure to it, both within the term so
   * far): the calendar year's common shock as known at the checkpoint. Absent with fewer than MIN_PEERS such peers.
   */
  recent?: { peers: number; mean: number; variance: number };
}

/** How the current-term cross-section enters the prior; fitted on training terms (bench/forecast.bench.ts). */
export interface PoolStructure {
  /** The long-run prior: its mean is the μ_lr the current-term mean is shrunk toward, its `between` is not used. */
  base: ScalePrior;
  /** λ ≥ 0: share of the current-term common growth carried into the prior mean (1: all of it; 0: the long-run mean). */
  weight: number;
  /** γ²: variance of a term's common growth around μ_lr (the empirical-Bayes shrinkage of the cross-section mean). */
  common: number;
  /** κ: the prior's between-unit variance τ² as a multiple of the cross-section's between-unit variance. */
  spread: number;
  /**
   * λ₁ (≥ 0): share of the latest year's common growth (the peers' mean, shrunk by ψ²) carried into the prior mean, as
   * a deviation from μ_lr; absent or 0: the latest year adds nothing beyond the term so far.
   */
  recentWeight?: number;
  /**
   * ψ²: variance of the common (calendar-year) growth shared by every unit around μ_lr, a moment of the training
   * years. It shrinks the latest year's mean; the forecast's own year effect is the base prior's `shock`.
   */
  yearVariance?: number;
}

/** Fewer peers than this give no cross-section: the long-run prior is used unchanged. */
export const MIN_PEERS = 3;
/** Floor of the between-unit variance read from a cross-section (a spread of about 0.3 %/yr). */
const MIN_BETWEEN = 1e-5;

/**
 * Every peer's yearly log growth from the base year to its latest positive figure no later than `asOfYear`. Reads only
 * years `baseYear … asOfYear` (a test holds it to that): nothing after the checkpoint enters the prior.
 */
export function termCrossSection(
  peers: Iterable<PeerSeries>,
  baseYear: number,
  asOfYear: number,
): TermCrossSection | null {
  const rates: number[] = [];
  const spans: number[] = [];
  const lastYear: number[] = [];
  for (const peer of peers) {
    const base = peer(baseYear);
    if (base === undefined || !(base > 0)) continue;
    for (let y = asOfYear; y > baseYear; y--) {
      const v = peer(y);
      if (v === undefined || !(v > 0)) continue;
      rates.push((Math.log(v) - Math.log(base)) / (y - baseYear));
      spans.push(y - baseYear);
      // The latest yearly step inside the term (the base year's figure is the step's start one year in).
      const before = y - 1 === baseYear ? base : peer(y - 1);
      if (before !== undefined && before > 0) lastYear.push(Math.log(v) - Math.log(before));
      break;
    }
  }
  const n = rates.length;
  if (n < MIN_PEERS) return null;
  const { mean, variance } = moments(rates);
  const recent = lastYear.length >= MIN_PEERS ? { peers: lastYear.length, ...moments(lastYear) } : undefined;
  return {
    baseYear,
    asOfYear,
    peers: n,
    mean,
    variance,
    years: spans.reduce((a, b) => a + b, 0) / n,
    ...(recent ? { recent } : {}),
  };
}

function moments(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, variance: xs.reduce((a, r) => a + (r - mean) ** 2, 0) / (xs.length - 1) };
}

/**
 * The prior for one unit's drift in the current term:
 *   θ̂ = (μ_lr/γ² + n·m_c/s²) / (1/γ² + n/s²)          the common growth of the term, shrunk by its n peers
 *   ℓ̂ = (μ_lr/ψ² + n_ℓ·m_ℓ/s_ℓ²) / (1/ψ² + n_ℓ/s_ℓ²)   the latest year's common growth, shrunk the same way
 *   μ₀ = μ_lr + λ·(θ̂ − μ_lr) + λ₁·(ℓ̂ − μ_lr)          the prior mean (λ, λ₁ below 0 count as 0)
 *   τ² = κ · max(s² − σ₀²/k̄, 10⁻⁵)                    the between-unit spread, net of the yearly noise
 * with σ₀², ν₀, ω² and the year effect of the structure's base prior. λ₁ and ψ² absent: no latest-year term. Both
 * weights are held at 0 or above: the plan's peers include the target's own series, and a better figure of it must
 * never lower the prior mean (the forecast is monotone in it).
 */
export function termPrior(structure: PoolStructure, cs: TermCrossSection): ScalePrior {
  const { base } = structure;
  const shrunk = (prior: number, m: number, variance: number, peers: number): number => {
    const noise = Math.max(variance, MIN_BETWEEN) / peers;
    return (base.mean / prior + m / noise) / (1 / prior + 1 / noise);
  };
  const common = shrunk(structure.common, cs.mean, cs.variance, cs.peers);
  const recentWeight = Math.max(structure.recentWeight ?? 0, 0);
  const recent =
    cs.recent !== undefined && recentWeight > 0 && (structure.yearVariance ?? 0) > 0
      ? recentWeight *
        (shrunk(structure.yearVariance as number, cs.recent.mean, cs.recent.variance, cs.recent.peers) - base.mean)
      : 0;
  return {
    ...base,
    mean: base.mean + Math.max(structure.weight, 0) * (common - base.mean) + recent,
    between: structure.spread * Math.max(cs.variance - base.within / cs.years, MIN_BETWEEN),
  };
}
