// When a verdict is final and which years are "due": a yearly figure is expected only once its year is over (or once
// the figure is in), so a yearly indicator is never behind in March (Cascade's step milestones; peers' pain point 12).
import type { TargetSpec } from '../targets/target.ts';
import type { PreparedObservation } from './prepare.ts';
import type { AsOf, Phase } from './types.ts';

/** The year whose figure decides the target: the stated year for end-of-term kinds, the due year for a milestone. */
export function judgedYear(target: TargetSpec): number {
  switch (target.kind) {
    case 'level_at_end':
    case 'range_at_end':
    case 'threshold':
    case 'units_meeting_standard':
    case 'rank':
    case 'benchmark':
      return target.year;
    case 'milestone':
      return target.dueYear;
    case 'growth_average':
    case 'cumulative':
    case 'yearly_flow':
    case 'multiple_of_baseline':
    case 'term_average':
      return target.term.lastYear;
  }
}

export function hasFullYear(obs: readonly PreparedObservation[], year: number): boolean {
  for (const o of obs) if (o.period.kind === 'year' && o.year === year) return true;
  return false;
}

/**
 * Final once the judged year is over: asOf is in a later year, or asOf is at the end of the judged year (December, or
 * no month given) and that year's figure is already in — or, for kinds judged over the whole term (growth average,
 * cumulative, yearly flow), a figure reported for the whole term. Otherwise the term is still running.
 */
export function phaseOf(target: TargetSpec, obs: readonly PreparedObservation[], asOf: AsOf): Phase {
  const y = judgedYear(target);
  if (asOf.year > y) return 'final';
  if (
    asOf.year === y &&
    (asOf.month ?? 12) === 12 &&
    (wholeTermCounts(target) ? hasTermEnd(obs, target.term.firstYear, y) : hasFullYear(obs, y))
  ) {
    return 'final';
  }
  return 'in_term';
}

/** Kinds judged over the whole term, for which a figure reported for the whole term (a span) is the final figure. */
function wholeTermCounts(target: TargetSpec): boolean {
  return (
    target.kind === 'growth_average' ||
    target.kind === 'cumulative' ||
    target.kind === 'yearly_flow' ||
    target.kind === 'term_average'
  );
}

function hasTermEnd(obs: readonly PreparedObservation[], first: number, last: number): boolean {
  for (const o of obs) {
    if (o.period.kind === 'year' && o.year === last) return true;
    if (o.period.kind === 'span' && o.year === first && o.endYear === last) return true;
  }
  return false;
}

/** A year is due once it is over at asOf, or when its full-year figure has already been reported. */
export function isDue(year: number, asOf: AsOf, obs: readonly PreparedObservation[]): boolean {
  if (year < asOf.year) return true;
  if (year === asOf.year && (asOf.month ?? 12) === 12) return true;
  return hasFullYear(obs, year);
}
