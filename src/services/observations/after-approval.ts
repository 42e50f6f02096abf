// What follows an approval inside the approving transaction: the stored evaluations resting on the approved figure
// are recomputed and every verdict that moved is recorded.
import type { Queryable } from '../../storage/db.ts';
import type { ServiceContext } from '../context.ts';
import { recomputeAfterApproval } from '../evaluations/recompute-after-approval.ts';

export interface Approval {
  indicatorIds: string[];
  causeVersionId: string;
}

export async function afterApproval(tx: Queryable, ctx: ServiceContext, approval: Approval): Promise<void> {
  await recomputeAfterApproval(tx, ctx, approval);
}
