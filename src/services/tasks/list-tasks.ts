// Lists the task outline (1, 1.1, 1.1.1 …) of plans an actor may see; parentId gives the tree. Each task carries its
// latest progress report (the latest approved one for the public) and where it stands against its deadline today.
import { taskTimeliness } from '../../core/progress-tracking/task-timeliness.ts';
import { isOneOf } from '../../core/vocabulary.ts';
import { TASK_STATUSES } from '../../core/progress-tracking/vocabulary.ts';
import { listLatestTaskReports, type LatestTaskReportRow } from '../../storage/repositories/plan-progress-repo.ts';
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

export function presentTask(r: TaskRow, report: LatestTaskReportRow | undefined, today: string) {
  const status = isOneOf(TASK_STATUSES, r.status) ? r.status : 'not_started';
  const finishedOn = report?.finished_on ?? null;
  return {
    id: r.id,
    tenant: r.tenant_code,
    plan: r.plan_code,
    parentId: r.parent_id,
    code: r.code,
    title: r.title,
    agency: r.agency_code,
    deadline: r.deadline,
    status,
    timeliness: taskTimeliness({ status, deadline: r.deadline, finishedOn }, today),
    finishedOn,
    latestReport: report
      ? {
          period: report.period,
          progressPercent: report.progress_percent,
          narrative: report.narrative,
          workflowState: report.workflow_state,
          enteredAt: report.entered_at,
        }
      : null,
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
  const scope = authorize(ctx.actor, 'task.read');
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
  const reports = await listLatestTaskReports(
    ctx.db,
    result.items.map((r) => r.id),
    scope === 'published',
  );
  const byTask = new Map(reports.map((r) => [r.task_id, r]));
  const today = ctx.now().toISOString().slice(0, 10);
  return {
    items: result.items.map((r) => presentTask(r, byTask.get(r.id), today)),
    nextCursor: result.nextCursor,
  };
}
