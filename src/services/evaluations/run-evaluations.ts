// Evaluates a plan's targets on chosen data: loads targets and the chosen version of each observation, calls the
// pure engine, and presents each row. Shared by the plan evaluation, the recomputation after a new vintage, and
// the "as published on" reproduction, so the three can never disagree.
import { evaluate, evaluateComposite, type Evaluation } from '../../core/evaluation/index.ts';
import { isChitieuError } from '../../core/errors.ts';
import {
  DEFAULT_REPORTING_RULES,
  withReportingOverrides,
  type ReportingRules,
} from '../../core/legal/reporting-rules.ts';
import { VI_OFFICIAL, VOCABULARIES, type Vocabulary } from '../../core/wording/index.ts';
import type { ObservationInput, PriceBasis, TargetSpec } from '../../core/targets/target.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  loadActiveOverrides,
  loadChosenVersions,
  loadCompositeIndicators,
  loadPlanIndicatorOrder,
  loadPlanTargets,
  type TargetInputRow,
  type VersionInputRow,
} from '../../storage/repositories/evaluation-inputs-repo.ts';
import { loadChildUnits, type ChildUnitRow } from '../../storage/repositories/unit-counts-repo.ts';
import { judgeTarget, type ReportedObservation } from '../../core/reporting/compare-with-reported.ts';
import {
  presentEvaluation,
  presentFailure,
  presentInterval,
  type EvaluationRow,
  type Presentation,
} from './present-evaluation.ts';
import { shareObservation, unitShares } from './units-meeting.ts';

export interface PlanRef {
  id: string;
  tenant_id: string;
  settings: Record<string, unknown>;
  tenant_settings?: Record<string, unknown>;
}

/** The tenant's reporting regime: NĐ 09/2019's by default, with the tenant's own parameters where it set them. */
export function reportingRulesOf(plan: PlanRef): ReportingRules {
  const overrides = plan.tenant_settings?.reportingRules;
  return overrides && typeof overrides === 'object'
    ? withReportingOverrides(DEFAULT_REPORTING_RULES, overrides as Partial<ReportingRules>)
    : DEFAULT_REPORTING_RULES;
}

/** The words a plan prints: its configured vocabulary (e.g. estimates as "Đạt (ước)"), else the official default. */
export function vocabularyOf(plan: PlanRef): Vocabulary {
  const id = (plan.settings.display as { vocabulary?: string } | undefined)?.vocabulary;
  return VOCABULARIES.find((v) => v.id === id && v.locale === 'vi') ?? VI_OFFICIAL;
}

export interface RunOptions {
  /** Only approved versions (default), or every version including drafts and submissions. */
  dataBasis: 'approved' | 'all';
  /** Reproduce the evaluation as published on this date (YYYY-MM-DD); null = the latest figures. */
  publishedOn: string | null;
  asOf: { year: number; month: number };
  indicatorIds?: string[] | null;
}

export interface RunResult {
  rows: EvaluationRow[];
  exceededAs: 'exceeded' | 'met';
}

/**
 * Rows for composite indicators (rule all_children_met, no target of their own), deepest first so a composite of
 * composites sees its children's results. A child counts by its first target (the plan's own term).
 */
