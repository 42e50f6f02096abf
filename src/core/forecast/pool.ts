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
}

/** How the current-term cross-section enters the prior; fitted on training terms (bench/forecast.bench.ts). */
export interface PoolStructure {
  /** The long-run prior: its mean is the μ_lr the current-term mean is shrunk toward, its `between` is not used. */
  base: ScalePrior;
  /** λ: share of the current-term common growth carried into the prior mean (1: all of it; 0: the long-run mean). */
  weight: number;
  /** γ²: variance of a term's common growth around μ_lr (the empirical-Bayes shrinkage of the cross-section mean). */
  common: number;
  /** κ: the prior's between-unit variance τ² as a multiple of the cross-section's between-unit variance. */
  spread: number;
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
  for (const peer of peers) {
    const base = peer(baseYear);
    if (base === undefined || !(base > 0)) continue;
    for (let y = asOfYear; y > baseYear; y--) {
      const v = peer(y);
      if (v === undefined || !(v > 0)) continue;
      rates.push((Math.log(v) - Math.log(base)) / (y - baseYear));
      spans.push(y - baseYear);
      break;
    }
  }
  const n = rates.length;
  if (n < MIN_PEERS) return null;
  const mean = rates.reduce((a, b) => a + b, 0) / n;
  const variance = rates.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1);
  return { baseYear, asOfYear, peers: n, mean, variance, years: spans.reduce((a, b) => a + b, 0) / n };
}

/**
 * The prior for one unit's drift in the current term:
 *   θ̂ = (μ_lr/γ² + n·m_c/s²) / (1/γ² + n/s²)          the common growth of the term, shrunk by its n peers
 *   μ₀ = μ_lr + λ·(θ̂ − μ_lr)                          the prior mean
 *   τ² = κ · max(s² − σ₀²/k̄, 10⁻⁵)                    the between-unit spread, net of the yearly noise
 * with σ₀², ν₀ and ω² those of the structure's base prior.
 */
export function termPrior(structure: PoolStructure, cs: TermCrossSection): ScalePrior {
  const { base } = structure;
  const noise = Math.max(cs.variance, MIN_BETWEEN) / cs.peers;
  const common = (base.mean / structure.common + cs.mean / noise) / (1 / structure.common + 1 / noise);
  return {
    ...base,
    mean: base.mean + structure.weight * (common - base.mean),
    between: structure.spread * Math.max(cs.variance - base.within / cs.years, MIN_BETWEEN),
  };
}
