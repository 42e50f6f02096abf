// The random walk with drift behind every continuous forecast: a unit's yearly change on a scale (log, logit) is its
// own drift plus noise; the drift is shrunk toward the pooled prior, and the end value's distribution follows.
import type { ScalePrior } from './types.ts';

/** A change of a series on its scale between two of its figures, `years` apart. */
export interface Step {
  change: number;
  years: number;
}

export interface DriftPosterior {
  /** Posterior mean of the unit's drift (per year). */
  mean: number;
  /** Posterior variance of the drift. */
  meanVar: number;
  /** σ²: the yearly noise, the unit's scatter shrunk toward σ₀². */
  within: number;
  /** Years of change seen. */
  years: number;
  /** The unit's own mean yearly change, null without a step. */
  own: number | null;
}

/**
 * Normal–normal shrinkage. A step over g years is N(g·μ, g·σ²); with the prior μ ~ N(μ₀, τ²):
 *   μ̂ = (Σ Δ/σ² + μ₀/τ²) / (Σ g/σ² + 1/τ²),   V = 1 / (Σ g/σ² + 1/τ²),
 * and σ² = (ν₀·σ₀² + (n − 1)·s²) / (ν₀ + n − 1), s² the unit's own scatter (per year) around its mean over n steps.
 */
export function posteriorDrift(steps: readonly Step[], prior: ScalePrior): DriftPosterior {
  let sum = 0;
  let years = 0;
  for (const s of steps) {
    sum += s.change;
    years += s.years;
  }
  const own = years > 0 ? sum / years : null;
  let ss = 0;
  if (own !== null) for (const s of steps) ss += (s.change - s.years * own) ** 2 / s.years;
  const dof = Math.max(steps.length - 1, 0);
  const within = (prior.weight * prior.within + ss) / (prior.weight + dof);
  const precision = years / within + 1 / prior.between;
  return { mean: (sum / within + prior.mean / prior.between) / precision, meanVar: 1 / precision, within, years, own };
}

/**
 * Moments of the change over the next h years: mean h·μ̂, variance h·(σ² + ψ²) + h²·(V + ω²) + δ², where ψ² is the
 * year effect common to every unit and δ² the error of the latest figure (an estimate is not yet the official figure).
 */
export function changeAhead(post: DriftPosterior, prior: ScalePrior, h: number, latestError: number): Moments {
  return {
    mean: h * post.mean,
    variance: h * (post.within + (prior.shock ?? 0)) + h * h * (post.meanVar + prior.drift) + latestError * latestError,
  };
}

/** Covariance of the changes i and j years ahead (shared drift, shared latest-figure error, nested noise). */
export function changeCovariance(
  post: DriftPosterior,
  prior: ScalePrior,
  i: number,
  j: number,
  latestError: number,
): number {
  return (
    Math.min(i, j) * (post.within + (prior.shock ?? 0)) +
    i * j * (post.meanVar + prior.drift) +
    latestError * latestError
  );
}

export interface Moments {
  mean: number;
  variance: number;
}
