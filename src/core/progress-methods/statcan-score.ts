// Statistics Canada's status bands and −5…5 score (sdg-build 2.4.0), kept apart from the growth computation
// because EUSTAT reuses the growth and replaces exactly these two functions.

export type StatcanStatus =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available';

export interface Thresholds {
  high: number;
  med: number;
  low: number;
}

/** Status of one series from its progress value; comparisons chained exactly as the peer writes them. */
export function statcanStatus(value: number | null, t: Thresholds, targetAchieved: boolean): StatcanStatus {
  if (targetAchieved) return 'target_achieved';
  if (value !== null) {
    if (value >= t.high) return 'substantial_progress';
    if (t.med <= value && value < t.high) return 'moderate_progress';
    if (t.low <= value && value < t.med) return 'limited_progress';
    if (value < t.low) return 'deterioration';
  }
  return 'not_available';
}

/**
 * Series score. The constants 7.1429, 4.2857 and 4.1667 are the peer's rounded 5/0.7, 3/0.7 and 25/6: with the
 * exact fractions R = 0.6 would score 0, the peer gives 0.00004; keep them to match published scores.
 */
export function statcanScore(
  value: number | null,
  t: Thresholds,
  hasTarget: boolean,
  coefficient: number,
  targetAchieved: boolean,
): number | null {
  if (targetAchieved) return 5;
  if (value === null) return null;
  if (hasTarget) {
    if (value >= t.med) return Math.min(7.1429 * value - 4.2857, 5);
    return Math.max(4.1667 * value - 2.5, -5);
  }
  if (value < t.low) return Math.max(125 * value - 2.5, -5);
  // Base value on the limit and not moving away from it: holding a bound is full progress.
  if (coefficient === 0) return 5;
  // Dividing by C puts the value on the same footing as the reduced thresholds it was compared with.
  if (value >= t.high) return Math.min((500 * value) / coefficient - 5, 5);
  if (value >= t.med) return (250 * value) / coefficient - 1.25;
  if (value >= t.low) return (500 * value) / coefficient - 2.5;
  return null;
}
