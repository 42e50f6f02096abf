// What each agency owes in a plan, counted from the same inbox the agency works in (collectInbox): figures due
// (owed and not yet handed in), of those the late ones (past their deadline under the reporting regime) and the ones
// returned for revision, and the next deadline. The by-agency pages show it to the tenant's members; the public
// portal never sees the workflow.
import { NotFound } from '../../core/errors.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { collectInbox, type InboxView } from './agency-inbox.ts';

export interface AgencyObligations {
  /** null: the indicators no agency owns yet. */
  agencyId: string | null;
  due: number;
  late: number;
  returned: number;
  /** The earliest deadline among the figures due that are not late yet; null when none. */
  nextDueDate: string | null;
}

export interface ObligationsView {
  plan: { code: string; name: string };
  today: string;
  rules: InboxView['rules'];
  agencies: AgencyObligations[];
}

export async function listAgencyObligations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { planCode: string };
}): Promise<ObligationsView> {
  authorize(ctx.actor, 'obligation.read');
  const tenantId = ctx.actor.tenantId;
  const notFound = new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  if (!tenantId) throw notFound;
  const plan = await findPlanByCode(ctx.db, tenantId, input.planCode);
  if (!plan) throw notFound;
  const { view, ownerOf } = await collectInbox(ctx, tenantId, plan, null);
  const byAgency = new Map<string | null, AgencyObligations>();
  for (const agencyId of new Set(ownerOf.values()))
    byAgency.set(agencyId, { agencyId, due: 0, late: 0, returned: 0, nextDueDate: null });
  for (const item of view.items) {
    // A submitted figure waits on the approver and an approved one is done: neither is the agency's to hand in.
    if (item.state !== 'missing' && item.state !== 'draft' && item.state !== 'returned') continue;
    const o = byAgency.get(ownerOf.get(item.indicator.id) ?? null);
    if (!o) continue;
    o.due += 1;
    if (item.overdue) o.late += 1;
    if (item.state === 'returned') o.returned += 1;
    if (!item.overdue && (o.nextDueDate === null || item.dueDate < o.nextDueDate)) o.nextDueDate = item.dueDate;
  }
  return {
    plan: view.plan,
    today: view.today,
    rules: view.rules,
    agencies: [...byAgency.values()],
  };
}
