// Lists the breakthroughs an actor may see (own tenant; every tenant for the public portal), filtered and paged.
import { listBreakthroughs as listRows, type BreakthroughRow } from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from './paging.ts';

export interface ListInput {
  tenant?: string;
  plan?: string;
  limit?: number;
  cursor?: string;
}

export function presentBreakthrough(r: BreakthroughRow) {
  return { id: r.id, tenant: r.tenant_code, plan: r.plan_code, code: r.code, title: r.title, body: r.body };
}

export type BreakthroughView = ReturnType<typeof presentBreakthrough>;

export async function listBreakthroughs({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListInput;
}): Promise<{ items: BreakthroughView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'reference.read');
  const limit = input.limit ?? 50;
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    after: decodeCursor(input.cursor),
    limit: limit + 1,
    plan: input.plan ?? null,
  });
  const result = page(rows, limit, (r) => [r.code, r.id]);
  return { items: result.items.map(presentBreakthrough), nextCursor: result.nextCursor };
}
