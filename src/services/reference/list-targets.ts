// Lists the targets of plans an actor may see, in the plan's own order, filtered and paged.
import { listTargets as listRows, type TargetRow } from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from './paging.ts';

export interface ListInput {
  tenant?: string;
  plan?: string;
  indicatorId?: string;
  limit?: number;
  cursor?: string;
}

export function presentTarget(r: TargetRow) {
  return {
    id: r.id,
    tenant: r.tenant_code,
    plan: r.plan_code,
    indicator: { id: r.indicator_id, code: r.indicator_code },
    kind: r.kind,
    spec: r.spec,
    text: r.text,
    firstYear: r.first_year,
    lastYear: r.last_year,
    /** draft, in_force (the one that counts) or superseded (history). */
    stage: r.stage,
    supersededOn: r.superseded_on,
    /** The unit the target is set for when not the plan's own (evaluated, shown, not counted); null: the plan's. */
    scope: r.scope,
    /** Where the target is written: { document, documentId?, source?, page?, line?, paragraph?, quote? }. */
    citation: r.citation,
    /** Spec fields not written as digits in the text, each with the reason. */
    derived: r.derived ?? {},
    notes: r.notes,
  };
}

export type TargetView = ReturnType<typeof presentTarget>;

export async function listTargets({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListInput;
}): Promise<{ items: TargetView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'reference.read');
  const limit = input.limit ?? 50;
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    plan: input.plan ?? null,
    indicatorId: input.indicatorId ?? null,
    after: decodeCursor(input.cursor),
    limit: limit + 1,
  });
  const result = page(rows, limit, (r) => [String(r.sort_order).padStart(8, '0'), r.id]);
  return { items: result.items.map(presentTarget), nextCursor: result.nextCursor };
}
