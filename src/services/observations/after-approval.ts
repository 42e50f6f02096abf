// What follows an approval inside the approving transaction. Evaluation snapshots are recomputed here once
// `services/evaluations/recompute-evaluations.ts` exists: register it with `onApproval` at start. Until then the
// list is empty and evaluations are computed on read (evaluatePlan), so nothing is stale.
import type { Queryable } from '../../storage/db.ts';
import type { ServiceContext } from '../context.ts';

export interface Approval {
  indicatorIds: string[];
  causeVersionId: string;
}

export type ApprovalHook = (tx: Queryable, ctx: ServiceContext, approval: Approval) => Promise<void>;

const hooks: ApprovalHook[] = [];

export function onApproval(hook: ApprovalHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export async function afterApproval(tx: Queryable, ctx: ServiceContext, approval: Approval): Promise<void> {
  for (const hook of hooks) await hook(tx, ctx, approval);
}
