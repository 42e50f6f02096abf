// Enters the first figure of an observation (indicator × unit × period) as a draft. A slot that already has a
// figure is revised instead (revise-observation), so nothing is ever overwritten.
import { Conflict, NotFound } from '../../core/errors.ts';
import {
  findIndicatorRef,
  findObservationSlot,
  insertObservation,
  insertReview,
  insertVersion,
  unitExists,
} from '../../storage/repositories/observations-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { checkAgency, checkCommune } from './access.ts';
import { checkFigureFor } from './check-figure.ts';
import { normaliseFigure, type FigureInput } from './observation-input.ts';

export interface EnterObservationInput extends FigureInput {
  indicatorId: string;
  unitId: string;
  period: string;
}

export async function enterObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EnterObservationInput;
}): Promise<{ id: string; version: number }> {
  const scope = authorize(ctx.actor, 'observation.enter');
  const figure = normaliseFigure(input);
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    const indicator = tenantId ? await findIndicatorRef(tx, tenantId, input.indicatorId) : null;
    if (!tenantId || !indicator) throw new NotFound({ vi: 'chỉ tiêu', en: 'Indicator' });
    checkAgency(ctx.actor, scope, indicator.owner_agency_id);
    checkCommune(ctx.actor, scope, input.unitId);
    if (!(await unitExists(tx, tenantId, input.unitId))) throw new NotFound({ vi: 'đơn vị hành chính', en: 'Unit' });
    const existing = await findObservationSlot(tx, tenantId, input.indicatorId, input.unitId, input.period);
    if (existing) {
      throw new Conflict(
        'observation_exists',
        {
          vi: 'Đã có số liệu cho kỳ này; hãy sửa bằng một phiên bản mới',
          en: 'This period already has a figure; revise it with a new version',
        },
        { id: existing.id, version: existing.version },
      );
    }
    const checked = await checkFigureFor(
      tx,
      { tenantId, indicatorId: input.indicatorId, unitId: input.unitId, now: ctx.now() },
      {
        value: figure.value,
        period: input.period,
        confirmImplausible: input.confirmImplausible,
        reason: figure.reason,
      },
    );
    const id = await insertObservation(tx, {
      tenantId,
      indicatorId: input.indicatorId,
      unitId: input.unitId,
      period: input.period,
    });
    const versionId = await insertVersion(tx, {
      tenantId,
      observationId: id,
      seq: 1,
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
      observationId: id,
      versionId,
      action: 'create',
      comment: figure.reason,
      actorId: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: 'observation',
      entityId: id,
      after: {
        indicatorId: input.indicatorId,
        unitId: input.unitId,
        period: input.period,
        seq: 1,
        value: checked.value,
        valueText: checked.valueText,
        status: figure.status,
        workflowState: 'draft',
        plausibility: checked.plausibility,
      },
      reason: figure.reason,
    });
    return { id, version: 1 };
  });
}
