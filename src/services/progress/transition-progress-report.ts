// The shared step of submit, return and approve for progress reports: one workflow move of a report, with the
// audit row (before/after, who, why) in the same transaction, guarded by If-Match.
import { StaleVersion } from '../../core/errors.ts';
import { checkMove, WORKFLOW_MOVES } from '../../core/workflow.ts';
import { bumpProgress } from '../../storage/repositories/progress-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { mailNotifications, notify } from '../notifications/notify.ts';
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
  const { result, ids } = await ctx.db.transaction(async (tx) => {
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
    const what = input.kind === 'task' ? 'Báo cáo tiến độ nhiệm vụ' : 'Cập nhật tiến độ dự án';
    const link = `/progress/${input.kind}/${row.parent_id}`;
    const sent =
      verb === 'submit'
        ? await notify(
            ctx,
            { role: 'approver', kind: 'approval_due', subject: `${what} kỳ ${row.period} chờ duyệt`, link },
            tx,
          )
        : row.entered_by
          ? await notify(
              ctx,
              {
                userId: row.entered_by,
                kind: verb === 'return' ? 'report_returned' : 'report_approved',
                subject:
                  verb === 'return'
                    ? `${what} kỳ ${row.period} bị trả lại${input.comment ? `: ${input.comment}` : ''}`
                    : `${what} kỳ ${row.period} đã được duyệt`,
                link,
              },
              tx,
            )
          : { ids: [] };
    return { result: { id: row.id, version }, ids: sent.ids };
  });
  await mailNotifications(ctx, ids);
  return result;
}
