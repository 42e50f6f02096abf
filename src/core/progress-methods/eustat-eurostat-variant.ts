// EUSTAT's Eurostat-style variant of the StatCan measure (EUSTAT-DES/data scripts/build_data.py at 0320a59e, a
// subclass of sdg-build's SeriesProgress): same progress value, Eurostat's bands and five status names.
import { duplicateYears } from './float-inputs.ts';
import { naturalLimitCoefficient } from './natural-limit.ts';
import { selectBaseYear } from './base-year.ts';
import { refuseProgressInput } from './refusal.ts';
import {
  isTargetAchieved,
  statcanProgressValue,
  type NotAvailableReason,
  type PeerDirection,
  type StatcanComponents,
} from './statcan-opensdg.ts';
import type { Thresholds } from './statcan-score.ts';
import type { FloatPoint } from './types.ts';

export type EustatStatus =
  | 'significant_progress'
  | 'moderate_progress'
  | 'no_progress'
  | 'moderate_deterioration'
  | 'significant_deterioration'
  | 'not_available';

export interface EustatOptions {
  baseYear?: number;
  target?: number | null;
  targetYear?: number;
  direction?: PeerDirection;
  limit?: number | null;
  targetAchievedInclusive?: boolean;
  zeroBase?: 'substitute' | 'refuse';
  /**
   * The peer first picks the base year StatCan's way, then re-picks it both ways and recomputes, feeding the already
   * C-scaled thresholds back in as "user" thresholds: high and med end up scaled twice (C₁·C₂). Only with a limit, no
   * target and a base year moved by the second search. true reproduces the peer.
   */
  doubleScalingQuirk?: boolean;
}

export interface EustatSeriesResult {
  status: EustatStatus;
  progressValue: number | null;
  score: number | null;
  targetAchieved: boolean;
  notAvailableReason: NotAvailableReason | null;
  components: StatcanComponents | null;
  thresholds: Thresholds | null;
  coefficient: number | null;
}

/** Without target 1 % / 0.1 % / −0.1 %, C scaling only high and med (Eurostat: thresholds ≤ 0 are not reduced). */
export function eustatThresholds(
  hasTarget: boolean,
  baseValue: number,
  limit: number | null,
  prior?: { thresholds: Thresholds; coefficient: number | null },
): { thresholds: Thresholds; coefficient: number | null } {
  if (hasTarget) return { thresholds: { high: 0.95, med: 0.6, low: 0 }, coefficient: null };
  const start: Thresholds = prior ? { ...prior.thresholds } : { high: 0.01, med: 0.001, low: -0.001 };
  if (limit === null) return { thresholds: start, coefficient: prior?.coefficient ?? null };
  const c = naturalLimitCoefficient(baseValue, limit);
  return { thresholds: { high: start.high * c, med: start.med * c, low: start.low }, coefficient: c };
}

export function eustatStatus(value: number | null, t: Thresholds, targetAchieved: boolean): EustatStatus {
  // A met target has no status of its own in Eurostat's scheme.
  if (targetAchieved) return 'significant_progress';
  if (value === null) return 'not_available';
  if (value >= t.high) return 'significant_progress';
  if (value >= t.med) return 'moderate_progress';
  // With a target low = 0 and 0 ≤ R < 0.6 is Eurostat's "insufficient progress", named moderate_deterioration.
  if (value >= t.low) return t.low < 0 ? 'no_progress' : 'moderate_deterioration';
  if (t.low < 0 && value >= -Math.abs(t.high)) return 'moderate_deterioration';
  return 'significant_deterioration';
}

export function eustatScore(
  value: number | null,
  hasTarget: boolean,
  coefficient: number,
  targetAchieved: boolean,
): number | null {
  if (targetAchieved) return 5;
  if (value === null) return null;
  if (!hasTarget) {
    if (value < -0.02) return -5;
    // Checked before the sign: at the limit even a small fall (down to −2 %) scores 5, as in the peer.
    if (coefficient === 0) return 5;
    if (value > 0.02 * coefficient) return 5;
    if (value >= 0) return (value / (0.02 * coefficient)) * 5;
    return (value / 0.02) * 5;
  }
  if (value > 1.3) return 5;
  if (value >= 0.6) return (5.0 / 0.7) * (value - 0.6);
  if (value > -0.6) return (5.0 / 1.2) * (value + 0.6) - 5;
  return -5;
}

/** Indicator status from a mean score: five bands with a neutral ±0.25. */
export function eustatStatusFromScore(score: number | null, allTargetsAchieved: boolean): EustatStatus {
  if (allTargetsAchieved) return 'significant_progress';
  if (score === null) return 'not_available';
  if (score > 2.5) return 'significant_progress';
  if (score > 0.25) return 'moderate_progress';
  if (score >= -0.25) return 'no_progress';
  if (score >= -2.5) return 'moderate_deterioration';
  return 'significant_deterioration';
}

function evaluate(
  c: StatcanComponents,
  o: EustatOptions,
  prior?: { thresholds: Thresholds; coefficient: number | null },
): EustatSeriesResult {
  const target = c.target === 0 ? 0.001 : c.target;
  const d = c.direction === 'positive' ? 1 : -1;
  const sign = c.baseValue < 0 ? -1 : 1;
  const th = eustatThresholds(target !== null, c.baseValue, c.limit, prior);
  const targetAchieved = isTargetAchieved(c.currentValue, target, d, o.targetAchievedInclusive ?? true);
  const pv = statcanProgressValue(c, target, sign, { zeroBase: o.zeroBase ?? 'substitute' });
  return {
    status: eustatStatus(pv.value, th.thresholds, targetAchieved),
    progressValue: pv.value,
    score: eustatScore(pv.value, target !== null, th.coefficient ?? 1, targetAchieved),
    targetAchieved,
    notAvailableReason: pv.reason,
    components: { ...c, baseValue: pv.baseUsed },
    thresholds: th.thresholds,
    coefficient: th.coefficient,
  };
}

export function eustatSeriesProgress(points: readonly FloatPoint[], o: EustatOptions = {}): EustatSeriesResult {
  const dup = duplicateYears(points);
  if (dup.length > 0) throw refuseProgressInput('duplicate_year', '/points', { years: dup });
  if (points.length === 0) {
    return {
      status: 'not_available',
      progressValue: null,
      score: null,
      targetAchieved: false,
      notAvailableReason: 'no_data',
      components: null,
      thresholds: null,
      coefficient: null,
    };
  }
  const byYear = new Map(points.map((p) => [p.year, p.value]));
  const currentYear = Math.max(...byYear.keys());
  const preferred = o.baseYear ?? 2015;
  // The peer runs StatCan's "next later" search first and crashes when nothing follows the base year, before its
  // own both-ways search can help: chitieu refuses in the same case.
  const firstBase = selectBaseYear(points, preferred, 'next_later');
  const component = (baseYear: number): StatcanComponents => ({
    baseYear,
    baseValue: byYear.get(baseYear) ?? Number.NaN,
    currentYear,
    currentValue: byYear.get(currentYear) ?? Number.NaN,
    target: o.target ?? null,
    targetYear: o.targetYear ?? 2030,
    direction: o.direction ?? 'negative',
    limit: o.limit ?? null,
  });
  const first = evaluate(component(firstBase), o);
  const nearest = selectBaseYear(points, preferred, 'nearest_both_ways');
  if (nearest === firstBase) return first;
  const prior =
    (o.doubleScalingQuirk ?? true) && first.thresholds
      ? { thresholds: first.thresholds, coefficient: first.coefficient }
      : undefined;
  return evaluate(component(nearest), o, prior);
}
