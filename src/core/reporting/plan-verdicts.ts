// A closed plan's results table re-judged by the engine: for every indicator the source gives a verdict for, the
// engine's status beside the source's word, and the summary lines ("đạt và vượt 11/18 chỉ tiêu") computed both ways.
// Pure: takes a parsed plan (data/FORMAT.md, chitieu-plan/1), reads nothing.
import type { AsOf, EvaluateOptions } from '../evaluation/index.ts';
import type { TargetSpec } from '../targets/target.ts';
import { summarize, type PrintedStatus, type Summary, type SummaryItem } from '../wording/index.ts';
import {
  compareJudgement,
  judgeComposite,
  judgeTarget,
  type Comparison,
  type ExceededAs,
  type Judgement,
  type ReportedObservation,
  type ReportedVerdict,
} from './compare-with-reported.ts';

export interface PlanNote {
  kind: string;
  text: string;
  lines: number[];
}

export interface PlanIndicator {
  code: string;
  parent: string | null;
  name: string;
  unit?: string | null;
  targets: { text: string; line: number; spec: TargetSpec }[];
  observations?: (ReportedObservation & { text?: string; line?: number })[];
  reportedVerdict?: ReportedVerdict | null;
  notes?: PlanNote[];
}

export interface PlanLike {
  plan: { id: string; term: { firstYear: number; lastYear: number }; display: { exceededAs: ExceededAs } };
  indicators: PlanIndicator[];
}

export interface VerdictRow {
  plan: string;
  code: string;
  name: string;
  /** The targets judged, as written ("14,5%/năm"; for a parent judged from its rows "17.1: 100; 17.3: > 50"). */
  targetText: string;
  reported: ReportedVerdict | null;
  judgement: Judgement;
  comparison: Comparison;
  /** data_quality notes of the indicator, and of the rows under it when it is judged from them. */
  dataQuality: PlanNote[];
}

/** The end of a plan's last year: the date at which its results are final. */
export const endOfTerm = (plan: PlanLike): AsOf => ({ year: plan.plan.term.lastYear, month: 12 });

function childrenOf(plan: PlanLike, code: string): PlanIndicator[] {
  return plan.indicators.filter((i) => i.parent === code);
}

/** The targets of the closing term (a later horizon, e.g. Hải Dương's 2030 column, is not what the verdict judges). */
function termTargets(plan: PlanLike, i: PlanIndicator): PlanIndicator['targets'] {
  return i.targets.filter((t) => t.spec.term.lastYear === plan.plan.term.lastYear);
}

/** The indicator's own term targets; without any, its rows (all met), recursively. */
export function judgeIndicator(
  plan: PlanLike,
  i: PlanIndicator,
  asOf: AsOf = endOfTerm(plan),
  options: EvaluateOptions = {},
): Judgement {
  const own = termTargets(plan, i);
  const observations = i.observations ?? [];
  if (own.length === 1)
    return judgeTarget((own[0] as PlanIndicator['targets'][number]).spec, observations, asOf, options);
  if (own.length > 1) {
    return judgeComposite(
      own.map((t, k) => ({ code: `${i.code}#${k + 1}`, judgement: judgeTarget(t.spec, observations, asOf, options) })),
    );
  }
  return judgeComposite(
    childrenOf(plan, i.code).map((c) => ({ code: c.code, judgement: judgeIndicator(plan, c, asOf, options) })),
  );
}

function targetTextOf(plan: PlanLike, i: PlanIndicator): string {
  const own = termTargets(plan, i);
  if (own.length > 0) return own.map((t) => t.text).join('; ');
  return childrenOf(plan, i.code)
    .map((c) => `${c.code}: ${targetTextOf(plan, c) || '—'}`)
    .join('; ');
}

function dataQualityOf(plan: PlanLike, i: PlanIndicator): PlanNote[] {
  const own = (i.notes ?? []).filter((n) => n.kind === 'data_quality');
  if (termTargets(plan, i).length > 0) return own;
  return [...own, ...childrenOf(plan, i.code).flatMap((c) => dataQualityOf(plan, c))];
}

/**
 * One row per indicator that carries a reported verdict, plus every row the document's summary counts (`counted`)
 * that has no verdict of its own nor under it (its rows' verdicts are compared row by row), in the plan's order.
 */
export function planVerdictRows(
  plan: PlanLike,
  opts: { counted?: (i: PlanIndicator) => boolean; asOf?: AsOf; options?: EvaluateOptions } = {},
): VerdictRow[] {
  const asOf = opts.asOf ?? endOfTerm(plan);
  const exceededAs = plan.plan.display.exceededAs;
  return plan.indicators
    .filter(
      (i) =>
        (i.reportedVerdict !== null && i.reportedVerdict !== undefined) ||
        (opts.counted?.(i) === true && reportedOf(plan, i) === 'no_data'),
    )
    .map((i) => {
      const judgement = judgeIndicator(plan, i, asOf, opts.options);
      return {
        plan: plan.plan.id,
        code: i.code,
        name: i.name,
        targetText: targetTextOf(plan, i),
        reported: i.reportedVerdict ?? null,
        judgement,
        comparison: compareJudgement(judgement, i.reportedVerdict, exceededAs),
        dataQuality: dataQualityOf(plan, i),
      };
    });
}

/** A row's reported status for a summary: its own verdict, else its rows' verdicts combined (all met), else none. */
function reportedOf(plan: PlanLike, i: PlanIndicator): PrintedStatus {
  if (i.reportedVerdict) return i.reportedVerdict.status;
  const kids = childrenOf(plan, i.code).filter((c) => c.reportedVerdict);
  if (kids.length === 0) return 'no_data';
  const s = kids.map((c) => reportedOf(plan, c));
  if (s.includes('not_met')) return 'not_met';
  return s.every((x) => x === 'exceeded') ? 'exceeded' : 'met';
}

export interface SummaryPair {
  /** The rows counted (as the document counts them). */
  codes: string[];
  engine: Summary;
  /** Per row: the engine's final status, or no_data when the evaluation is not final or the interval straddles. */
  engineStatuses: Record<string, PrintedStatus>;
  reported: Summary;
  reportedStatuses: Record<string, PrintedStatus>;
}

/**
 * The summary line ("đạt và vượt N/M chỉ tiêu") from the engine's results and from the source's verdicts over the same
 * rows. A row whose evaluation is not final at the end of the term counts as no data: it has no final verdict.
 */
export function summarizePlan(
  plan: PlanLike,
  counted: (i: PlanIndicator) => boolean,
  asOf: AsOf = endOfTerm(plan),
): SummaryPair {
  const rows = plan.indicators.filter(counted);
  const exceededAs = plan.plan.display.exceededAs;
  const engineStatuses: Record<string, PrintedStatus> = {};
  const reportedStatuses: Record<string, PrintedStatus> = {};
  const engineItems: SummaryItem[] = [];
  const reportedItems: SummaryItem[] = [];
  for (const i of rows) {
    const j = judgeIndicator(plan, i, asOf);
    const status: PrintedStatus = j.status === null || j.phase !== 'final' ? 'no_data' : j.status;
    engineStatuses[i.code] = status;
    engineItems.push({ status, restsOnEstimate: j.evaluation?.actual.anyEstimate === true });
    const rep = reportedOf(plan, i);
    reportedStatuses[i.code] = rep;
    reportedItems.push(rep);
  }
  return {
    codes: rows.map((i) => i.code),
    engine: summarize(engineItems, { exceededAs }),
    engineStatuses,
    reported: summarize(reportedItems, { exceededAs }),
    reportedStatuses,
  };
}
