// Lists the plans an actor may see: their own tenant's, or every tenant's for the system and the public portal.
import { listPlans as listPlanRows } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { presentPlan, type PlanView } from './present-plan.ts';

export async function listPlans({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: { tenant?: string };
}): Promise<PlanView[]> {
  const rows = await listPlanRows(ctx.db, ctx.actor.kind === 'user' ? ctx.actor.tenantId : null);
  return rows.filter((r) => !input.tenant || r.tenant_code === input.tenant).map(presentPlan);
}
