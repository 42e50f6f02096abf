// Lists the units an actor may see (own tenant; every tenant for the public portal), filtered and paged.
import { listUnits as listRows, type UnitRow } from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from './paging.ts';

export interface ListInput {
  tenant?: string;
  level?: string;
  limit?: number;
  cursor?: string;
}

export function presentUnit(r: UnitRow) {
  return {
    id: r.id,
    tenant: r.tenant_code,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

export type UnitView = ReturnType<typeof presentUnit>;

export async function listUnits({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListInput;
}): Promise<{ items: UnitView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'reference.read');
  const limit = input.limit ?? 50;
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    after: decodeCursor(input.cursor),
    limit: limit + 1,
    level: input.level ?? null,
  });
  const result = page(rows, limit, (r) => [r.code, r.id]);
  return { items: result.items.map(presentUnit), nextCursor: result.nextCursor };
}
