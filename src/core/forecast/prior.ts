// The default pooled priors of the forecast and the error of a figure by status, with where each number comes from.
import type { PoolStructure } from './pool.ts';
import type { ForecastPriors } from './types.ts';

/**
 * Log scale (levels, money, growth): fitted by `npm run bench:forecast` on World Bank GDP per head in current US$,
 * 211 countries, every five-year term ending by 2012 (bench/results/forecast-backtest.json, "prior"). It is the
 * prior a plan's own pooled fit replaces when one is passed in options.priors.
 */
export const LOG_PRIOR = {
  mean: 0.05434,
  between: 0.0004923,
  within: 0.0139,
  weight: 5.573,
  drift: 0.001132,
};

/**
 * Logit scale (bounded percentages): not fitted on data yet; a weak prior that lets a share drift by about a fifth
 * of a logit a year (e.g. 50 % → 55 %) and trusts a unit's own scatter after four points.
 */
export const LOGIT_PRIOR = { mean: 0, between: 0.04, within: 0.01, weight: 4, drift: 0.005 };

/** Units meeting a standard: Beta(1, 9), a tenth of the remaining units a year, worth ten unit-years of evidence. */
export const UNITS_PRIOR = { a: 1, b: 9 };

/**
 * Log scale with the current term's cross-section (options.pool): the structure fitted jointly by `npm run
 * bench:forecast` on the same training terms (bench/results/forecast-backtest.json, "pooled"). γ² is the variance of
 * the training terms' cross-section means around their average, and ψ² (`yearVariance`, and the year effect `shock`
 * of the base prior) the variance of the training calendar years' common growth: moments, not fits to outcomes.
 * λ came out at its floor 0 (the term so far adds nothing once the latest year is carried, λ₁ = 0.144).
 */
export const POOLED_LOG: PoolStructure = {
  base: { mean: 0.05531, between: 0, within: 0.007497, weight: 6.723, drift: 0.002067, shock: 0.003967 },
  weight: 0,
  common: 0.002417,
  spread: 1.802e-10,
  recentWeight: 0.1439,
  yearVariance: 0.003967,
};

export const DEFAULT_PRIORS: ForecastPriors = {
  log: LOG_PRIOR,
  logit: LOGIT_PRIOR,
  units: UNITS_PRIOR,
  pool: POOLED_LOG,
};

/**
 * Standard error, on the forecast's scale, of a figure that is not yet official: an estimate ("ước") written before
 * the year ends is typically revised by a few percent; a preliminary figure by about one. Assumptions until the
 * vintages held by chitieu are enough to fit them.
 */
export const STATUS_ERROR = { estimate: 0.03, preliminary: 0.01 };
