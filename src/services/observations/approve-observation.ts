// An approver accepts a submitted figure (not one they entered: four eyes): from now on it is public and counts,
// and the stored evaluations of every plan resting on it are recomputed in the same transaction.
import type { ServiceContext } from '../context.ts';
import { recomputePlansResting } from '../evaluations/recompute-evaluations.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function approveObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number }> {
  return transitionObservation(
    ctx,
    {
      action: 'observation.review',
      review: 'approve',
      after: async (tx, c, obs, latest) => {
        await recomputePlansResting(tx, c, {
          tenantId: obs.tenant_id,
          indicatorIds: [obs.indicator_id],
          causeVersionId: latest.id,
        });
      },
    },
    input,
  );
}
