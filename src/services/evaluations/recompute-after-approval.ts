// After an approval, the stored evaluations of every plan whose targets rest on the approved figure are recomputed
// in the same transaction, and any verdict that moved is recorded (see recompute-evaluations.ts).
import type { Queryable } from '../../storage/db.ts';
import type { ServiceContext } from '../context.ts';
import type { Approval } from '../observations/after-approval.ts';
import { recomputeEvaluations } from './recompute-evaluations.ts';

export async function recomputeAfterApproval(tx: Queryable, ctx: ServiceContext, approval: Approval): Promise<void> {
  const plans = await tx.query<{
    id: string;
    tenant_id: string;
    settings: Record<string, unknown>;
    tenant_settings: Record<string, unknown>;
  }>(
    `SELECT DISTINCT ON (p.id) p.id, p.tenant_id, p.settings, tn.settings AS tenant_settings
       FROM targets t JOIN plans p ON p.id = t.plan_id AND p.tenant_id = t.tenant_id JOIN tenants tn ON tn.id = p.tenant_id
      WHERE t.indicator_id = ANY($1)`,
    [approval.indicatorIds],
  );
  for (const plan of plans) {
    await recomputeEvaluations(tx, ctx, {
      plan,
      indicatorIds: approval.indicatorIds,
      causeVersionId: approval.causeVersionId,
    });
  }
}
