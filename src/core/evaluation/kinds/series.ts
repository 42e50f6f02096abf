// Which observations a level-type target reads: full-year figures whose measure is a level (or unstated).
import type { ObservationInput } from '../../targets/target.ts';
import type { PreparedObservation } from '../prepare.ts';

type Measure = NonNullable<ObservationInput['measure']>;

export function yearlyOf(obs: readonly PreparedObservation[], measures: readonly Measure[]): PreparedObservation[] {
  return obs.filter(
    (o) => o.period.kind === 'year' && (o.input.measure === undefined || measures.includes(o.input.measure)),
  );
}

/**
 * What a target judged on one year's figure reads: levels, shares and counts of any year, and the judged year's
 * figure measured as a flow (budget revenue, exports in 2025: the final year's flow is that year's level). Flows of
 * earlier years are not levels and are not read. `also` adds measures the kind reads as they are (a threshold on a
 * growth rate reads the growth rates).
 */
export function judgedYearSeries(
  obs: readonly PreparedObservation[],
  year: number,
  also: readonly Measure[] = [],
): PreparedObservation[] {
  const series = yearlyOf(obs, ['level', 'share', 'count', ...also]);
  for (const o of obs) if (o.period.kind === 'year' && o.year === year && o.input.measure === 'flow') series.push(o);
  return series;
}
