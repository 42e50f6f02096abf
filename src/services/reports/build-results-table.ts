// The results table ("Phụ lục 1") of a plan at a date: the plan's evaluation (the same service the screens and the
// API read, with the same rules on who sees unapproved figures), its indicators' groups and its targets' horizons,
// shaped into one report model for the file writers.
import type { ServiceContext } from '../context.ts';
import { evaluatePlan, type EvaluatePlanInput } from '../evaluations/evaluate-plan.ts';
import { listIndicators } from '../reference/list-indicators.ts';
import { listTargets } from '../reference/list-targets.ts';
import { buildResultsTable as buildModel, type ResultsTableModel } from './results-table-model.ts';

/** Walks every page of a listing service. */
async function all<T>(list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

export async function buildResultsTable({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EvaluatePlanInput;
}): Promise<ResultsTableModel> {
  const view = await evaluatePlan({ ctx, input });
  const plan = input.planCode;
  const [indicators, targets] = await Promise.all([
    all((cursor) => listIndicators({ ctx, input: { plan, limit: 200, ...(cursor ? { cursor } : {}) } })),
    all((cursor) => listTargets({ ctx, input: { plan, limit: 200, ...(cursor ? { cursor } : {}) } })),
  ]);
  return buildModel(view, {
    groups: new Map(indicators.map((i) => [i.code, i.group])),
    targetLastYear: new Map(targets.map((t) => [t.id, t.lastYear])),
  });
}