async function compositeRows(
  db: Queryable,
  plan: PlanRef,
  targets: TargetInputRow[],
  evaluated: { row: EvaluationRow; evaluation: Evaluation | null }[],
  presentation: Presentation,
): Promise<EvaluationRow[]> {
  const parents = await loadCompositeIndicators(db, plan.tenant_id, plan.id);
  const byCode = new Map<string, { evaluation: Evaluation; target: TargetInputRow }>();
  targets.forEach((t, i) => {
    const e = evaluated[i]?.evaluation;
    if (e && !byCode.has(t.indicator_code)) byCode.set(t.indicator_code, { evaluation: e, target: t });
  });
  const out: EvaluationRow[] = [];
  const depth = (code: string): number => code.split('.').length;
  for (const p of [...parents].sort((a, b) => depth(b.indicator_code) - depth(a.indicator_code))) {
    if (byCode.has(p.indicator_code)) continue;
    const children = [...byCode.entries()]
      .filter(([, v]) => v.target.parent_code === p.indicator_code)
      .map(([, v]) => v);
    if (children.length === 0) continue;
    const first = children[0] as { target: TargetInputRow };
    const e = evaluateComposite(
      'all_children_met',
      children.map((c) => c.evaluation),
    );
    const synthetic: TargetInputRow = {
      ...first.target,
      target_id: `composite:${p.indicator_id}`,
      indicator_id: p.indicator_id,
      kind: 'composite',
      text: 'Tất cả chỉ tiêu thành phần đạt / every sub-indicator met',
      sort_order: 0,
      target_provenance: null,
      indicator_code: p.indicator_code,
      indicator_name: p.indicator_name,
      unit_of_measure: '',
      price_basis: 'none',
      parent_code: p.parent_code,
      composite_rule: 'all_children_met',
      indicator_provenance: p.indicator_provenance,
    };
    byCode.set(p.indicator_code, { evaluation: e, target: synthetic });
    out.push({ ...presentEvaluation(synthetic, [], e, presentation), composite: true });
  }
  return out;
}

/** A figure as the source gave it: a value, or only a bound ("< 3,5") or a range ("87-88"). */
function toReported(v: VersionInputRow): ReportedObservation {
  const q = v.value_qualifier ?? {};
  return {
    period: v.period,
    value: v.value,
    status: v.status,
    measure: v.measure as ObservationInput['measure'],
    priceBasis: v.price_basis as PriceBasis,
    vintageId: v.version_id,
    ...aggregateOf(v),
    ...(q.bound ? { bound: q.bound as ReportedObservation['bound'] } : {}),
    ...(q.range ? { range: q.range as ReportedObservation['range'] } : {}),
  };
}

/** Whether a figure for a span is a yearly average or the span's total, as its source says. */
function aggregateOf(v: VersionInputRow): Pick<ObservationInput, 'aggregate'> {
  const a = v.value_qualifier?.aggregate;
  return a === 'yearly_average' || a === 'term_total' ? { aggregate: a } : {};
}

function toInput(v: VersionInputRow): ObservationInput | null {
  if (v.value === null) return null;
  return {
    period: v.period,
    value: v.value,
    status: v.status,
    measure: v.measure as ObservationInput['measure'],
    priceBasis: v.price_basis as PriceBasis,
    vintageId: v.version_id,
    ...(v.published_on ? { publishedOn: v.published_on } : {}),
    ...aggregateOf(v),
  };
}

export function exceededAsOf(plan: PlanRef): 'exceeded' | 'met' {
  const display = plan.settings.display as { exceededAs?: string } | undefined;
  return display?.exceededAs === 'met' ? 'met' : 'exceeded';
}

