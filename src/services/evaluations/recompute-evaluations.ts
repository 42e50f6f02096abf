// Recomputes a plan's stored evaluation inside the transaction of the write that changed its inputs (an approval,
// a vintage, an override, a target or unit edit, the dataset import): load the snapshot, evaluate it in the core,
// store the rows for reads, keep per-target history, and record every verdict or value that moved.
import { CORE_ROW_SCHEMA_VERSION, type CoreRow, type PlanSnapshot } from '../../core/plan-evaluation/index.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  insertEvaluationChanges,
  insertTargetEvaluations,
  latestTargetEvaluations,
  plansConsolidatingFrom,
  plansRestingOn,
  storePlanEvaluation,
  takeEvaluationTurns,
  type StoredTargetEvaluation,
} from '../../storage/repositories/plan-evaluations-repo.ts';
import { plansOfTenant } from '../../storage/repositories/targets-repo.ts';
import { writeAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { presentationOf, printedWord, type PresentablePlan } from './present-evaluation.ts';
import { loadEvaluationSnapshot } from './evaluation-snapshot.ts';
import { digestOfJson, evaluateOffThread } from './plan-evaluation-thread.ts';

export interface EvaluationChange {
  targetId: string;
  indicator: { code: string; name: string };
  target: string;
  before: { status: string | null; value: string | null; word: string | null; vintages: string[] } | null;
  after: { status: string | null; value: string | null; word: string | null; vintages: string[] };
}

export interface PlanRef extends PresentablePlan {
  id: string;
  tenant_id: string;
}

/** The month an evaluation is made in: the engine judges in-term targets by year and month. */
export function asOfMonth(date: Date): { year: number; month: number } {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

export function digestOf(asOf: string, rows: readonly CoreRow[]): string {
  return digestOfJson(asOf, JSON.stringify(rows));
}

const vintagesOf = (r: Pick<CoreRow, 'inputs'> | StoredTargetEvaluation['result']): string[] =>
  r.inputs.map((v) => `${v.period}: ${v.value ?? v.text ?? ''} (${v.status}${v.label ? `, ${v.label}` : ''})`);

/** Evaluates one plan on approved figures and stores it as the snapshot reads serve; returns its rows. */
export async function storeCurrentEvaluation(
  tx: Queryable,
  plan: PlanRef,
  now: Date,
): Promise<{ rows: CoreRow[]; snapshot: PlanSnapshot }> {
  // The plan's turn before its inputs are read: a write committed meanwhile is then either read here or recomputed
  // after this one, never overwritten by it (test/services/recompute-turns.test.ts).
  await takeEvaluationTurns(tx, [plan.id]);
  const snapshot = await loadEvaluationSnapshot(tx, plan, { approvedOnly: true, publishedOn: null });
  const asOf = now.toISOString().slice(0, 10);
  // Off the event loop (plan-evaluation-thread.ts): the server keeps answering while the plan is evaluated.
  const { rows, counts, rowsJson, digest } = await evaluateOffThread(snapshot, asOfMonth(now), asOf);
  await storePlanEvaluation(tx, {
    tenantId: plan.tenant_id,
    planId: plan.id,
    schemaVersion: CORE_ROW_SCHEMA_VERSION,
    asOf,
    rowsJson,
    counts,
    digest,
  });
  return { rows, snapshot };
}

/**
 * Recomputes and stores the plan's evaluation, then keeps history for the targets of `indicatorIds` (all targets
 * when null) and records each one whose verdict or value moved since its last stored evaluation.
 */
export async function recomputeEvaluations(
  tx: Queryable,
  ctx: ServiceContext,
  input: { plan: PlanRef; indicatorIds: string[] | null; causeVersionId: string | null },
): Promise<EvaluationChange[]> {
  const now = ctx.now();
  const { plan } = input;
  const { rows: all, snapshot } = await storeCurrentEvaluation(tx, plan, now);
  const indicatorIdOf = new Map(snapshot.targets.map((t) => [t.target_id, t.indicator_id]));
  const wanted = input.indicatorIds ? new Set(input.indicatorIds) : null;
  // History is kept per stored target; composite rows are recomputed from their children.
  const rows = all.filter((r) => {
    const indicatorId = indicatorIdOf.get(r.targetId);
    return r.composite !== true && indicatorId !== undefined && (wanted === null || wanted.has(indicatorId));
  });
  if (rows.length === 0) return [];
  const previous = await latestTargetEvaluations(
    tx,
    plan.tenant_id,
    rows.map((r) => r.targetId),
  );
  const prevByTarget = new Map(previous.map((p) => [p.target_id, p]));
  const presentation = presentationOf(plan);
  const asOf = now.toISOString().slice(0, 10);
  // Set-based: the history rows of every target in one statement, the changes in another.
  const newIds = await insertTargetEvaluations(tx, {
    tenantId: plan.tenant_id,
    rows,
    schemaVersion: CORE_ROW_SCHEMA_VERSION,
    asOf,
    computedBy: ctx.actor.userId,
  });
  const changes: EvaluationChange[] = [];
  const recorded: Parameters<typeof insertEvaluationChanges>[2][number][] = [];
  for (const row of rows) {
    const status = row.status ?? 'invalid';
    const prev = prevByTarget.get(row.targetId);
    const newId = newIds.get(row.targetId);
    if (!newId || !prev) continue;
    if (prev.status === status && prev.actual_value === row.actual.value) continue;
    recorded.push({
      targetId: row.targetId,
      beforeId: prev.id,
      afterId: newId,
      oldStatus: prev.status,
      newStatus: status,
      oldValue: prev.actual_value,
      newValue: row.actual.value,
      causeVersionId: input.causeVersionId,
    });
    changes.push({
      targetId: row.targetId,
      indicator: { code: row.indicator.code, name: row.indicator.name },
      target: row.target.text,
      before: {
        status: prev.status,
        value: prev.actual_value,
        word: printedWord(prev.status, prev.result.actual?.estimate === true, presentation),
        vintages: vintagesOf(prev.result),
      },
      after: {
        status: row.status,
        value: row.actual.value,
        word: printedWord(row.status, row.actual.estimate, presentation),
        vintages: vintagesOf(row),
      },
    });
  }
  await insertEvaluationChanges(tx, plan.tenant_id, recorded);
  if (changes.length > 0) {
    await writeAudit(tx, ctx, {
      tenantId: plan.tenant_id,
      action: 'recompute',
      entity: 'evaluation',
      entityId: null,
      after: changes,
      reason: 'inputs changed',
    });
  }
  return changes;
}

/**
 * After an approval or a vintage: every plan of the tenant resting on the figure's indicators is recomputed (`first`,
 * the figure's own plan, before the others), and every plan of a merged unit whose baseline is consolidated from
 * them (all its targets' history kept: the base period it reads may have moved). Their turns are taken together, in
 * one order, before any is read.
 */
export async function recomputePlansResting(
  tx: Queryable,
  ctx: ServiceContext,
  input: { tenantId: string; indicatorIds: string[]; causeVersionId: string | null; first?: PlanRef },
): Promise<EvaluationChange[]> {
  const resting = await plansRestingOn(tx, input.tenantId, input.indicatorIds);
  const consolidating = await plansConsolidatingFrom(tx, input.tenantId, input.indicatorIds);
  const work: { plan: PlanRef; indicatorIds: string[] | null }[] = [];
  const seen = new Set<string>();
  const add = (plan: PlanRef, indicatorIds: string[] | null): void => {
    if (seen.has(plan.id)) return;
    seen.add(plan.id);
    work.push({ plan, indicatorIds });
  };
  if (input.first) add(input.first, input.indicatorIds);
  for (const plan of resting) add(plan, input.indicatorIds);
  for (const plan of consolidating) add(plan, null);
  await takeEvaluationTurns(
    tx,
    work.map((w) => w.plan.id),
  );
  const changes: EvaluationChange[] = [];
  for (const w of work)
    changes.push(
      ...(await recomputeEvaluations(tx, ctx, {
        plan: w.plan,
        indicatorIds: w.indicatorIds,
        causeVersionId: input.causeVersionId,
      })),
    );
  return changes;
}

/**
 * After a change every plan of the tenant may read (a unit ended, a unit register imported): each plan recomputed,
 * their turns taken together, in one order, before any is read.
 */
export async function recomputeTenantPlans(tx: Queryable, ctx: ServiceContext, tenantId: string): Promise<void> {
  const plans = await plansOfTenant(tx, tenantId);
  await takeEvaluationTurns(
    tx,
    plans.map((p) => p.id),
  );
  for (const plan of plans) await recomputeEvaluations(tx, ctx, { plan, indicatorIds: null, causeVersionId: null });
}
