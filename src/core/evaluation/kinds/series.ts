// Which observations a level-type target reads: full-year figures whose measure is a level (or unstated).
import type { ObservationInput } from '../../targets/target.ts';
import type { PreparedObservation } from '../prepare.ts';

type Measure = NonNullable<ObservationInput['measure']>;

export function yearlyOf(obs: readonly PreparedObservation[], measures: readonly Measure[]): PreparedObservation[] {
  // A plain loop: filter() would call a closure per figure.
  const out: PreparedObservation[] = [];
  for (let i = 0; i < obs.length; i++) {
    const o = obs[i] as PreparedObservation;
    if (o.period.kind !== 'year') continue;
    const m = o.input.measure;
    if (m === undefined || measures.includes(m)) out.push(o);
  }
  return out;
}
