// The shared step of submit, return and approve for progress reports: one workflow move of a report, with the
// audit row (before/after, who, why) in the same transaction, guarded by If-Match.
import { Forbidden, StaleVersion } from '../../core/errors.ts';
import { bumpProgress } from '../../storage/repositories/progress-repo.ts';
import { WrongWorkflowState } from '../observations/access.ts';
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

const RULES = {
  submit: { step: 'submit', from: ['draft'], to: 'submitted' },
  return: { step: 'review', from: ['submitted'], to: 'returned' },
  approve: { step: 'review', from: ['submitted'], to: 'approved' },
} as const;

export async function transitionProgressReport(
  ctx: ServiceContext,
  verb: keyof typeof RULES,
  input: TransitionProgressInput,
): Promise<{ id: string; version: number }> {
  const rule = RULES[verb];
  const actions = ACTIONS[input.kind];
  const scope = authorize(ctx.actor, rule.step === 'submit' ? actions.submit : actions.review);
  return ctx.db.transaction(async (tx) => {
    const { row, tenantId } = await loadProgressForWrite(tx, input.kind, ctx.actor, scope, input.id, input.ifMatch);
    if (!(rule.from as readonly string[]).includes(row.workflow_state))
      throw new WrongWorkflowState(row.workflow_state, [...rule.from]);
    // Four eyes: whoever entered a report does not approve it.
    if (verb === 'approve' && row.entered_by !== null && row.entered_by === ctx.actor.userId) {
      throw new Forbidden({
        vi: 'Người nhập báo cáo không được tự phê duyệt',
        en: 'Whoever entered a report may not approve it',
      });
    }
    const version = await bumpProgress(tx, input.kind, tenantId, row.id, row.version, {
      state: rule.to,
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
      after: { version, workflowState: rule.to },
      reason: input.comment,
    });
    return { id: row.id, version };
  });
}
