// One indicator's part of its plan's evaluation (the indicator page), or one target's (the explanation page): the
// plan's stored answer, presented by the same presenter, cut to the rows asked for. Nothing is evaluated here: the
// rows are the plan answer's own row objects in its order, so the part and the whole cannot disagree
// (test/api/indicator-evaluation.test.ts).
import { NotFound } from '../../core/errors.ts';
import { planHasIndicator } from '../../storage/repositories/plan-evaluations-repo.ts';
import type { ServiceContext } from '../context.ts';
import { readPlanEvaluation, type EvaluatePlanInput, type PlanEvaluationView } from './evaluate-plan.ts';
import type { EvaluationRow } from './present-evaluation.ts';

/** The plan answer's header that a page of one indicator or one target reads, and the rows asked for. */
export type EvaluationPartView = Pick<
  PlanEvaluationView,
  'plan' | 'asOf' | 'dataBasis' | 'publishedOn' | 'computedAt' | 'rows'
>;

export interface ReadIndicatorEvaluationInput extends EvaluatePlanInput {
  indicatorCode: string;
}

export interface ReadTargetEvaluationInput extends EvaluatePlanInput {
  targetId: string;
}

/**
 * Public plan views by the plan answer's tag (equal tags, equal views), a few kept. After a write every indicator's
 * kept answer of the plan is rebuilt at its next read: they then share one presentation of the whole plan instead
 * of one each (at national scale a few hundred indicators a plan).
 */
const publicViews = new Map<string, Promise<PlanEvaluationView>>();
const PUBLIC_VIEWS_KEPT = 8;

async function planView(ctx: ServiceContext, input: EvaluatePlanInput): Promise<PlanEvaluationView> {
  const answer = await readPlanEvaluation({ ctx, input });
  // Signed-in views name the commune owners to the tenant's members: presented for each reader.
  if (answer.tag === null || ctx.actor.kind !== 'public') return answer.view();
  const tag = answer.tag;
  const known = publicViews.get(tag);
  if (known !== undefined) return known;
  if (publicViews.size >= PUBLIC_VIEWS_KEPT) {
    const oldest = publicViews.keys().next().value;
    if (oldest !== undefined) publicViews.delete(oldest);
  }
  const view = answer.view();
  publicViews.set(tag, view);
  view.catch(() => publicViews.delete(tag));
  return view;
}

function partOf(v: PlanEvaluationView, keep: (r: EvaluationRow) => boolean): EvaluationPartView {
  return {
    plan: v.plan,
    asOf: v.asOf,
    dataBasis: v.dataBasis,
    publishedOn: v.publishedOn,
    computedAt: v.computedAt,
    rows: v.rows.filter(keep),
  };
}

/** The rows of an indicator's targets and of its sub-indicators' (parent = it), as the plan answer has them. */
export async function readIndicatorEvaluation({
  ctx,
  input: { indicatorCode, ...plan },
}: {
  ctx: ServiceContext;
  input: ReadIndicatorEvaluationInput;
}): Promise<EvaluationPartView> {
  const part = partOf(
    await planView(ctx, plan),
    (r) => r.indicator.code === indicatorCode || r.indicator.parent === indicatorCode,
  );
  const tenantId = ctx.actor.kind === 'public' ? null : ctx.actor.tenantId;
  if (part.rows.length === 0 && !(await planHasIndicator(ctx.db, tenantId, plan.planCode, indicatorCode)))
    throw new NotFound({ vi: `chỉ tiêu "${indicatorCode}"`, en: `Indicator "${indicatorCode}"` });
  return part;
}

/** One target's row, as the plan answer has it. */
export async function readTargetEvaluation({
  ctx,
  input: { targetId, ...plan },
}: {
  ctx: ServiceContext;
  input: ReadTargetEvaluationInput;
}): Promise<EvaluationPartView> {
  const part = partOf(await planView(ctx, plan), (r) => r.targetId === targetId);
  if (part.rows.length === 0)
    throw new NotFound({ vi: `đánh giá của mục tiêu "${targetId}"`, en: `Evaluation of target "${targetId}"` });
  return part;
}
