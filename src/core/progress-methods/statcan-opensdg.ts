// Statistics Canada's progress measure as sdg-build 2.4.0 computes it for one series (open-sdg/sdg-build
// sdg/ProgressMeasure.py at 139fede7, checked against StatCan's published calculation components).
import { cagr, duplicateYears } from './float-inputs.ts';
import { naturalLimitCoefficient } from './natural-limit.ts';
import { selectBaseYear, type BaseYearRule } from './base-year.ts';
import { refuseProgressInput } from './refusal.ts';
import { statcanScore, statcanStatus, type StatcanStatus, type Thresholds } from './statcan-score.ts';
import type { FloatPoint } from './types.ts';

export type PeerDirection = 'positive' | 'negative';

/** The numbers a series computation starts from once the years are chosen; the peer publishes exactly these. */
export interface StatcanComponents {
  baseYear: number;
  baseValue: number;
  currentYear: number;
  currentValue: number;
  target: number | null;
  targetYear: number;
  direction: PeerDirection;
  limit: number | null;
}

export interface StatcanRules {
  /** Reaching the target exactly counts as achieved (peer: true). */
  targetAchievedInclusive: boolean;
  /** Peer: a zero base is replaced by 0.001 after sign and C were computed with 0. chitieu's engine refuses. */
  zeroBase: 'substitute' | 'refuse';
  /** User threshold overrides (progress_thresholds in the peer's config). */
  thresholds: Partial<Thresholds>;
}

export type NotAvailableReason = 'no_data' | 'single_year' | 'sign_change';

export interface StatcanSeriesResult {
  status: StatcanStatus;
  progressValue: number | null;
  score: number | null;
  targetAchieved: boolean;
  notAvailableReason: NotAvailableReason | null;
  components: StatcanComponents | null;
  /** The target used: a configured 0 becomes 0.001. */
  effectiveTarget: number | null;
  sign: 1 | -1 | null;
  thresholds: Thresholds | null;
  coefficient: number | null;
}

export interface StatcanOptions extends Partial<StatcanRules> {
  baseYear?: number;
  target?: number | null;
  targetYear?: number;
  /** Peer default: negative (lower is better) when not configured. */
  direction?: PeerDirection;
  limit?: number | null;
  baseYearRule?: BaseYearRule;
}

export const STATCAN_DEFAULTS = {
  baseYear: 2015,
  targetYear: 2030,
  direction: 'negative',
  baseYearRule: 'next_later',
  targetAchievedInclusive: true,
  zeroBase: 'substitute',
} as const;

/** sdg-build's threshold defaults; with a limit every one of them, `low` included, is multiplied by C. */
export function statcanThresholds(
  hasTarget: boolean,
  baseValue: number,
  limit: number | null,
  user: Partial<Thresholds>,
): { thresholds: Thresholds; coefficient: number | null } {
  if (hasTarget) return { thresholds: { high: 0.95, med: 0.6, low: 0, ...user }, coefficient: null };
  const t: Thresholds = { high: 0.015, med: 0.005, low: 0, ...user };
  if (limit === null) return { thresholds: t, coefficient: null };
  const c = naturalLimitCoefficient(baseValue, limit);
  return { thresholds: { high: t.high * c, med: t.med * c, low: t.low * c }, coefficient: c };
}

export function isTargetAchieved(current: number, target: number | null, d: 1 | -1, inclusive: boolean): boolean {
  if (target === null) return false;
  if (inclusive) return d === -1 ? current <= target : current >= target;
  return d === -1 ? current < target : current > target;
}

/**
 * Progress value: growth of the series (no target), or its ratio to the growth the target requires.
 * Returns a reason instead of a value where the peer returns None.
 */