export async function runEvaluations(db: Queryable, plan: PlanRef, opts: RunOptions): Promise<RunResult> {
  const targets = await loadPlanTargets(db, plan.tenant_id, plan.id, opts.indicatorIds ?? null);
  const indicatorIds = [...new Set(targets.map((t) => t.indicator_id))];
  const versions = await loadChosenVersions(db, plan.tenant_id, indicatorIds, {
    approvedOnly: opts.dataBasis === 'approved',
    publishedOn: opts.publishedOn,
  });
  const byIndicatorUnit = new Map<string, VersionInputRow[]>();
  for (const v of versions) {
    const key = `${v.indicator_id}/${v.unit_id}`;
    const list = byIndicatorUnit.get(key) ?? [];
    list.push(v);
    byIndicatorUnit.set(key, list);
  }
  const overrides = await loadActiveOverrides(
    db,
    plan.tenant_id,
    targets.map((t) => t.target_id),
  );
  const exceededAs = exceededAsOf(plan);
  const presentation = { exceededAs, rules: reportingRulesOf(plan), vocabulary: vocabularyOf(plan) };
  const progressMethod = typeof plan.settings.progressMethod === 'string' ? plan.settings.progressMethod : undefined;
  const childUnits = new Map<string, ChildUnitRow[]>();
  for (const t of targets) {
    if (t.kind === 'units_meeting_standard' && !childUnits.has(t.unit_id))
      childUnits.set(t.unit_id, await loadChildUnits(db, plan.tenant_id, t.unit_id));
  }
  const evaluated = targets.map((t): { row: EvaluationRow; evaluation: Evaluation | null } => {
    const inputs = byIndicatorUnit.get(`${t.indicator_id}/${t.unit_id}`) ?? [];
    const observations = inputs.map(toInput).filter((o): o is ObservationInput => o !== null);
    const children = childUnits.get(t.unit_id) ?? [];
    const childIds = new Set(children.map((c) => c.id));
    const perUnit = versions.filter((v) => v.indicator_id === t.indicator_id && childIds.has(v.unit_id));
    const shares = t.kind === 'units_meeting_standard' ? unitShares(children, perUnit) : [];
    // A share computed from the units' own figures replaces a typed-in one for the same year.
    const computedYears = new Set(shares.map((x) => x.period));
    const used = [...observations.filter((o) => !computedYears.has(o.period)), ...shares.map(shareObservation)];
    const spec = t.spec as Partial<TargetSpec> | null;
    if (!spec || typeof spec !== 'object' || !spec.term || typeof spec.kind !== 'string') {
      // A stored target that is not a target (written by hand, or by an older format) is reported, not crashed on.
      return {
        row: presentFailure(t, inputs, 'invalid_target', {
          vi: 'Mục tiêu lưu trữ thiếu loại hoặc giai đoạn',
          en: 'The stored target lacks its kind or term',
        }),
        evaluation: null,
      };
    }
    try {
      const override = overrides.get(t.target_id);
      const options = { ...(progressMethod ? { progressMethod } : {}), ...(override ? { override } : {}) };
      const open = inputs.filter((v) => v.value === null && (v.value_qualifier?.bound || v.value_qualifier?.range));
      if (open.length > 0 && shares.length === 0) {
        const judgement = judgeTarget(t.spec as TargetSpec, inputs.map(toReported), opts.asOf, options);
        return {
          row: presentInterval(t, inputs, judgement, presentation),
          evaluation: judgement.status === null ? null : judgement.evaluation,
        };
      }
      const e = evaluate(t.spec as TargetSpec, used, opts.asOf, options);
      return {
        row: {
          ...presentEvaluation(t, inputs, e, presentation),
          unitCounts: shares.map(({ period, date, count, of, share }) => ({ period, date, count, of, share })),
        },
        evaluation: e,
      };
    } catch (err) {
      // One invalid target (or a figure the engine refuses) must not hide the others: the row says why instead.
      if (isChitieuError(err)) return { row: presentFailure(t, inputs, err.code, err.messages), evaluation: null };
      throw err;
    }
  });
  const rows = evaluated.map((x) => x.row);
  if (opts.indicatorIds) return { rows, exceededAs };
  // A whole plan also shows its composite rows: a parent with no target of its own, judged from its children.
  const composites = await compositeRows(db, plan, targets, evaluated, presentation);
  const order = new Map((await loadPlanIndicatorOrder(db, plan.tenant_id, plan.id)).map((r, i) => [r, i]));
  const all = [...rows, ...composites];
  const position = (r: EvaluationRow): number => order.get(r.indicator.code) ?? Number.MAX_SAFE_INTEGER;
  return {
    rows: all
      .map((r, i) => ({ r, i }))
      .sort((a, b) => position(a.r) - position(b.r) || a.i - b.i)
      .map((x) => x.r),
    exceededAs,
  };
}
