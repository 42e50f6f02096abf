// Loads an observation for a write the actor is allowed to make: another tenant's is "not found" (its existence is
// not leaked), another agency's indicator is forbidden, and a stale If-Match is refused with the current version.
import { ChitieuError, Forbidden, NotFound, StaleVersion } from '../../core/errors.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  findObservation,
  latestVersion,
  type ObservationRow,
  type VersionRow,
} from '../../storage/repositories/observations-repo.ts';
import type { Actor } from '../context.ts';
import type { Scope } from '../policy.ts';

export class PreconditionRequired extends ChitieuError {
  constructor() {
    super('precondition_required', 'precondition', {
      vi: 'Cần gửi If-Match với phiên bản hiện tại (ETag) để tránh ghi đè thay đổi của người khác',
      en: 'Send If-Match with the current version (ETag) so no one else’s change is overwritten',
    });
  }
}

export { WrongWorkflowState } from '../../core/workflow.ts';

export const observationNotFound = (): NotFound => new NotFound({ vi: 'số liệu', en: 'Observation' });

export function checkAgency(actor: Actor, scope: Scope, ownerAgencyId: string | null): void {
  if (scope === 'agency' && (actor.agencyId === null || actor.agencyId !== ownerAgencyId)) {
    throw new Forbidden({
      vi: 'Chỉ tiêu này không thuộc cơ quan của bạn',
      en: 'This indicator is not owned by your agency',
    });
  }
}

/** A commune editor writes only its own commune's figures. */
export function checkCommune(actor: Actor, scope: Scope, unitId: string): void {
  const own = actor.kind === 'user' ? (actor.unitId ?? null) : null;
  if (scope === 'commune' && (own === null || own !== unitId)) {
    throw new Forbidden({
      vi: 'Số liệu này không thuộc xã, phường của bạn',
      en: 'This figure is not of your commune',
    });
  }
}

export async function loadForWrite(
  tx: Queryable,
  actor: Actor,
  scope: Scope,
  id: string,
  ifMatch: number | null,
): Promise<{ obs: ObservationRow; latest: VersionRow; tenantId: string }> {
  if (actor.tenantId === null) throw observationNotFound();
  const obs = await findObservation(tx, actor.tenantId, id);
  if (!obs) throw observationNotFound();
  checkAgency(actor, scope, obs.owner_agency_id);
  checkCommune(actor, scope, obs.unit_id);
  if (ifMatch === null) throw new PreconditionRequired();
  if (obs.version !== ifMatch) throw new StaleVersion({ id: obs.id, version: obs.version });
  const latest = await latestVersion(tx, actor.tenantId, id);
  if (!latest) throw observationNotFound();
  return { obs, latest, tenantId: actor.tenantId };
}
