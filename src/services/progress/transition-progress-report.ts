// The shared step of submit, return and approve for progress reports: one workflow move of a report, with the
// audit row (before/after, who, why) in the same transaction, guarded by If-Match.
import { StaleVersion } from '../../core/errors.ts';
import { checkMove, WORKFLOW_MOVES } from '../../core/workflow.ts';
import { bumpProgress } from '../../storage/repositories/progress-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { ACTIONS, loadProgressForWrite, type ProgressKind } from './progress-access.ts';

export interface TransitionProgressInput {
  kind: ProgressKind;
  id: string;
  ifMatch: number | null;
  comment: string | null;
}

export async function transitionProgressReport(
  ctx: ServiceContext,
  verb: keyof typeof WORKFLOW_MOVES,
  input: TransitionProgressInput,
): Promise<{ id: string; version: number }> {
  const actions = ACTIONS[input.kind];
  const scope = authorize(ctx.actor, verb === 'submit' ? actions.submit : actions.review);
  return ctx.db.transaction(async (tx) => {
    const { row, tenantId } = await loadProgressForWrite(tx, input.kind, ctx.actor, scope, input.id, input.ifMatch);
    const to = checkMove(verb, row.workflow_state, { enteredBy: row.entered_by, actorId: ctx.actor.userId }, 'report');
    const version = await bumpProgress(tx, input.kind, tenantId, row.id, row.version, {
      state: to,
      by: ctx.actor.userId,
      at: ctx.now(),
      comment: input.comment,
    });
    if (version === null) throw new StaleVersion({ id: row.id, version: row.version + 1 });
    await writeAudit(tx, ctx, {
      tenantId,
      action: verb,
      entity: actions.entity,
      entityId: row.id,
      before: { version: row.version, workflowState: row.workflow_state },
      after: { version, workflowState: to },
      reason: input.comment,
    });
    return { id: row.id, version };
  });
}
