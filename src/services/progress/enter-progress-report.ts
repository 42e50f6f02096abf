// Enters the first progress report of a task or a project for a period, as a draft. A period that already has an
// open report is revised instead (revise-progress-report), so nothing is ever overwritten.
import { Conflict, NotFound } from '../../core/errors.ts';
import { findOpenProgress, findProgressParent, insertProgress } from '../../storage/repositories/progress-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { ACTIONS, checkOwner, figureColumns, type ProgressFigures, type ProgressKind } from './progress-access.ts';

export interface EnterProgressInput {
  kind: ProgressKind;
  parentId: string;
  period: string;
  figures: ProgressFigures;
}

export async function enterProgressReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EnterProgressInput;
}): Promise<{ id: string; version: number }> {
  const scope = authorize(ctx.actor, ACTIONS[input.kind].enter);
  const figures = figureColumns(input.kind, input.figures);
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    const parent = tenantId
      ? await findProgressParent(tx, input.kind, tenantId, input.parentId, ctx.actor.agencyId)
      : null;
    if (!tenantId || !parent)
      throw new NotFound(input.kind === 'task' ? { vi: 'nhiệm vụ', en: 'Task' } : { vi: 'dự án', en: 'Project' });
    checkOwner(ctx.actor, scope, parent.owned, input.kind);
    const open = await findOpenProgress(tx, input.kind, tenantId, input.parentId, input.period);
    if (open) {
      throw new Conflict(
        'progress_exists',
        {
          vi: 'Kỳ này đã có báo cáo; hãy sửa bằng một bản mới',
          en: 'This period already has a report; revise it instead',
        },
        { id: open.id, version: open.version },
      );
    }
    const row = await insertProgress(tx, input.kind, {
      tenantId,
      parentId: input.parentId,
      period: input.period,
      figures,
      enteredBy: ctx.actor.userId,
      supersedesId: null,
    });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'create',
      entity: ACTIONS[input.kind].entity,
      entityId: row.id,
      after: { parentId: input.parentId, period: input.period, ...figures, workflowState: 'draft' },
    });
    return row;
  });
}
