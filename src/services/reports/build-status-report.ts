// The plan status report of a plan at a date: its evaluation, the owners of its indicators and the verdicts that
// later figures changed, each read through its own service, shaped into one report model.
import type { ServiceContext } from '../context.ts';
import { evaluatePlan, type EvaluatePlanInput } from '../evaluations/evaluate-plan.ts';
import { listEvaluationChanges } from '../evaluations/list-evaluation-changes.ts';
import { listAgencies } from '../reference/list-agencies.ts';
import { listIndicators } from '../reference/list-indicators.ts';
import { buildStatusReport as buildModel, type StatusReportModel } from './status-report-model.ts';

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
  return buildModel(view, changes, indicatorAgency);
}
