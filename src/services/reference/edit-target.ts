// A plan owner corrects a target's wording or definition (the kind, the bound, the term). The engine itself checks
// the new definition (a target it refuses is refused with its reason), the old one is kept in the audit row, and the
// plan's stored evaluation is recomputed in the same transaction.
import { NotFound, ValidationError, isChitieuError } from '../../core/errors.ts';
import { evaluate } from '../../core/evaluation/index.ts';
import type { TargetSpec } from '../../core/targets/target.ts';
import { findTargetForEdit, updateTarget } from '../../storage/repositories/targets-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeEvaluations, type EvaluationChange } from '../evaluations/recompute-evaluations.ts';
import { authorize } from '../policy.ts';

export interface EditTargetInput {
  planCode: string;
  indicatorCode: string;
  /** Which of the indicator's targets in force (an indicator may carry several); unnamed, the first. */
  targetId?: string;
  spec: TargetSpec;
  text?: string;
  reason: string;
}

export function checkSpec(spec: TargetSpec): { firstYear: number; lastYear: number } {
  const term = (spec as Partial<TargetSpec> | null)?.term;
  if (!term || !Number.isInteger(term.firstYear) || !Number.isInteger(term.lastYear)) {
    throw new ValidationError({ vi: 'Mục tiêu thiếu giai đoạn', en: 'The target lacks its term' }, [
      { path: 'spec/term', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  }
  try {
    evaluate(spec, [], { year: term.firstYear });
  } catch (err) {
    if (isChitieuError(err))
      throw new ValidationError(err.messages, [{ path: 'spec', reason: err.messages }], 'invalid_target');
    throw err;
  }
  return term;
}

export async function editTarget({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EditTargetInput;
}): Promise<{ targetId: string; changes: EvaluationChange[] }> {
  authorize(ctx.actor, 'reference.manage');
  if (!input.reason?.trim())
    throw new ValidationError({ vi: 'Cần nêu lý do sửa mục tiêu', en: 'Editing a target needs a reason' }, [
      { path: 'reason', reason: { vi: 'bắt buộc', en: 'required' } },
    ]);
  const term = checkSpec(input.spec);
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw new NotFound({ vi: 'mục tiêu', en: 'Target' });
  return ctx.db.transaction(async (tx) => {
    const t = await findTargetForEdit(tx, tenantId, input.planCode, input.indicatorCode, input.targetId);
    if (!t)
      throw new NotFound({
        vi: `mục tiêu của chỉ tiêu "${input.indicatorCode}"`,
        en: `Target of indicator "${input.indicatorCode}"`,
      });
    const text = (input.text ?? t.text).normalize('NFC');
    await updateTarget(tx, { tenantId, id: t.id, spec: input.spec, text, ...term });
    await writeAudit(tx, ctx, {
      tenantId,
      action: 'edit',
      entity: 'target',
      entityId: t.id,
      before: { spec: t.spec, text: t.text },
      after: { spec: input.spec, text },
      reason: input.reason.normalize('NFC'),
    });
    const changes = await recomputeEvaluations(tx, ctx, {
      plan: { id: t.plan_id, tenant_id: t.tenant_id, settings: t.settings, tenant_settings: t.tenant_settings },
      indicatorIds: [t.indicator_id],
      causeVersionId: null,
    });
    return { targetId: t.id, changes };
  });
}
