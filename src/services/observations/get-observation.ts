// One observation with its full revision history (every version and every workflow step); the public sees only
// approved versions and no review comments.
import { findObservation, listReviews, listVersions } from '../../storage/repositories/observations-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { observationNotFound } from './access.ts';
import { presentObservation, type ObservationView } from './present-observation.ts';

export async function getObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<ObservationView> {
  const scope = authorize(ctx.actor, 'observation.read');
  const published = scope === 'published';
  const obs = await findObservation(ctx.db, ctx.actor.tenantId, input.id);
  if (!obs) throw observationNotFound();
  const versions = await listVersions(ctx.db, obs.tenant_id, [obs.id]);
  if (published && !versions.some((v) => v.workflow_state === 'approved')) throw observationNotFound();
  return presentObservation(obs, versions, published, { reviews: await listReviews(ctx.db, obs.tenant_id, obs.id) });
}
