// Requests for explanation of the tenant: of one item (its round trip), to one agency (an agency editor sees its
// own by default), open only, or overdue only (unanswered past the deadline) — what the agency page lists.
import { vietnamDateOf } from '../../core/format/date.ts';
import type { ItemKind } from '../../core/vocabulary.ts';
import { listRequests as listRows } from '../../storage/repositories/requests-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { presentRequest, type RequestView } from './present-request.ts';

export interface ListRequestsInput {
  itemKind?: ItemKind;
  itemId?: string;
  agencyId?: string;
  /** Only the requests not yet answered. */
  open?: boolean;
  /** Only the requests unanswered past their deadline. */
  overdue?: boolean;
  limit?: number;
}

export async function listRequests({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListRequestsInput;
}): Promise<{ items: RequestView[] }> {
  authorize(ctx.actor, 'explanation.read');
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) return { items: [] };
  const now = ctx.now();
  const rows = await listRows(
    ctx.db,
    tenantId,
    {
      itemKind: input.itemKind ?? null,
      itemId: input.itemId ?? null,
      agencyId: input.agencyId ?? null,
      open: input.open ?? false,
      overdueOn: input.overdue ? vietnamDateOf(now) : null,
    },
    input.limit ?? 100,
  );
  return { items: rows.map((r) => presentRequest(r, now)) };
}
