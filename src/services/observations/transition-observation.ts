// The shared step of submit, return and approve: one workflow move of the newest version, with the review row and
// the audit row (before/after, who, why) in the same transaction, guarded by If-Match.
import { StaleVersion } from '../../core/errors.ts';
import { isOneOf, type WorkflowState } from '../../core/vocabulary.ts';
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
import { loadForWrite, WrongWorkflowState } from './access.ts';

export interface TransitionInput {
  id: string;
  ifMatch: number | null;
  comment: string | null;
}

export interface TransitionRule {
  action: Action;
  review: 'submit' | 'return' | 'approve';
  from: WorkflowState[];
  to: Exclude<WorkflowState, 'draft'>;
  /** Extra checks on the loaded rows (e.g. four eyes on approval). */
  check?: (ctx: ServiceContext, latest: VersionRow) => void;
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
    if (!isOneOf(rule.from, latest.workflow_state)) throw new WrongWorkflowState(latest.workflow_state, rule.from);
    rule.check?.(ctx, latest);
    const now = ctx.now();
    const version = await bumpVersion(tx, tenantId, obs.id, obs.version, now);
    if (version === null) throw new StaleVersion({ id: obs.id, version: obs.version + 1 });
    await setWorkflowState(tx, tenantId, latest.id, rule.to, ctx.actor.userId, now);
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
      after: { version, seq: latest.seq, workflowState: rule.to },
      reason: input.comment,
    });
    await rule.after?.(tx, ctx, obs, latest);
    return { id: obs.id, version };
  });
}
