// Lists the indicators an actor may see (own tenant; every tenant for the public portal), filtered and paged.
import {
  INDICATOR_SORTS,
  listIndicators as listRows,
  type IndicatorRow,
} from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from './paging.ts';
import { afterKey, parseSort } from './sorting.ts';

export interface ListInput {
  tenant?: string;
  plan?: string;
  agency?: string;
  group?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export function presentIndicator(r: IndicatorRow) {
  return {
    id: r.id,
    tenant: r.tenant_code,
    plan: r.plan_code,
    code: r.code,
    name: r.name,
    unitOfMeasure: r.unit_of_measure,
    group: r.group_code,
    frequency: r.frequency,
    direction: r.direction,
    measure: r.measure,
    agency: r.agency_code,
  };
}

export type IndicatorView = ReturnType<typeof presentIndicator>;

export async function listIndicators({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListInput;
}): Promise<{ items: IndicatorView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'reference.read');
  const limit = input.limit ?? 50;
  const sort = parseSort(input.sort, Object.keys(INDICATOR_SORTS) as (keyof typeof INDICATOR_SORTS)[], 'code');
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    after: afterKey(decodeCursor(input.cursor), sort, INDICATOR_SORTS[sort.key].length),
    limit: limit + 1,
    plan: input.plan ?? null,
    agency: input.agency ?? null,
    group: input.group ?? null,
    sort,
  });
  const result = page(rows, limit, (r) => [sort.token, ...r.sort_key]);
  return { items: result.items.map(presentIndicator), nextCursor: result.nextCursor };
}
