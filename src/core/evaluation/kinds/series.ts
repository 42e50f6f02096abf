// Which observations a level-type target reads: full-year figures whose measure is a level (or unstated).
import type { ObservationInput } from '../../targets/target.ts';
import type { PreparedObservation } from '../prepare.ts';

type Measure = NonNullable<ObservationInput['measure']>;

export function yearlyOf(obs: readonly PreparedObservation[], measures: readonly Measure[]): PreparedObservation[] {
  return obs.filter(
    (o) => o.period.kind === 'year' && (o.input.measure === undefined || measures.includes(o.input.measure)),
  );
}
