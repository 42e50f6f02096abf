// The engine's verdict set beside the verdict a source document printed for the same target ("So với mục tiêu"
// column of a results table): agrees, disagrees, or cannot be compared. Pure: the engine is called only to judge an
// achieved value the source gave as a bound ("< 3,5") or a range ("87-88") instead of a number.
import { Decimal } from '../decimal.ts';
import { evaluate, evaluateComposite } from '../evaluation/index.ts';
import type { AsOf, EvaluateOptions, Evaluation, EvaluationStatus, Phase } from '../evaluation/index.ts';
import type { ObservationInput, TargetSpec, ThresholdOp } from '../targets/target.ts';
import { MEASURES, type ExceededAs, type FinalStatus } from '../vocabulary.ts';
import { printedStatus, wordFor, type PrintedStatus } from '../wording/index.ts';

/** A source document prints a verdict only where it had data. */
export type ReportedStatus = Exclude<FinalStatus, 'no_data'>;
export type { ExceededAs };

/** The source's own verdict, its wording kept ("Vượt", "Không đạt", "đạt 108% so với chỉ tiêu"). */
export interface ReportedVerdict {
  text: string;
  status: ReportedStatus;
  line?: number;
  lineEnd?: number;
}

/** An observation as a dataset holds it: a value, or null with the bound or range the source gave instead. */
export interface ReportedObservation extends Omit<ObservationInput, 'value'> {
  value: string | null;
  bound?: { op: ThresholdOp; value: string };
  range?: { min: string; max: string };
}

export type Agreement = 'agrees' | 'disagrees' | 'not_comparable';

/** How the engine's side was reached. */
export type JudgementBasis = 'value' | 'interval' | 'composite' | 'straddles' | 'no_figure';

export interface Judgement {
  basis: JudgementBasis;
  /** Null when the interval straddles statuses or nothing was evaluated. */
  status: EvaluationStatus | null;
  phase: Phase | null;
  /** The figure judged as text: the actual value, the interval ("< 3.5", "87–88"), or the children's statuses. */
  actual: string | null;
  /** The evaluation behind the status (for an interval: the one at the first value tried). */
  evaluation: Evaluation | null;
  /** Values tried inside an interval and the status each gave. */
  tried?: { value: string; status: EvaluationStatus }[];
  children?: { code: string; judgement: Judgement }[];
}

export interface Side {
  status: EvaluationStatus | ReportedStatus | null;
  /** The status whose word is printed, after the plan's folding of exceeded into met. */
  printed: PrintedStatus | null;
  word: string | null;
}

export interface Comparison {
  agreement: Agreement;
  /** Why the rows were (not) compared. */
  reason: 'compared' | 'no_reported_verdict' | 'no_figure' | 'interval_straddles';
  engine: Side & { basis: JudgementBasis; phase: Phase | null; actual: string | null };
  reported: (Side & { text: string }) | null;
}

export interface CompareInput {
  target: TargetSpec;
  observations: readonly ReportedObservation[];
  reported: ReportedVerdict | null | undefined;
  exceededAs: ExceededAs;
  /** The engine's evaluation of the target on the observations that carry a value. */
  evaluation: Evaluation;
  /** The date and options the evaluation was made with: used to judge a value given only as a bound or range. */
  asOf: AsOf;
  options?: EvaluateOptions;
}

const ENGINE_FIELDS = [
  'period',
  'status',
  'measure',
  'priceBasis',
  'unit',
  'vintageId',
  'publishedOn',
  'date',
  'evidence',
  'aggregate',
] as const;

/** The engine's view of an observation: only the fields of ObservationInput (dataset extras such as text, line dropped). */
export function toEngineObservation(o: ReportedObservation, value: string): ObservationInput {
  const out: Record<string, unknown> = { value };
  for (const key of ENGINE_FIELDS) if (o[key] !== undefined) out[key] = o[key];
  return out as unknown as ObservationInput;
}

interface End {
  at: Decimal;
  closed: boolean;
}
interface Interval {
  lo: End | null;
  hi: End | null;
  text: string;
}

/** Measures that cannot go below zero (every one but a growth rate): a "< 3,5" share lies in [0, 3.5). */
const NON_NEGATIVE = new Set<string>(MEASURES.filter((m) => m !== 'growth_rate'));