export function statcanProgressValue(
  c: StatcanComponents,
  target: number | null,
  sign: 1 | -1,
  rules: Pick<StatcanRules, 'zeroBase'>,
): { value: number | null; reason: NotAvailableReason | null; baseUsed: number } {
  let base = c.baseValue;
  if (base === 0) {
    if (rules.zeroBase === 'refuse') throw refuseProgressInput('zero_base', '/points', { baseYear: c.baseYear });
    base = 0.001;
  }
  if ((base > 0 && c.currentValue < 0) || (base < 0 && c.currentValue > 0))
    return { value: null, reason: 'sign_change', baseUsed: base };
  if (c.currentYear - c.baseYear < 1) return { value: null, reason: 'single_year', baseUsed: base };
  const d = c.direction === 'positive' ? 1 : -1;
  const observed = cagr(c.currentValue, base, c.currentYear, c.baseYear);
  if (target === null) return { value: sign * d * observed, reason: null, baseUsed: base };
  // Where Python raises (division by zero) or silently goes complex (a target of the other sign), refuse.
  if (target < 0 !== base < 0) throw refuseProgressInput('sign_change', '/target', { target, baseValue: base });
  const required = c.targetYear === c.baseYear ? 0 : cagr(target, base, c.targetYear, c.baseYear);
  if (required === 0)
    throw refuseProgressInput('target_equals_base', '/target', { target, baseValue: base, targetYear: c.targetYear });
  return { value: (sign * d * observed) / Math.abs(required), reason: null, baseUsed: base };
}

/** The whole series computation from published components (what the peer's YAML output lists). */
export function statcanFromComponents(c: StatcanComponents, rules: Partial<StatcanRules> = {}): StatcanSeriesResult {
  const r: StatcanRules = {
    targetAchievedInclusive: rules.targetAchievedInclusive ?? STATCAN_DEFAULTS.targetAchievedInclusive,
    zeroBase: rules.zeroBase ?? STATCAN_DEFAULTS.zeroBase,
    thresholds: rules.thresholds ?? {},
  };
  // A zero target has no growth rate towards it; the peer aims at 0.001 instead, which makes "zero" targets steep.
  const target = c.target === 0 ? 0.001 : c.target;
  const d = c.direction === 'positive' ? 1 : -1;
  const sign = c.baseValue < 0 ? -1 : 1;
  const { thresholds, coefficient } = statcanThresholds(target !== null, c.baseValue, c.limit, r.thresholds);
  const targetAchieved = isTargetAchieved(c.currentValue, target, d, r.targetAchievedInclusive);
  const pv = statcanProgressValue(c, target, sign, r);
  return {
    status: statcanStatus(pv.value, thresholds, targetAchieved),
    progressValue: pv.value,
    score: statcanScore(pv.value, thresholds, target !== null, coefficient ?? 1, targetAchieved),
    targetAchieved,
    notAvailableReason: pv.reason,
    components: { ...c, baseValue: pv.baseUsed },
    effectiveTarget: target,
    sign,
    thresholds,
    coefficient,
  };
}

/** Picks the latest year and the base year from the data, then computes; no data at all gives not_available. */
export function pickStatcanComponents(points: readonly FloatPoint[], o: StatcanOptions): StatcanComponents | null {
  const dup = duplicateYears(points);
  // The peer raises on a repeated year rather than choose between two values.
  if (dup.length > 0) throw refuseProgressInput('duplicate_year', '/points', { years: dup });
  if (points.length === 0) return null;
  const byYear = new Map(points.map((p) => [p.year, p.value]));
  const currentYear = Math.max(...byYear.keys());
  const baseYear = selectBaseYear(
    points,
    o.baseYear ?? STATCAN_DEFAULTS.baseYear,
    o.baseYearRule ?? STATCAN_DEFAULTS.baseYearRule,
  );
  return {
    baseYear,
    baseValue: byYear.get(baseYear) ?? Number.NaN,
    currentYear,
    currentValue: byYear.get(currentYear) ?? Number.NaN,
    target: o.target ?? null,
    targetYear: o.targetYear ?? STATCAN_DEFAULTS.targetYear,
    direction: o.direction ?? STATCAN_DEFAULTS.direction,
    limit: o.limit ?? null,
  };
}

export function statcanSeriesProgress(points: readonly FloatPoint[], o: StatcanOptions = {}): StatcanSeriesResult {
  const c = pickStatcanComponents(points, o);
  if (c === null) {
    return {
      status: 'not_available',
      progressValue: null,
      score: null,
      targetAchieved: false,
      notAvailableReason: 'no_data',
      components: null,
      effectiveTarget: o.target === 0 ? 0.001 : (o.target ?? null),
      sign: null,
      thresholds: null,
      coefficient: null,
    };
  }
  return statcanFromComponents(c, o);
}
