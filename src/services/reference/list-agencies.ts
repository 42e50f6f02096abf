// Lists the agencies an actor may see (own tenant; every tenant for the public portal), filtered and paged.
import { listAgencies as listRows, type AgencyRow } from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from './paging.ts';

export interface ListInput {
  tenant?: string;
  limit?: number;
  cursor?: string;
}

export function presentAgency(r: AgencyRow) {
  return { id: r.id, tenant: r.tenant_code, code: r.code, name: r.name, kind: r.kind };
}

export type AgencyView = ReturnType<typeof presentAgency>;

export async function listAgencies({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListInput;
}): Promise<{ items: AgencyView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'reference.read');
  const limit = input.limit ?? 50;
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    after: decodeCursor(input.cursor),
    limit: limit + 1,
  });
  const result = page(rows, limit, (r) => [r.code, r.id]);
  return { items: result.items.map(presentAgency), nextCursor: result.nextCursor };
}
