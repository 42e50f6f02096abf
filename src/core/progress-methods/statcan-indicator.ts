// Statistics Canada's indicator-level roll-up: the mean of the series scores, read back through score bands.
import { numpyMean } from './numpy-mean.ts';
import type { StatcanStatus } from './statcan-score.ts';

export function statcanStatusFromScore(score: number, allTargetsAchieved: boolean): StatcanStatus {
  if (allTargetsAchieved) return 'target_achieved';
  if (score >= 2.5 && score <= 5) return 'substantial_progress';
  if (score >= 0 && score < 2.5) return 'moderate_progress';
  if (score >= -2.5 && score < 0) return 'limited_progress';
  if (score >= -5 && score < -2.5) return 'deterioration';
  return 'not_available';
}

/**
 * Series without a score are left out of the mean; `target_achieved` needs every scored series to have met its
 * target. No scored series → `not_available`, as the 2.4.0 release publishes (the older code left an empty status).
 */
export function statcanIndicatorProgress(series: readonly { score: number | null; targetAchieved: boolean }[]): {
  score: number | null;
  status: StatcanStatus;
} {
  const scored = series.filter((s): s is { score: number; targetAchieved: boolean } => s.score !== null);
  if (scored.length === 0) return { score: null, status: 'not_available' };
  const score = numpyMean(scored.map((s) => s.score));
  return {
    score,
    status: statcanStatusFromScore(
      score,
      scored.every((s) => s.targetAchieved),
    ),
  };
}
