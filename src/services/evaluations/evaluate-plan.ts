// Evaluates every target of a plan on the data the caller chooses: approved (default) or all, latest figures or as
// published on a date, at an evaluation date (default today). Read-only: nothing is stored.
import { NotFound, ValidationError } from '../../core/errors.ts';
import { summarize } from '../../core/wording/index.ts';
import { findPlanByCode } from '../../storage/repositories/plans-repo.ts';
import { hasRole, type Role, type ServiceContext } from '../context.ts';
import type { EvaluationRow } from './present-evaluation.ts';
import { runEvaluations } from './run-evaluations.ts';

export interface EvaluatePlanInput {
  planCode: string;
  asOf?: string;
  dataBasis?: 'approved' | 'all';
  publishedOn?: string;
}

export interface PlanEvaluationView {
  plan: { code: string; name: string; term: { firstYear: number; lastYear: number }; exceededAs: 'exceeded' | 'met' };
  asOf: string;
  dataBasis: 'approved' | 'all';
  publishedOn: string | null;
  summary: { vi: string; en: string };
  rows: EvaluationRow[];
}

/** Roles that may see evaluations that include unapproved figures (drafts and submissions). */
const DRAFT_READERS: readonly Role[] = ['admin', 'plan_owner', 'approver', 'agency_editor', 'inspector'];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !ISO_DATE.test(value)) {
    throw new ValidationError(
      { vi: `${field} phải có dạng YYYY-MM-DD, nhận "${value}"`, en: `${field} must be YYYY-MM-DD, got "${value}"` },
      [{ path: field, reason: { vi: 'ngày không hợp lệ', en: 'invalid date' } }],
    );
  }
}

export async function evaluatePlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EvaluatePlanInput;
}): Promise<PlanEvaluationView> {
  checkDate(input.asOf, 'asOf');
  checkDate(input.publishedOn, 'publishedOn');
  // The public and readers without a role see evaluations on approved figures only.
  const dataBasis = input.dataBasis ?? 'approved';
  if (dataBasis === 'all' && ctx.actor.kind === 'public') {
    throw new ValidationError(
      { vi: 'Công chúng chỉ xem được số liệu đã phê duyệt', en: 'The public sees approved figures only' },
      [{ path: 'dataBasis', reason: { vi: 'không được phép', en: 'not allowed' } }],
    );
  }
  if (dataBasis === 'all' && ctx.actor.kind === 'user' && !DRAFT_READERS.some((r) => hasRole(ctx.actor, r))) {
    throw new ValidationError(
      { vi: 'Bạn chỉ xem được số liệu đã phê duyệt', en: 'You may see approved figures only' },
      [{ path: 'dataBasis', reason: { vi: 'không được phép', en: 'not allowed' } }],
    );
  }
  const plan = await findPlanByCode(ctx.db, ctx.actor.tenantId, input.planCode);
  if (!plan) throw new NotFound({ vi: `nghị quyết "${input.planCode}"`, en: `Plan "${input.planCode}"` });
  const asOf = input.asOf ?? ctx.now().toISOString().slice(0, 10);
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  const { rows, exceededAs } = await runEvaluations(ctx.db, plan, {
    dataBasis,
    publishedOn: input.publishedOn ?? null,
    asOf: { year, month },
  });
  const judged = (phase: 'final' | 'in_term') =>
    rows.flatMap((r) =>
      r.status !== null && r.phase === phase ? [{ status: r.status, restsOnEstimate: r.actual.estimate }] : [],
    );
  const finals = judged('final');
  const inTerm = judged('in_term');
  const line = (locale: 'vi' | 'en'): string =>
    [
      finals.length > 0 ? summarize(finals, { exceededAs, locale, kind: 'final' }).line : null,
      inTerm.length > 0 ? summarize(inTerm, { exceededAs, locale, kind: 'in_term' }).line : null,
    ]
      .filter((x): x is string => x !== null)
      .join('; ');
  return {
    plan: {
      code: plan.code,
      name: plan.name,
      term: { firstYear: plan.first_year, lastYear: plan.last_year },
      exceededAs,
    },
    asOf,
    dataBasis,
    publishedOn: input.publishedOn ?? null,
    summary: { vi: line('vi'), en: line('en') },
    rows,
  };
}
