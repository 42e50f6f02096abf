// The shared step of submit, return and approve: one workflow move of the newest version, with the review row and
// the audit row (before/after, who, why) in the same transaction, guarded by If-Match.
import { StaleVersion } from '../../core/errors.ts';
import { checkMove, type WorkflowMove } from '../../core/workflow.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  bumpVersion,
  insertReview,
  setWorkflowState,
  type ObservationRow,
  type VersionRow,
} from '../../storage/repositories/observations-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize, type Action } from '../policy.ts';
import { loadForWrite } from './access.ts';

export interface TransitionInput {
  id: string;
  ifMatch: number | null;
  comment: string | null;
}

export interface TransitionRule {
  action: Action;
  /** The workflow move (core/workflow.ts): which states it starts from, where it leads, four eyes on approval. */
  review: WorkflowMove;
  /** What the move sets off in the same transaction (an approval recomputes the evaluations resting on it). */
  after?: (tx: Queryable, ctx: ServiceContext, obs: ObservationRow, latest: VersionRow) => Promise<void>;
}

export async function transitionObservation(
  ctx: ServiceContext,
  rule: TransitionRule,
  input: TransitionInput,
): Promise<{ id: string; version: number }> {
  const scope = authorize(ctx.actor, rule.action);
  return ctx.db.transaction(async (tx) => {
    const { obs, latest, tenantId } = await loadForWrite(tx, ctx.actor, scope, input.id, input.ifMatch);
    const to = checkMove(
      rule.review,
      latest.workflow_state,
      { enteredBy: latest.entered_by, actorId: ctx.actor.userId },
      'figure',
    );
    const now = ctx.now();
    const version = await bumpVersion(tx, tenantId, obs.id, obs.version, now);
    if (version === null) throw new StaleVersion({ id: obs.id, version: obs.version + 1 });
    await setWorkflowState(tx, tenantId, latest.id, to, ctx.actor.userId, now);
    await insertReview(tx, {
      tenantId,
      observationId: obs.id,
      versionId: latest.id,
      action: rule.review,
      comment: input.comment,
      actorId: ctx.actor.userId,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: rule.review,
      entity: 'observation',
      entityId: obs.id,
      before: { version: obs.version, seq: latest.seq, workflowState: latest.workflow_state },
      after: { version, seq: latest.seq, workflowState: to },
      reason: input.comment,
    });
    await rule.after?.(tx, ctx, obs, latest);
    return { id: obs.id, version };
  });
}
