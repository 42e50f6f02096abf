// Takes back an approved figure that turned out wrong: an audited revision (a new version that carries no value and
// says which one it withdraws), after which the evaluations resting on it are recomputed without it. Nothing is
// deleted: the wrong figure stays in the history with who withdrew it and why.
import { StaleVersion, ValidationError } from '../../core/errors.ts';
import { bumpVersion, insertReview, insertWithdrawal } from '../../storage/repositories/observations-repo.ts';
import { writeAudit } from '../audit.ts';
import { nfc } from '../auth/text.ts';
import type { ServiceContext } from '../context.ts';
import { recomputePlansResting } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';
import { loadForWrite, WrongWorkflowState } from './access.ts';

export interface WithdrawObservationInput {
  id: string;
  ifMatch: number | null;
  reason: string;
}

export async function withdrawObservation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: WithdrawObservationInput;
}): Promise<{ id: string; version: number }> {
  // Withdrawing changes what counts, as approving does: the reviewer's decision.
  const scope = authorize(ctx.actor, 'observation.review');
  const reason = nfc(input.reason ?? '').trim();
  if (reason.length === 0)
    throw new ValidationError({ vi: 'Rút số liệu cần nêu lý do', en: 'Withdrawing a figure needs a reason' }, [
      { path: 'reason', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  return ctx.db.transaction(async (tx) => {
    const { obs, latest, tenantId } = await loadForWrite(tx, ctx.actor, scope, input.id, input.ifMatch);
    if (latest.workflow_state !== 'approved' || latest.value_qualifier?.withdrawn === true)
      throw new WrongWorkflowState(latest.value_qualifier?.withdrawn === true ? 'withdrawn' : latest.workflow_state, [
        'approved',
      ]);
    const now = ctx.now();
    const version = await bumpVersion(tx, tenantId, obs.id, obs.version, now);
    if (version === null) throw new StaleVersion({ id: obs.id, version: obs.version + 1 });
    const versionId = await insertWithdrawal(tx, {
      tenantId,
      observationId: obs.id,
      seq: latest.seq + 1,
      withdrawnVersionId: latest.id,
      reason,
      actorId: ctx.actor.userId,
      at: now,
    });
    await insertReview(tx, {
      tenantId,
      observationId: obs.id,
      versionId,
      action: 'revise',
      comment: reason,
      actorId: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'withdraw',
      entity: 'observation',
      entityId: obs.id,
      before: { version: obs.version, seq: latest.seq, value: latest.value, valueText: latest.value_text },
      after: { version, seq: latest.seq + 1, withdrawn: latest.id },
      reason,
    });
    await recomputePlansResting(tx, ctx, { tenantId, indicatorIds: [obs.indicator_id], causeVersionId: versionId });
    return { id: obs.id, version };
  });
}
