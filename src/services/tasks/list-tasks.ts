// Lists the task outline (1, 1.1, 1.1.1 …) of plans an actor may see; parentId gives the tree.
import { listTasks as listRows, type TaskRow } from '../../storage/repositories/reference-repo.ts';
import type { ServiceContext } from '../context.ts';
import { authorize } from '../policy.ts';
import { decodeCursor, page } from '../reference/paging.ts';

export interface ListInput {
  tenant?: string;
  plan?: string;
  agency?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

export function presentTask(r: TaskRow) {
  return { id: r.id, tenant: r.tenant_code, plan: r.plan_code, parentId: r.parent_id, code: r.code, title: r.title, agency: r.agency_code, deadline: r.deadline, status: r.status, version: r.version };
}

export type TaskView = ReturnType<typeof presentTask>;

export async function listTasks({ ctx, input }: { ctx: ServiceContext; input: ListInput }): Promise<{ items: TaskView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'task.read');
  const limit = input.limit ?? 50;
  const rows = await listRows(ctx.db, {
    tenantId: ctx.actor.tenantId,
    tenantCode: input.tenant ?? null,
    plan: input.plan ?? null,
    agency: input.agency ?? null,
    status: input.status ?? null,
    after: decodeCursor(input.cursor),
    limit: limit + 1,
  });
  const result = page(rows, limit, (r) => [r.plan_code, r.code, r.id]);
  return { items: result.items.map(presentTask), nextCursor: result.nextCursor };
}
