// "What changed since the estimates": every stored verdict or value change of a plan, newest first, with the
// vintage that caused it.
import { NotFound } from '../../core/errors.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';

export interface EvaluationChangeView {
  at: string;
  indicator: { code: string; name: string };
  target: string;
  before: { status: string | null; value: string | null };
  after: { status: string; value: string | null };
  cause: {
    period: string;
    value: string | null;
    status: string;
    label: string | null;
    source: string | null;
    publishedOn: string | null;
  } | null;
}

export async function listEvaluationChanges({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string };
}): Promise<EvaluationChangeView[]> {
  authorize(ctx.actor, 'evaluation.read');
  const plan = await findPlanByCode(ctx.db, ctx.actor.kind === 'user' ? ctx.actor.tenantId : null, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const rows = await ctx.db.query<{
    at: Date;
    code: string;
    name: string;
    text: string;
    old_status: string | null;
    new_status: string;
    old_value: string | null;
    new_value: string | null;
    period: string | null;
    value: string | null;
    status: string | null;
    vintage_label: string | null;
    source_text: string | null;
    published_on: string | null;
  }>(
    `SELECT c.at, i.code, i.name, t.text, c.old_status, c.new_status, c.old_value, c.new_value,
            o.period, v.value, v.status, v.vintage_label, v.source_text, v.published_on
       FROM evaluation_changes c
       JOIN targets t ON t.id = c.target_id AND t.tenant_id = c.tenant_id
       JOIN indicators i ON i.id = t.indicator_id
       LEFT JOIN observation_versions v ON v.id = c.cause_version_id
       LEFT JOIN observations o ON o.id = v.observation_id
      WHERE c.tenant_id = $1 AND t.plan_id = $2
      ORDER BY c.at DESC, i.sort_order, i.code, t.sort_order, t.id`,
    [plan.tenant_id, plan.id],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    indicator: { code: r.code, name: r.name },
    target: r.text,
    before: { status: r.old_status, value: r.old_value },
    after: { status: r.new_status, value: r.new_value },
    cause:
      r.period && r.status
        ? {
            period: r.period,
            value: r.value,
            status: r.status,
            label: r.vintage_label,
            source: r.source_text,
            publishedOn: r.published_on,
          }
        : null,
  }));
}
