// The discrepancy annex of a reviewed term: every target whose verdict printed in the source document ("So với mục
// tiêu") differs from the one computed from the same figures, with the computed explanation as the reason. The rows
// are the evaluation service's; the comparison is the core's (compareJudgement), on the words the plan prints.
import { compareJudgement, type Comparison, type Judgement } from '../../core/reporting/compare-with-reported.ts';
import type { ServiceContext } from '../context.ts';
import { evaluatePlan, type EvaluatePlanInput } from '../evaluations/evaluate-plan.ts';
import type { EvaluationRow } from '../evaluations/present-evaluation.ts';
import { listTargets } from '../reference/list-targets.ts';

export interface Discrepancy {
  indicator: { code: string; name: string; unit: string };
  target: string;
  actual: string | null;
  computed: { status: string | null; word: string | null; phase: string | null };
  reported: { text: string; word: string | null; line: number | null };
  reason: { vi: string; en: string };
}

export interface DiscrepancyAnnex {
  plan: { code: string; name: string };
  asOf: string;
  compared: number;
  rows: Discrepancy[];
}

/** The judgement the comparison needs, read back from an evaluated row. */
function judgementOf(r: EvaluationRow): Judgement {
  const basis = r.composite
    ? 'composite'
    : r.error?.code === 'interval_undecided'
      ? 'straddles'
      : r.actual.method === 'published_interval'
        ? 'interval'
        : r.actual.value === null
          ? 'no_figure'
          : 'value';
  return { basis, status: r.status, phase: r.phase, actual: r.actual.text, evaluation: null };
}

export async function listDiscrepancies({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EvaluatePlanInput;
}): Promise<DiscrepancyAnnex> {
  const view = await evaluatePlan({ ctx, input });
  // The source's verdict judges the term under review: a later horizon of the same indicator (2030) is not compared.
  const horizons = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await listTargets({ ctx, input: { plan: input.planCode, limit: 200, ...(cursor ? { cursor } : {}) } });
    for (const t of page.items) horizons.set(t.id, t.lastYear);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const inTerm = view.rows.filter(
    (r) => r.reported !== null && (horizons.get(r.targetId) ?? view.plan.term.lastYear) <= view.plan.term.lastYear,
  );
  const compared: { row: EvaluationRow; comparison: Comparison }[] = inTerm.map((row) => ({
    row,
    comparison: compareJudgement(
      judgementOf(row),
      row.reported && { text: row.reported.text, status: row.reported.status as 'exceeded' | 'met' | 'not_met' },
      view.plan.exceededAs,
    ),
  }));
  return {
    plan: { code: view.plan.code, name: view.plan.name },
    asOf: view.asOf,
    compared: compared.filter((c) => c.comparison.reason === 'compared').length,
    rows: compared
      .filter((c) => c.comparison.agreement === 'disagrees')
      .map(({ row, comparison }) => ({
        indicator: { code: row.indicator.code, name: row.indicator.name, unit: row.indicator.unit },
        target: row.target.text,
        actual: row.actual.text,
        computed: { status: row.status, word: row.displayStatus?.vi ?? null, phase: row.phase },
        reported: {
          text: row.reported?.text ?? '',
          word: comparison.reported?.word ?? null,
          line: row.reported?.line ?? null,
        },
        reason: row.explanation,
      })),
  };
}
