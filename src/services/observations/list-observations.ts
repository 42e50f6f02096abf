// Lists observations the actor may see, filtered and paged; the public sees approved figures only.
import type { WorkflowState } from '../../core/vocabulary.ts';
import {
  OBSERVATION_SORTS,
  listObservations as listRows,
  listVersions,
} from '../../storage/repositories/observations-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from '../reference/paging.ts';
import { afterKey, parseSort } from '../reference/sorting.ts';
import { presentObservation, type ObservationView } from './present-observation.ts';

export interface ListObservationsInput {
  tenant?: string;
  plan?: string;
  indicatorId?: string;
  unit?: string;
  agency?: string;
  period?: string;
  status?: WorkflowState;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export async function listObservations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListObservationsInput;
}): Promise<{ items: ObservationView[]; nextCursor: string | null }> {
  const scope = authorize(ctx.actor, 'observation.read');
  const published = scope === 'published';
  const limit = input.limit ?? 50;
  const sort = parseSort(input.sort, Object.keys(OBSERVATION_SORTS) as (keyof typeof OBSERVATION_SORTS)[], 'indicator');
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    plan: input.plan ?? null,
    indicatorId: input.indicatorId ?? null,
    unit: input.unit ?? null,
    agency: input.agency ?? null,
    period: input.period ?? null,
    workflowState: published ? null : (input.status ?? null),
    approvedOnly: published,
    after: afterKey(decodeCursor(input.cursor), sort, OBSERVATION_SORTS[sort.key].length),
    sort,
    limit: limit + 1,
  });
  const result = page(rows, limit, (r) => [sort.token, ...r.sort_key]);
  const byTenant = new Map<string, string[]>();
  for (const r of result.items) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.id]);
  const versions = (await Promise.all([...byTenant].map(([t, ids]) => listVersions(ctx.db, t, ids)))).flat();
  return {
    items: result.items.map((o) =>
      presentObservation(
        o,
        versions.filter((v) => v.observation_id === o.id),
        published,
      ),
    ),
    nextCursor: result.nextCursor,
  };
}
