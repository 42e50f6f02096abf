// A plan owner records a manual verdict for a target, with a reason. The computed verdict stays beside it and the
// override is printed as such; recording a new one revokes the previous, so the history is kept. The plan's stored
// evaluation is recomputed in the same transaction.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { recomputeEvaluations } from './recompute-evaluations.ts';

const STATUSES = ['exceeded', 'met', 'not_met', 'no_data', 'on_track', 'at_risk', 'off_track'] as const;
export type OverrideStatus = (typeof STATUSES)[number];

export interface RecordOverrideInput {
  planCode: string;
  indicatorCode: string;
  status: OverrideStatus;
  reason: string;
}

export async function recordOverride({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RecordOverrideInput;
}): Promise<{ overrideId: string }> {
  // The system actor (CLI) holds the admin role, so the policy lets it through too.
  authorize(ctx.actor, 'evaluation.override');
  const issues = [];
  if (!STATUSES.includes(input.status))
    issues.push({
      path: 'status',
      reason: { vi: `phải là một trong ${STATUSES.join(', ')}`, en: `must be one of ${STATUSES.join(', ')}` },
    });
  if (!input.reason?.trim() || input.reason.length > 1000)
    issues.push({
      path: 'reason',
      reason: { vi: 'cần nêu lý do (tối đa 1000 ký tự)', en: 'a reason is required (at most 1000 characters)' },
    });
  if (issues.length > 0) {
    throw new ValidationError(
      {
        vi: `Điều chỉnh không hợp lệ: ${issues.map((i) => `${i.path}: ${i.reason.vi}`).join('; ')}`,
        en: `Invalid override: ${issues.map((i) => `${i.path}: ${i.reason.en}`).join('; ')}`,
      },
      issues,
    );
  }
  const plan = await findPlanByCode(ctx.db, ctx.actor.kind === 'user' ? ctx.actor.tenantId : null, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  return ctx.db.transaction(async (tx) => {
    const targets = await tx.query<{ id: string; indicator_id: string }>(
      `SELECT t.id, t.indicator_id FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE t.tenant_id = $1 AND t.plan_id = $2 AND i.code = $3 ORDER BY t.sort_order, t.id`,
      [plan.tenant_id, plan.id, input.indicatorCode],
    );
    const target = targets[0];
    if (!target)
      throw new NotFound({
        vi: `mục tiêu của chỉ tiêu "${input.indicatorCode}"`,
        en: `Target of indicator "${input.indicatorCode}"`,
      });
    const revoked = await tx.query(
      'UPDATE evaluation_overrides SET revoked_at = now() WHERE tenant_id = $1 AND target_id = $2 AND revoked_at IS NULL RETURNING id, status, reason',
      [plan.tenant_id, target.id],
    );
    const row = (
      await tx.query<{ id: string }>(
        'INSERT INTO evaluation_overrides (tenant_id, target_id, status, reason, created_by) VALUES ($1,$2,$3,$4,$5) RETURNING id',
        [plan.tenant_id, target.id, input.status, input.reason.normalize('NFC'), ctx.actor.userId],
      )
    )[0] as { id: string };
    await writeAudit(tx, ctx, {
      tenantId: plan.tenant_id,
      action: 'override',
      entity: 'target',
      entityId: target.id,
      before: revoked[0] ?? null,
      after: { status: input.status },
      reason: input.reason,
    });
    // The stored evaluation reads serve moves with the override, in this same transaction.
    await recomputeEvaluations(tx, ctx, { plan, indicatorIds: [target.indicator_id], causeVersionId: null });
    return { overrideId: row.id };
  });
}
