// An approver accepts a submitted figure (not one they entered: four eyes): from now on it is public and counts,
// and the stored evaluations of every plan resting on it are recomputed in the same transaction. The answer lists
// the verdicts that moved, so the approver's worklist can show them at once.
import type { EvaluationChange } from '../evaluations/recompute-evaluations.ts';
import { recomputePlansResting } from '../evaluations/recompute-evaluations.ts';
import type { ServiceContext } from '../context.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function approveObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number; changes: EvaluationChange[] }> {
  let changes: EvaluationChange[] = [];
  const written = await transitionObservation(
    ctx,
    {
      action: 'observation.review',
      review: 'approve',
      after: async (tx, c, obs, latest) => {
        changes = await recomputePlansResting(tx, c, {
          tenantId: obs.tenant_id,
          indicatorIds: [obs.indicator_id],
          causeVersionId: latest.id,
        });
      },
    },
    input,
  );
  return { ...written, changes };
}