function intervalOf(o: ReportedObservation): Interval {
  if (o.range !== undefined) {
    return {
      lo: { at: new Decimal(o.range.min), closed: true },
      hi: { at: new Decimal(o.range.max), closed: true },
      text: `${o.range.min}–${o.range.max}`,
    };
  }
  if (o.bound !== undefined) {
    const v = new Decimal(o.bound.value);
    const text = `${o.bound.op} ${o.bound.value}`;
    const floor =
      o.measure !== undefined && NON_NEGATIVE.has(o.measure) && v.gt(0) ? { at: new Decimal(0), closed: true } : null;
    switch (o.bound.op) {
      case '<':
        return { lo: floor, hi: { at: v, closed: false }, text };
      case '<=':
        return { lo: floor, hi: { at: v, closed: true }, text };
      case '>':
        return { lo: { at: v, closed: false }, hi: null, text };
      case '>=':
        return { lo: { at: v, closed: true }, hi: null, text };
    }
  }
  throw new Error(`observation ${o.period} has neither a value, a bound nor a range`);
}

/** Every figure a target is judged against: statuses can only change at these values. */
function breakpoints(target: TargetSpec): Decimal[] {
  const out: Decimal[] = [];
  const spec = target as unknown as Record<string, unknown>;
  for (const key of ['min', 'max', 'value', 'share', 'factor', 'baselineValue']) {
    const v = spec[key];
    if (typeof v === 'string') out.push(new Decimal(v));
  }
  for (const key of ['count', 'ofCount', 'maxRank']) {
    const v = spec[key];
    if (typeof v === 'number') out.push(new Decimal(v));
  }
  for (const m of target.milestones ?? []) {
    out.push(new Decimal(m.value));
    if (m.max !== undefined) out.push(new Decimal(m.max));
  }
  return out;
}

/**
 * Values that stand for every value of the interval: the status of a target is constant between its figures, so the
 * closed ends, each figure inside, the midpoints between consecutive ones, and a value beyond an open-ended side
 * cover every case.
 */
export function representativeValues(
  interval: { lo: End | null; hi: End | null },
  figures: readonly Decimal[],
): string[] {
  const inside = (d: Decimal): boolean =>
    (interval.lo === null || d.gt(interval.lo.at)) && (interval.hi === null || d.lt(interval.hi.at));
  const points: Decimal[] = [];
  if (interval.lo !== null) points.push(interval.lo.at);
  for (const f of figures) if (inside(f)) points.push(f);
  if (interval.hi !== null) points.push(interval.hi.at);
  const sorted = points.sort((a, b) => a.comparedTo(b)).filter((d, i, all) => i === 0 || !d.eq(all[i - 1] as Decimal));
  const values: Decimal[] = [];
  for (const [i, p] of sorted.entries()) {
    const isLo = interval.lo !== null && p.eq(interval.lo.at);
    const isHi = interval.hi !== null && p.eq(interval.hi.at);
    if ((!isLo && !isHi) || (isLo && interval.lo?.closed === true) || (isHi && interval.hi?.closed === true))
      values.push(p);
    const next = sorted[i + 1];
    if (next !== undefined) values.push(p.plus(next).div(2));
  }
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (interval.lo === null) values.push(first === undefined ? new Decimal(-1) : first.minus(1));
  if (interval.hi === null) values.push(last === undefined ? new Decimal(1) : last.plus(1));
  return [...new Set(values.map((d) => d.toFixed()))];
}

function cartesian<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

function fromEvaluation(evaluation: Evaluation, basis: JudgementBasis = 'value'): Judgement {
  return { basis, status: evaluation.status, phase: evaluation.phase, actual: evaluation.actual.value, evaluation };
}

/**
 * The engine's status for a target, judging a value given only as a bound or range by the values it may take: if
 * every value of the interval gives the same status, that status; otherwise the interval straddles and there is none.
 * `evaluation` (the engine on the observations with a value) is used as is when every observation has a value.
 */
