// An agency sends its draft (or a revised figure) for approval. A figure that leaves a target off track, at risk
// or not met goes only with its story for that period (stories/story-required.ts): the whole submit is refused
// otherwise, in the same transaction, so nothing is half-written.
import type { ServiceContext } from '../context.ts';
import { requireStories } from '../stories/story-required.ts';
import { transitionObservation, type TransitionInput } from './transition-observation.ts';

export async function submitObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TransitionInput;
}): Promise<{ id: string; version: number }> {
  return transitionObservation(
    ctx,
    {
      action: 'observation.submit',
      review: 'submit',
      after: async (tx, c, obs, latest) => {
        await requireStories(tx, {
          tenantId: obs.tenant_id,
          indicatorId: obs.indicator_id,
          period: obs.period,
          versionId: latest.id,
          now: c.now(),
        });
      },
    },
    input,
  );
}
