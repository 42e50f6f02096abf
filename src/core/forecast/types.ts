// The plain-JSON shape of a forecast: the probability that a running target is met at the term's end, an interval
// for the value it is judged on, and every input a reader needs to redo it.
import type { Messages } from '../errors.ts';
import type { Evaluation } from '../evaluation/index.ts';
import type { PoolStructure, TermCrossSection } from './pool.ts';

/**
 * The pooled prior of one scale (log, logit): what a unit's yearly change looks like before its own figures are
 * seen. One to four yearly points is the normal case, so the prior carries most of the weight early in a term.
 */
export interface ScalePrior {
  /** μ₀: pooled mean yearly change on the scale (e.g. 0.05 ≈ +5 %/yr on the log scale). */
  mean: number;
  /** τ²: variance of a unit's own mean yearly change around μ₀. */
  between: number;
  /** σ₀²: pooled variance of one year's change around the unit's own mean. */
  within: number;
  /** ν₀: how many yearly points σ₀² is worth against the unit's own scatter. */
  weight: number;
  /** ω²: variance (per year²) of a change of the unit's drift between its history and the years ahead. */
  drift: number;
  /**
   * ψ²: variance per year of a shock common to every unit in a calendar year (a random year effect: a crisis, the
   * dollar's moves). It is added to every forecast's spread as it is, never shrunk by a unit's own smooth history.
   * Absent: 0.
   */
  shock?: number;
}

/** The pooled prior of the count-over-units model: Beta(a, b) on the yearly share of remaining units that qualify. */
export interface UnitsPrior {
  a: number;
  b: number;
}

export interface ForecastPriors {
  log: ScalePrior;
  logit: ScalePrior;
  units: UnitsPrior;
  /** The log-scale prior's structure when a current-term cross-section is given (options.pool). */
  pool: PoolStructure;
}

export interface ForecastOptions {
  /**
   * The evaluation of the same target, figures and date, when the caller already has it (the plan evaluation does):
   * the engine then runs once per target instead of twice.
   */
  evaluation?: Evaluation;
  /** Unit of measure of the indicator ("%" marks a bounded percentage, forecast on the logit scale). */
  indicatorUnit?: string;
  /** Priors to use instead of the defaults (a pooled fit across the plan's indicators and units, or the backtest's). */
  priors?: Partial<ForecastPriors>;
  /**
   * The current term's growth across the plan's indicators and units (or every country in the backtest), as known at
   * the checkpoint (`termCrossSection`): on the log scale the prior is then pooled for this term (`termPrior`). Used
   * only when its base year is the year before the target's term.
   */
  pool?: TermCrossSection | null;
  /** Coverage of the interval and the fan, 0 < level < 1 (default 0.8: the 10th to the 90th percentile). */
  level?: number;
  /** Standard error of the latest figure on the forecast's scale, by status: estimates widen the interval. */
  statusError?: { estimate: number; preliminary: number };
  /** Whether to return the fan (yearly quantiles up to the judged year). Default true. */
  fan?: boolean;
}

export const FORECAST_METHODS = [
  'decided',
  'log_drift_shrinkage',
  'logit_drift_shrinkage',
  'flow_sum_lognormal',
  'units_beta_binomial',
] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export interface ForecastInterval {
  /** Decimal strings in the target's own measure (a level, an average growth in %/yr, a total, a count or share). */
  low: string;
  high: string;
  /** Coverage, e.g. 0.8. */
  level: number;
}

export interface FanPoint {
  year: number;
  low: string;
  median: string;
  high: string;
}

export type ForecastInputs = Record<string, string | number | boolean | null>;

export interface ForecastResult {
  /** P(met at the term's end): exactly 0 or 1 once decided, else strictly between (three decimals). */
  pMet: number;
  interval: ForecastInterval;
  fan?: FanPoint[];
  method: ForecastMethod;
  inputs: ForecastInputs;
  sentence: Messages;
}

export const FORECAST_UNAVAILABLE_CODES = ['no_figures', 'no_model', 'not_positive', 'needs_baseline'] as const;
export type UnavailableCode = (typeof FORECAST_UNAVAILABLE_CODES)[number];

export interface ForecastUnavailable {
  unavailable: Messages & { code: UnavailableCode };
}

export type Forecast = ForecastResult | ForecastUnavailable;

export const isUnavailable = (f: Forecast): f is ForecastUnavailable => 'unavailable' in f;
