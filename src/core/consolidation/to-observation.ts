// Turns a complete consolidation into the parent's observation for the evaluation, so an aggregate is judged by
// the same path as an entered figure; an incomplete or refused one gives none (the evaluation says "no data").
import type { ObservationInput, ObservationStatus } from '../targets/target.ts';
import type { Consolidation } from './aggregate.ts';

const FIRMNESS: Record<ObservationStatus, number> = { estimate: 0, preliminary: 1, official: 2 };

/**
 * The weakest status of the inputs (one estimate makes the aggregate an estimate); `fallback` for inputs whose
 * status was not given.
 */
export function statusOf(c: Consolidation, fallback: ObservationStatus): ObservationStatus {
  return c.inputs
    .map((i) => i.status ?? fallback)
    .reduce<ObservationStatus>((weakest, s) => (FIRMNESS[s] < FIRMNESS[weakest] ? s : weakest), 'official');
}

/** The parent's observation, or null when the consolidation is not complete. */
export function toObservation(
  c: Consolidation,
  opts: { measure: NonNullable<ObservationInput['measure']>; fallbackStatus?: ObservationStatus },
): ObservationInput | null {
  if (c.status !== 'complete' || c.value === null) return null;
  const fallback = opts.fallbackStatus ?? 'estimate';
  return {
    period: c.period,
    value: c.value,
    status: c.inputs.length === 0 ? fallback : statusOf(c, fallback),
    measure: opts.measure,
    ...(c.priceBasis === null ? {} : { priceBasis: c.priceBasis }),
  };
}
