// Lists observations the actor may see, filtered and paged; the public sees approved figures only.
import { listObservations as listRows, listVersions } from '../../storage/repositories/observations-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from '../reference/paging.ts';
import { presentObservation, type ObservationView } from './present-observation.ts';

export interface ListObservationsInput {
  tenant?: string;
  plan?: string;
  indicatorId?: string;
  unit?: string;
  agency?: string;
  period?: string;
  status?: 'draft' | 'submitted' | 'returned' | 'approved';
  limit?: number;
  cursor?: string;
}

export async function listObservations({ ctx, input }: { ctx: ServiceContext; input: ListObservationsInput }): Promise<{ items: ObservationView[]; nextCursor: string | null }> {
  const scope = authorize(ctx.actor, 'observation.read');
  const published = scope === 'published';
  const limit = input.limit ?? 50;
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
    after: decodeCursor(input.cursor),
    limit: limit + 1,
  });
  const result = page(rows, limit, (r) => [r.indicator_code, r.period, r.id]);
  const byTenant = new Map<string, string[]>();
  for (const r of result.items) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.id]);
  const versions = (await Promise.all([...byTenant].map(([t, ids]) => listVersions(ctx.db, t, ids)))).flat();
  return { items: result.items.map((o) => presentObservation(o, versions.filter((v) => v.observation_id === o.id), published)), nextCursor: result.nextCursor };
}
