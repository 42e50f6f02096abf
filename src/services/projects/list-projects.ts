// Lists key projects with their milestones and progress updates; the public sees approved progress only.
import {
  PROJECT_SORTS,
  listMilestones,
  listProjectProgress,
  listProjects as listRows,
  type MilestoneRow,
  type ProgressRow,
  type ProjectRow,
} from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from '../reference/paging.ts';
import { afterKey, parseSort } from '../reference/sorting.ts';

export interface ListInput {
  tenant?: string;
  plan?: string;
  agency?: string;
  status?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export function presentProject(r: ProjectRow, milestones: MilestoneRow[], progress: ProgressRow[]) {
  return {
    id: r.id,
    tenant: r.tenant_code,
    plan: r.plan_code,
    code: r.code,
    title: r.title,
    role: r.role,
    agency: r.agency_code,
    status: r.status,
    version: r.version,
    budget: r.budget_amount,
    capitalSource: r.capital_source,
    period: { start: r.period_start, end: r.period_end },
    milestones: milestones.map((m) => ({
      code: m.code,
      title: m.title,
      status: m.status,
      dueDate: m.due_date,
      dateMet: m.date_met,
    })),
    progress: progress.map((p) => ({
      period: p.period,
      physicalActualPercent: p.physical_actual_percent,
      disbursed: p.disbursed,
      workflowState: p.workflow_state,
    })),
  };
}

export type ProjectView = ReturnType<typeof presentProject>;

export async function listProjects({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListInput;
}): Promise<{ items: ProjectView[]; nextCursor: string | null }> {
  const scope = authorize(ctx.actor, 'project.read');
  const limit = input.limit ?? 50;
  const sort = parseSort(input.sort, Object.keys(PROJECT_SORTS) as (keyof typeof PROJECT_SORTS)[], 'code');
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    plan: input.plan ?? null,
    agency: input.agency ?? null,
    status: input.status ?? null,
    after: afterKey(decodeCursor(input.cursor), sort, PROJECT_SORTS[sort.key].length),
    sort,
    limit: limit + 1,
  });
  const result = page(rows, limit, (r) => [sort.token, ...r.sort_key]);
  const ids = result.items.map((r) => r.id);
  const [milestones, progress] = await Promise.all([
    listMilestones(ctx.db, ids),
    listProjectProgress(ctx.db, ids, scope === 'published'),
  ]);
  return {
    items: result.items.map((r) =>
      presentProject(
        r,
        milestones.filter((m) => m.project_id === r.id),
        progress.filter((p) => p.project_id === r.id),
      ),
    ),
    nextCursor: result.nextCursor,
  };
}
