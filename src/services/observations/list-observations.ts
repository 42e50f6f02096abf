// Lists observations the actor may see, filtered and paged; the public sees approved figures only.
import type { WorkflowState } from '../../core/vocabulary.ts';
import {
  OBSERVATION_SORTS,
  figureListVersion,
  listObservations as listRows,
  listVersions,
  type VersionRow,
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
  for (const r of result.items) {
    const ids = byTenant.get(r.tenant_id);
    if (ids === undefined) byTenant.set(r.tenant_id, [r.id]);
    else ids.push(r.id);
  }
  // The public sees approved versions only: the others are not read at all.
  const versions = await Promise.all([...byTenant].map(([t, ids]) => listVersions(ctx.db, t, ids, published)));
  const byObservation = new Map<string, VersionRow[]>();
  for (const v of versions.flat()) {
    const list = byObservation.get(v.observation_id);
    if (list === undefined) byObservation.set(v.observation_id, [v]);
    else list.push(v);
  }
  return {
    items: result.items.map((o) => presentObservation(o, byObservation.get(o.id) ?? [], published)),
    nextCursor: result.nextCursor,
  };
}

/**
 * The version of an indicator's figures as the public lists them (null: no such indicator): equal versions mean
 * equal public lists of that indicator, whatever the page, sort or filter (the API keeps such pages ready).
 */
export async function publicFigureListVersionOf(ctx: ServiceContext, indicatorId: string): Promise<string | null> {
  return figureListVersion(ctx.db, indicatorId);
}
