// One plan by its code, in the actor's tenant (or any tenant for the public portal).
import { NotFound } from '../../core/errors.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { presentPlan, type PlanView } from '../plans/present-plan.ts';
import { authorize } from '../policy.ts';

export async function getPlan({ ctx, input }: { ctx: ServiceContext; input: { code: string } }): Promise<PlanView> {
  authorize(ctx.actor, 'plan.read');
  const row = await findPlanByCode(ctx.db, ctx.actor.tenantId, input.code);
  if (!row) throw new NotFound({ vi: `nghị quyết "${input.code}"`, en: `Plan "${input.code}"` });
  return presentPlan(row);
}
