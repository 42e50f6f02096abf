// The plan status report of a plan at a date: its evaluation, the owners of its indicators, the stories of its targets,
// its tasks and projects, and the verdicts that later figures changed, each read through its own service, shaped into
// one report model.
import { NotFound } from '../../core/errors.ts';
import { TASK_STATUSES } from '../../core/progress-tracking/vocabulary.ts';
import { isOneOf } from '../../core/vocabulary.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { systemActor, type ServiceContext } from '../context.ts';
import { tenantFilter } from '../policy.ts';
import { listProjects } from '../projects/list-projects.ts';
import { listStories } from '../stories/list-stories.ts';
import { listTasks } from '../tasks/list-tasks.ts';
import { evaluatePlan, type EvaluatePlanInput } from '../evaluations/evaluate-plan.ts';
import { listEvaluationChanges } from '../evaluations/list-evaluation-changes.ts';
import { listAgencies } from '../reference/list-agencies.ts';
import { listIndicators } from '../reference/list-indicators.ts';
import {
  buildStatusReport as buildModel,
  type StatusReportExtras,
  type StatusReportModel,
} from './status-report-model.ts';

export async function buildStatusReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EvaluatePlanInput;
}): Promise<StatusReportModel> {
  const view = await evaluatePlan({ ctx, input });
  const changes = await listEvaluationChanges({ ctx, input: { planCode: input.planCode } });
  const agencyNames = new Map<string, string>();
  const indicatorAgency = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listAgencies({ ctx, input: { limit: 200, ...(cursor ? { cursor } : {}) } });
    for (const a of page.items) agencyNames.set(a.code, a.name);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  do {
    const page = await listIndicators({
      ctx,
      input: { plan: input.planCode, limit: 200, ...(cursor ? { cursor } : {}) },
    });
    for (const i of page.items) if (i.agency) indicatorAgency.set(i.code, agencyNames.get(i.agency) ?? i.agency);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return buildModel(view, changes, indicatorAgency, await readExtras(ctx, input.planCode, agencyNames));
}

/** Stories, tasks and projects of the plan. The operator's CLI acts for the plan's own tenant (stories are staff data). */
async function readExtras(
  ctx: ServiceContext,
  planCode: string,
  agencyNames: ReadonlyMap<string, string>,
): Promise<StatusReportExtras> {
  const plan = await findPlanByCode(ctx.db, tenantFilter(ctx.actor), planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${planCode}"`, en: `Plan "${planCode}"` });
  const staff =
    ctx.actor.kind === 'system' && ctx.actor.tenantId === null
      ? { ...ctx, actor: systemActor(ctx.actor.label, plan.tenant_id) }
      : ctx;
  const stories = new Map<string, { period: string; cause: string; measures: string; requests: string | null }>();
  for (const s of (await listStories({ ctx: staff, input: { planCode } })).items)
    if (s.current)
      stories.set(s.targetId, { period: s.period, cause: s.cause, measures: s.measures, requests: s.requests });
  const tasks: StatusReportExtras['tasks'] = [];
  let cursor: string | undefined;
  do {
    const page = await listTasks({ ctx: staff, input: { plan: planCode, limit: 200, ...(cursor ? { cursor } : {}) } });
    for (const t of page.items)
      tasks.push({
        code: t.code,
        title: t.title,
        agency: t.agency,
        status: isOneOf(TASK_STATUSES, t.status) ? t.status : 'not_started',
        deadline: t.deadline,
        finishedOn: t.finishedOn,
        progressPercent: t.latestReport?.progressPercent ?? null,
      });
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const projects: StatusReportExtras['projects'] = [];
  do {
    const page = await listProjects({
      ctx: staff,
      input: { plan: planCode, limit: 200, ...(cursor ? { cursor } : {}) },
    });
    for (const p of page.items)
      projects.push({
        code: p.code,
        title: p.title,
        agency: p.agency,
        status: p.status,
        periodEnd: p.period.end,
        milestones: p.milestones.map((m) => ({ title: m.title, status: m.status, dueDate: m.dueDate })),
      });
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { stories, tasks, projects, agencyNames };
}
