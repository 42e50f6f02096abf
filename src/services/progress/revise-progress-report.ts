// A revised progress report: a new row (draft) that supersedes the old one, which keeps its figures and its state.
// Used after a return, or to correct an approved report (the approved one stays public until the new one is).
import { StaleVersion } from '../../core/errors.ts';
import { bumpProgress, insertProgress } from '../../storage/repositories/progress-repo.ts';
import { WrongWorkflowState } from '../observations/access.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import {
  ACTIONS,
  figureColumns,
  loadProgressForWrite,
  type ProgressFigures,
  type ProgressKind,
} from './progress-access.ts';

export interface ReviseProgressInput {
  kind: ProgressKind;
  id: string;
  ifMatch: number | null;
  figures: ProgressFigures;
}

export async function reviseProgressReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReviseProgressInput;
}): Promise<{ id: string; version: number }> {
  const scope = authorize(ctx.actor, ACTIONS[input.kind].enter);
  const figures = figureColumns(input.kind, input.figures);
  return ctx.db.transaction(async (tx) => {
    const { row, tenantId } = await loadProgressForWrite(tx, input.kind, ctx.actor, scope, input.id, input.ifMatch);
    // A report under review is the approver's to return or approve; revising it underneath would approve the unseen.
    if (row.workflow_state === 'submitted')
      throw new WrongWorkflowState('submitted', ['draft', 'returned', 'approved']);
    // Bumping the old row serialises racing revisions: the loser sees a stale version.
    if ((await bumpProgress(tx, input.kind, tenantId, row.id, row.version, null)) === null)
      throw new StaleVersion({ id: row.id, version: row.version + 1 });
    const next = await insertProgress(tx, input.kind, {
      tenantId,
      parentId: row.parent_id,
      period: row.period,
      figures,
      enteredBy: ctx.actor.userId,
      supersedesId: row.id,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'revise',
      entity: ACTIONS[input.kind].entity,
      entityId: next.id,
      before: { id: row.id, ...row.figures, workflowState: row.workflow_state },
      after: { id: next.id, supersedesId: row.id, ...figures, workflowState: 'draft' },
    });
    return next;
  });
}
