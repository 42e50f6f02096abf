// An agency sends its draft (or a revised figure) for approval.
import type { ServiceContext } from '../context.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function submitObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number }> {
  return transitionObservation(ctx, { action: 'observation.submit', review: 'submit' }, input);
}
