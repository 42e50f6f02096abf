// A new figure for an observation: a new version (seq + 1) as a draft; the old versions stay as they were. Used
// after a return, for a new vintage (estimate → official), or to correct an approved figure (approved again).
import { StaleVersion } from '../../core/errors.ts';
import {
  bumpVersion,
  findIndicatorRef,
  insertReview,
  insertVersion,
} from '../../storage/repositories/observations-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { loadForWrite, observationNotFound, WrongWorkflowState } from './access.ts';
import { checkFigureFor } from './check-figure.ts';
import { normaliseFigure, type FigureInput } from './observation-input.ts';

export interface ReviseObservationInput extends FigureInput {
  id: string;
  ifMatch: number | null;
}

export async function reviseObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReviseObservationInput;
}): Promise<{ id: string; version: number }> {
  const scope = authorize(ctx.actor, 'observation.enter');
  const figure = normaliseFigure(input);
  return ctx.db.transaction(async (tx) => {
    const { obs, latest, tenantId } = await loadForWrite(tx, ctx.actor, scope, input.id, input.ifMatch);
    // A figure under review is the approver's to return or approve; changing it underneath would approve the unseen.
    if (latest.workflow_state === 'submitted')
      throw new WrongWorkflowState('submitted', ['draft', 'returned', 'approved']);
    const indicator = await findIndicatorRef(tx, tenantId, obs.indicator_id);
    if (!indicator) throw observationNotFound();
    const checked = await checkFigureFor(
      tx,
      { tenantId, indicatorId: obs.indicator_id, unitId: obs.unit_id, now: ctx.now() },
      { value: figure.value, period: obs.period, confirmImplausible: input.confirmImplausible, reason: figure.reason },
    );
    const version = await bumpVersion(tx, tenantId, obs.id, obs.version, ctx.now());
    if (version === null) throw new StaleVersion({ id: obs.id, version: obs.version + 1 });
    const seq = latest.seq + 1;
    const versionId = await insertVersion(tx, {
      tenantId,
      observationId: obs.id,
      seq,
      value: checked.value,
      valueQualifier: checked.qualifier,
      valueText: checked.valueText,
      status: figure.status,
      reason: figure.reason,
      sourceText: figure.sourceText,
      evidenceUrl: figure.evidenceUrl,
      enteredBy: ctx.actor.userId,
      measure: indicator.measure,
      priceBasis: indicator.price_basis,
      provenance: checked.plausibility ? { plausibility: checked.plausibility } : null,
    });
    await insertReview(tx, {
      tenantId,
      observationId: obs.id,
      versionId,
      action: 'revise',
      comment: figure.reason,
      actorId: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'revise',
      entity: 'observation',
      entityId: obs.id,
      before: {
        version: obs.version,
        seq: latest.seq,
        value: latest.value,
        status: latest.status,
        workflowState: latest.workflow_state,
      },
      after: {
        version,
        seq,
        value: checked.value,
        valueText: checked.valueText,
        status: figure.status,
        workflowState: 'draft',
        plausibility: checked.plausibility,
      },
      reason: figure.reason,
    });
    return { id: obs.id, version };
  });
}