export function judgeTarget(
  target: TargetSpec,
  observations: readonly ReportedObservation[],
  asOf: AsOf,
  options: EvaluateOptions = {},
  evaluation?: Evaluation,
): Judgement {
  const withValue = observations.filter((o): o is ReportedObservation & { value: string } => o.value !== null);
  const open = observations.filter((o) => o.value === null);
  if (open.length === 0) {
    const e =
      evaluation ??
      evaluate(
        target,
        withValue.map((o) => toEngineObservation(o, o.value)),
        asOf,
        options,
      );
    return observations.length === 0 ? { ...fromEvaluation(e), basis: 'no_figure' } : fromEvaluation(e);
  }
  const figures = breakpoints(target);
  const intervals = open.map(intervalOf);
  const choices = cartesian(intervals.map((iv) => representativeValues(iv, figures)));
  const tried: { value: string; status: EvaluationStatus }[] = [];
  let first: Evaluation | null = null;
  for (const values of choices) {
    const obs = observations.map((o) =>
      o.value !== null ? toEngineObservation(o, o.value) : toEngineObservation(o, values[open.indexOf(o)] as string),
    );
    const e = evaluate(target, obs, asOf, options);
    first ??= e;
    tried.push({ value: values.join(' · '), status: e.status });
  }
  const actual = intervals.map((iv) => iv.text).join(' · ');
  const statuses = new Set(tried.map((t) => t.status));
  if (statuses.size === 1 && first !== null) {
    return { basis: 'interval', status: first.status, phase: first.phase, actual, evaluation: first, tried };
  }
  return { basis: 'straddles', status: null, phase: null, actual, evaluation: null, tried };
}

/**
 * A parent judged from its children (every child met; Phụ lục 1 gives one verdict for a row of sub-rows): straddles if
 * a child does, no figure if no child has one, else the engine's all-children-met composite.
 */
export function judgeComposite(children: readonly { code: string; judgement: Judgement }[]): Judgement {
  const kids = [...children];
  const figure = (j: Judgement): string =>
    j.children !== undefined && j.actual !== null ? `(${j.actual})` : (j.actual ?? '—');
  const actual = kids
    .map((c) => `${c.code}: ${figure(c.judgement)} ${c.judgement.status ?? 'undetermined'}`)
    .join('; ');
  if (kids.length === 0 || kids.every((c) => c.judgement.basis === 'no_figure')) {
    return {
      basis: 'no_figure',
      status: null,
      phase: null,
      actual: kids.length === 0 ? null : actual,
      evaluation: null,
      children: kids,
    };
  }
  const evaluations: Evaluation[] = [];
  for (const c of kids) {
    if (c.judgement.evaluation === null)
      return { basis: 'straddles', status: null, phase: null, actual, evaluation: null, children: kids };
    evaluations.push(c.judgement.evaluation);
  }
  const e = evaluateComposite('all_children_met', evaluations);
  return { basis: 'composite', status: e.status, phase: e.phase, actual, evaluation: e, children: kids };
}

function side(status: EvaluationStatus | ReportedStatus | null, exceededAs: ExceededAs): Side {
  if (status === null) return { status: null, printed: null, word: null };
  const printed = printedStatus(status, exceededAs);
  return { status, printed, word: wordFor(printed, { exceededAs }) };
}

/** Agreement of the engine's judgement with the source's verdict, on the words the plan prints. */
export function compareJudgement(
  judgement: Judgement,
  reported: ReportedVerdict | null | undefined,
  exceededAs: ExceededAs,
): Comparison {
  const engine = {
    ...side(judgement.status, exceededAs),
    basis: judgement.basis,
    phase: judgement.phase,
    actual: judgement.actual,
  };
  const rep =
    reported === null || reported === undefined ? null : { ...side(reported.status, exceededAs), text: reported.text };
  if (rep === null) return { agreement: 'not_comparable', reason: 'no_reported_verdict', engine, reported: rep };
  if (judgement.basis === 'no_figure')
    return { agreement: 'not_comparable', reason: 'no_figure', engine, reported: rep };
  if (judgement.basis === 'straddles')
    return { agreement: 'not_comparable', reason: 'interval_straddles', engine, reported: rep };
  return {
    agreement: engine.printed === rep.printed ? 'agrees' : 'disagrees',
    reason: 'compared',
    engine,
    reported: rep,
  };
}

/**
 * Classifies the engine's evaluation of one target against the source's verdict: `agrees` / `disagrees` on the printed
 * word (after folding exceeded into met where the plan does), `not_comparable` without a reported verdict, without any
 * figure, or when a bound/range value allows more than one status.
 */
export function compareWithReported(input: CompareInput): Comparison {
  const judgement = judgeTarget(input.target, input.observations, input.asOf, input.options, input.evaluation);
  return compareJudgement(judgement, input.reported, input.exceededAs);
}
