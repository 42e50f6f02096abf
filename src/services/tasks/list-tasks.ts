// Lists the task outline (1, 1.1, 1.1.1 …) of plans an actor may see; parentId gives the tree.
import { TASK_SORTS, listTasks as listRows, type TaskRow } from '../../storage/repositories/reference-repo.ts';
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

export function presentTask(r: TaskRow) {
  return {
    id: r.id,
    tenant: r.tenant_code,
    plan: r.plan_code,
    parentId: r.parent_id,
    code: r.code,
    title: r.title,
    agency: r.agency_code,
    deadline: r.deadline,
    status: r.status,
    version: r.version,
  };
}

export type TaskView = ReturnType<typeof presentTask>;

export async function listTasks({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListInput;
}): Promise<{ items: TaskView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'task.read');
  const limit = input.limit ?? 50;
  const sort = parseSort(input.sort, Object.keys(TASK_SORTS) as (keyof typeof TASK_SORTS)[], 'code');
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    plan: input.plan ?? null,
    agency: input.agency ?? null,
    status: input.status ?? null,
    after: afterKey(decodeCursor(input.cursor), sort, TASK_SORTS[sort.key].length),
    sort,
    limit: limit + 1,
  });
  const result = page(rows, limit, (r) => [sort.token, ...r.sort_key]);
  return { items: result.items.map(presentTask), nextCursor: result.nextCursor };
}
