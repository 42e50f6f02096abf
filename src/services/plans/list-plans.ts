// Lists the plans an actor may see: their own tenant's, or every tenant's for the system and the public portal.
import { listPlans as listPlanRows, planListVersion } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { presentPlan, type PlanView } from './present-plan.ts';

const tenantOf = (ctx: ServiceContext): string | null => (ctx.actor.kind === 'user' ? ctx.actor.tenantId : null);

export async function listPlans({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: { tenant?: string };
}): Promise<PlanView[]> {
  const rows = await listPlanRows(ctx.db, tenantOf(ctx));
  return rows.filter((r) => !input.tenant || r.tenant_code === input.tenant).map(presentPlan);
}

/**
 * The version of the list this actor sees: equal versions give the same list. One small query, so a prepared
 * answer can be checked against it on every read.
 */
export async function planListVersionOf(ctx: ServiceContext): Promise<string> {
  return planListVersion(ctx.db, tenantOf(ctx));
}
