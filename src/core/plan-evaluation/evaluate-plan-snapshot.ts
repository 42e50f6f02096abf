// The pure plan evaluation: a loaded snapshot in, one core row per target (and per composite parent) and the
// summary counts out. No I/O and no words: the same snapshot always gives the same rows.
import { isChitieuError } from '../errors.ts';
import { evaluate, evaluateComposite, type AsOf, type EvaluateOptions, type Evaluation } from '../evaluation/index.ts';
import { judgeTarget, type ReportedObservation } from '../reporting/compare-with-reported.ts';
import type { ObservationInput, PriceBasis, TargetSpec } from '../targets/target.ts';
import {
  forecastTarget,
  termCrossSection,
  type Forecast,
  type PeerSeries,
  type TermCrossSection,
} from '../forecast/index.ts';
import type { CoreRow, CoreRowOf, CoreVintage, PlanCounts, PlanEvaluationResult } from './core-row.ts';
import type { EngineVersion, PlanSnapshot, SnapshotTarget, SnapshotVersion } from './snapshot.ts';
import { CONSOLIDATED_VERSION_PREFIX, useBaseline, type SnapshotBaseline } from './baseline-use.ts';
import { shareObservation, unitShares } from './unit-shares.ts';
import { parsePeriod, periodMonths } from '../periods/period.ts';
import { notCountedReasons } from './counted.ts';
import type { UnitRow } from './unit-row.ts';

export function coreVintage(v: SnapshotVersion): CoreVintage {
  // Built whole, the optional mark added after (a spread of a conditional part copies it key by key on every call).
  const c: CoreVintage = {
    versionId: v.version_id,
    seq: v.seq,
    period: v.period,
    value: v.value,
    text: v.value_text,
    status: v.status,
    label: v.vintage_label,
    kind: v.change_kind,
    publishedOn: v.published_on,
    source: v.source_text,
    workflowState: v.workflow_state,
  };
  if (v.version_id.startsWith(CONSOLIDATED_VERSION_PREFIX)) c.consolidated = true;
  return c;
}

/** Whether a figure for a span is a yearly average or the span's total, as its source says. */
function aggregateOf(v: EngineVersion): Pick<ObservationInput, 'aggregate'> {
  const a = v.value_qualifier?.aggregate;
  return a === 'yearly_average' || a === 'term_total' ? { aggregate: a } : {};
}

/** A figure as the source gave it: a value, or only a bound ("< 3,5") or a range ("87-88"). */
function toReported(v: EngineVersion): ReportedObservation {
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

function toInput(v: EngineVersion): ObservationInput | null {
  if (v.value === null) return null;
  // Built whole, the optional fields added after in the same order (a spread of a conditional part allocates it and
  // copies it key by key, for every figure at every unit).
  const o: ObservationInput = {
    period: v.period,
    value: v.value,
    status: v.status,
    measure: v.measure as ObservationInput['measure'],
    priceBasis: v.price_basis as PriceBasis,
    vintageId: v.version_id,
  };
  if (v.published_on) o.publishedOn = v.published_on;
  const a = v.value_qualifier?.aggregate;
  if (a === 'yearly_average' || a === 'term_total') o.aggregate = a;
  return o;
}

/** What a row of the target says whatever its figures: the same at every unit the target is evaluated at. */
export type TargetPart = Pick<CoreRow, 'targetId' | 'indicator' | 'target' | 'reported'>;

export function baseRow(t: SnapshotTarget): TargetPart {
  const reported = t.indicator_provenance?.reportedVerdict ?? null;
  return {
    targetId: t.target_id,
    indicator: { code: t.indicator_code, name: t.indicator_name, unit: t.unit_of_measure, parent: t.parent_code },
    target: { kind: t.kind, text: t.text, line: t.target_provenance?.line ?? null, document: t.document },
    reported: reported ? { text: reported.text, status: reported.status, line: reported.line ?? null } : null,
  };
}

function failedRow<V extends EngineVersion, I>(
  base: TargetPart,
  inputs: V[],
  vintage: (v: V) => I,
  code: string,
  messages: { vi: string; en: string },
): CoreRowOf<I> {
  return {
    targetId: base.targetId,
    indicator: base.indicator,
    target: base.target,
    reported: base.reported,
    actual: { value: null, period: null, method: null, estimate: false, priceBasis: null, interval: null },
    inputs: inputs.map(vintage),
    status: null,
    phase: null,
    decided: null,
    achievement: null,
    required: null,
    projection: null,
    method: null,
    intermediates: {},
    explanation: null,
    periodCode: null,
    error: { code, messages },
    override: null,
    forecast: null,
  };
}

function evaluatedRow<V extends EngineVersion, I>(
  base: TargetPart,
  t: SnapshotTarget,
  inputs: V[],
  vintage: (v: V) => I,
  e: Evaluation,
): CoreRowOf<I> {
  // The inputs the evaluation rests on, and any figure published without a value, in the snapshot's order.
  const rests = e.actual.restsOn;
  const listed: I[] = [];
  for (const v of inputs) {
    if (v.value === null || rests.some((r) => r.vintageId === v.version_id)) listed.push(vintage(v));
  }
  // The period an evaluation answers to: its single input's period, else the whole term.
  const term = (t.spec as { term: { firstYear: number; lastYear: number } }).term;
  const single = rests.length === 1 ? rests[0]?.period : undefined;
  return {
    targetId: base.targetId,
    indicator: base.indicator,
    target: base.target,
    reported: base.reported,
    actual: {
      value: e.actual.value,
      period: e.actual.period,
      method: e.actual.method,
      estimate: e.actual.anyEstimate,
      priceBasis: t.price_basis && t.price_basis !== 'none' ? t.price_basis : null,
      interval: null,
    },
    inputs: listed,
    status: e.status,
    phase: e.phase,
    decided: e.decided ?? null,
    achievement: e.achievement,
    required: e.required,
    projection: e.projection,
    method: e.method,
    intermediates: { ...e.intermediates },
    explanation: { vi: e.explanation.vi, en: e.explanation.en },
    periodCode:
      single ?? (term.firstYear === term.lastYear ? String(term.firstYear) : `${term.firstYear}-${term.lastYear}`),
    error: null,
    override: e.override ?? null,
    forecast: null,
  };
}

/** The forecast of a running target from the figures its evaluation read (the engine's own result reused). */
function forecastOf(
  spec: TargetSpec,
  observations: ObservationInput[],
  asOf: AsOf,
  unit: string,
  e: Evaluation,
  pool: TermPool,
): Forecast | null {
  if (e.phase !== 'in_term') return null;
  try {
    return forecastTarget(spec, observations, asOf, {
      indicatorUnit: unit,
      evaluation: e,
      pool: pool(spec.term.firstYear - 1),
    });
  } catch (err) {
    // A target the forecast cannot read keeps its evaluation; the row says why there is no probability.
    if (isChitieuError(err)) return { unavailable: { code: 'no_model', ...err.messages } };
    throw err;
  }
}

/** The current term's cross-section of the plan's series, by the term's base year (null: too few peers). */
type TermPool = (baseYear: number) => TermCrossSection | null;

/** Target kinds whose forecast runs on the log scale of a level or a flow: the series pooled for a term's prior. */
const POOLED_KINDS = new Set([
  'level_at_end',
  'range_at_end',
  'threshold',
  'growth_average',
  'multiple_of_baseline',
  'cumulative',
  'yearly_flow',
  'term_average',
]);

/**
 * The prior pooled across the plan's indicators and units for a term: every (indicator, unit) series of a log-scale
 * target (not a percentage) contributes its yearly growth since the term's base year, read from its yearly figures no
 * later than the evaluation date (docs/forecast.md, "Pooled at the checkpoint"). The series are read when a forecast
 * first asks (only a target still in its term has one: after the term, no row reads them).
 */
function termPool(s: PlanSnapshot, byIndicatorUnit: ReadonlyMap<string, EngineVersion[]>, asOf: AsOf): TermPool {
  let peers: PeerSeries[] | null = null;
  const cache = new Map<number, TermCrossSection | null>();
  return (baseYear) => {
    peers ??= pooledSeries(s, byIndicatorUnit, asOf);
    if (!cache.has(baseYear)) cache.set(baseYear, termCrossSection(peers, baseYear, asOf.year));
    return cache.get(baseYear) ?? null;
  };
}

function pooledSeries(
  s: PlanSnapshot,
  byIndicatorUnit: ReadonlyMap<string, EngineVersion[]>,
  asOf: AsOf,
): PeerSeries[] {
  const peers: PeerSeries[] = [];
  const seen = new Set<string>();
  for (const t of s.targets) {
    const key = `${t.indicator_id}/${t.unit_id}`;
    if (seen.has(key) || !POOLED_KINDS.has(t.kind) || t.unit_of_measure.trim() === '%') continue;
    seen.add(key);
    const byYear = new Map<number, number>();
    for (const v of byIndicatorUnit.get(key) ?? []) {
      const o = toInput(v);
      if (o === null || !/^\d{4}$/.test(o.period) || o.measure === 'share' || o.measure === 'growth_rate') continue;
      const x = Number(o.value);
      if (Number.isFinite(x)) byYear.set(Number(o.period), x);
    }
    if (byYear.size > 1) peers.push((year) => (year > asOf.year ? undefined : byYear.get(year)));
  }
  return peers;
}

interface Evaluated<I = CoreVintage> {
  row: CoreRowOf<I>;
  evaluation: Evaluation | null;
}

function sharesOfChildUnits(s: PlanSnapshot, t: SnapshotTarget): ReturnType<typeof unitShares> {
  const children = s.childUnits[t.unit_id] ?? [];
  // No unit below (every commune of evaluate-all): no figure can be one of theirs, and the snapshot is not scanned.
  if (children.length === 0) return unitShares(children, []);
  const childIds = new Set(children.map((c) => c.id));
  return unitShares(
    children,
    s.versions.filter((v) => v.indicator_id === t.indicator_id && childIds.has(v.unit_id)),
  );
}

/**
 * What a target's evaluation needs that no unit's figures change: the row's target part, the stored spec checked as a
 * target, and the engine's options but the benchmark series (the unit's own). Prepared once per target: a plan
 * evaluation has one unit per target, evaluate-all a whole tenant's (evaluateTargetAtUnits).
 */
interface PreparedTarget {
  base: TargetPart;
  /** The stored spec when it is a target; null when it is not (every row of it fails alike). */
  spec: TargetSpec | null;
  options: EvaluateOptions;
}

function prepareTarget(s: PlanSnapshot, t: SnapshotTarget): PreparedTarget {
  const base = baseRow(t);
  const spec = t.spec as Partial<TargetSpec> | null;
  if (!spec || typeof spec !== 'object' || !spec.term || typeof spec.kind !== 'string') {
    return { base, spec: null, options: {} };
  }
  const progressMethod = typeof s.plan.settings.progressMethod === 'string' ? s.plan.settings.progressMethod : null;
  const override = s.overrides[t.target_id];
  return {
    base,
    spec: spec as TargetSpec,
    options: {
      ...(progressMethod ? { progressMethod } : {}),
      ...(override ? { override } : {}),
    },
  };
}

function evaluateTarget(
  s: PlanSnapshot,
  t: SnapshotTarget,
  prepared: PreparedTarget,
  byIndicatorUnit: Map<string, SnapshotVersion[]>,
  baselines: Map<string, SnapshotBaseline>,
  asOf: AsOf,
  pool: TermPool,
): Evaluated {
  const stored = byIndicatorUnit.get(`${t.indicator_id}/${t.unit_id}`) ?? [];
  // A merged unit's base period: the stored figure wins; else the former units' complete consolidation stands in.
  const { extra, use } = useBaseline(t.spec as Partial<TargetSpec> | null, t, stored, baselines.get(t.indicator_id));
  const x = evaluateWith(s, t, prepared, extra ? [...stored, extra] : stored, byIndicatorUnit, asOf, pool, coreVintage);
  if (!use) return x;
  // The stand-in is listed among the row's inputs even when it is read only as the base (of a trend, a growth).
  const listed = extra === null || x.row.inputs.some((v) => v.versionId === extra.version_id);
  const inputs = listed ? x.row.inputs : [coreVintage(extra), ...x.row.inputs];
  return { ...x, row: { ...x.row, inputs, baseline: use } };
}

/**
 * The benchmark's figures a benchmark-relative target reads: its benchmark indicator's, at the target's unit (in the
 * snapshot's order, as its versions are grouped).
 */
function benchmarkSeries(
  t: SnapshotTarget,
  byIndicatorUnit: ReadonlyMap<string, EngineVersion[]>,
): ObservationInput[] | null {
  if (t.kind !== 'benchmark' || !t.benchmark_indicator_id) return null;
  return (byIndicatorUnit.get(`${t.benchmark_indicator_id}/${t.unit_id}`) ?? [])
    .map(toInput)
    .filter((o): o is ObservationInput => o !== null);
}

/**
 * One target at its unit, on the versions of that unit (`inputs`), each input of the row described by `vintage`
 * (coreVintage for the core row; its id for evaluate-all's compact row).
 */
function evaluateWith<V extends EngineVersion, I>(
  s: PlanSnapshot,
  t: SnapshotTarget,
  prepared: PreparedTarget,
  inputs: V[],
  byIndicatorUnit: ReadonlyMap<string, EngineVersion[]>,
  asOf: AsOf,
  pool: TermPool,
  vintage: (v: V) => I,
): Evaluated<I> {
  const { base } = prepared;
  const observations: ObservationInput[] = [];
  for (const v of inputs) {
    const o = toInput(v);
    if (o !== null) observations.push(o);
  }
  // Only a units-meeting-standard target reads the units below its own (a scan of every figure per target would
  // make a plan of many targets over many communes quadratic).
  const shares = t.kind === 'units_meeting_standard' ? sharesOfChildUnits(s, t) : [];
  // A share computed from the units' own figures replaces a typed-in one for the same year.
  let used = observations;
  if (shares.length > 0) {
    const computedYears = new Set(shares.map((x) => x.period));
    used = [...observations.filter((o) => !computedYears.has(o.period)), ...shares.map(shareObservation)];
  }
  const spec = prepared.spec;
  if (spec === null) {
    // A stored target that is not a target (written by hand, or by an older format) is reported, not crashed on.
    return {
      row: failedRow(base, inputs, vintage, 'invalid_target', {
        vi: 'Mục tiêu lưu trữ thiếu loại hoặc giai đoạn',
        en: 'The stored target lacks its kind or term',
      }),
      evaluation: null,
    };
  }
  const benchmark = benchmarkSeries(t, byIndicatorUnit);
  const options = benchmark ? { ...prepared.options, benchmark } : prepared.options;
  try {
    const open = inputs.filter((v) => v.value === null && (v.value_qualifier?.bound || v.value_qualifier?.range));
    if (open.length > 0 && shares.length === 0) {
      const j = judgeTarget(spec, inputs.map(toReported), asOf, options);
      // The source's own wording of the interval ("< 3,5").
      const written = inputs.find((v) => v.value === null)?.value_text ?? j.actual ?? '';
      if (j.evaluation === null || j.status === null) {
        return {
          row: failedRow(base, inputs, vintage, 'interval_undecided', {
            vi: `số liệu chỉ công bố dạng khoảng ${written}, các giá trị trong khoảng cho kết quả khác nhau`,
            en: `the figure was published only as ${j.actual ?? ''}, and values inside it give different verdicts`,
          }),
          evaluation: null,
        };
      }
      const row = evaluatedRow(base, t, inputs, vintage, j.evaluation);
      return {
        row: {
          ...row,
          inputs: inputs.map(vintage),
          status: j.status,
          actual: {
            ...row.actual,
            value: null,
            method: 'published_interval',
            estimate: inputs.some((v) => v.status === 'estimate'),
            interval: written,
          },
        },
        evaluation: j.evaluation,
      };
    }
    const e = evaluate(spec, used, asOf, options);
    const row = evaluatedRow(base, t, inputs, vintage, e);
    // The row's own object: the forecast's key keeps its place, the unit counts come after (no copy of the row).
    row.forecast = forecastOf(spec, used, asOf, t.unit_of_measure, e, pool);
    row.unitCounts = shares.map(({ period, date, count, of, share, notMeeting }) => ({
      period,
      date,
      count,
      of,
      share,
      notMeeting,
    }));
    return { row, evaluation: e };
  } catch (err) {
    // One invalid target (or a figure the engine refuses) must not hide the others: the row says why instead.
    if (isChitieuError(err)) return { row: failedRow(base, inputs, vintage, err.code, err.messages), evaluation: null };
    throw err;
  }
}

/**
 * Rows for composite indicators (rule all_children_met, no target of their own), deepest first so a composite of
 * composites sees its children's results. A child counts by its first target (the plan's own term).
 */
function compositeRows(s: PlanSnapshot, evaluated: { t: SnapshotTarget; x: Evaluated }[]): CoreRow[] {
  const byCode = new Map<string, { evaluation: Evaluation; target: SnapshotTarget }>();
  for (const { t, x } of evaluated) {
    if (x.evaluation && !byCode.has(t.indicator_code))
      byCode.set(t.indicator_code, { evaluation: x.evaluation, target: t });
  }
  const out: CoreRow[] = [];
  const depth = (code: string): number => code.split('.').length;
  for (const p of [...s.composites].sort((a, b) => depth(b.indicator_code) - depth(a.indicator_code))) {
    if (byCode.has(p.indicator_code)) continue;
    const children = [...byCode.values()].filter((v) => v.target.parent_code === p.indicator_code);
    const first = children[0];
    if (!first) continue;
    const e = evaluateComposite(
      'all_children_met',
      children.map((c) => c.evaluation),
    );
    const synthetic: SnapshotTarget = {
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
    out.push({
      ...evaluatedRow(baseRow(synthetic), synthetic, [] as SnapshotVersion[], coreVintage, e),
      composite: true,
    });
  }
  return out;
}

export function countRows(rows: readonly CoreRow[]): PlanCounts {
  const counted = rows.filter((r) => r.notCounted === undefined);
  const counts: PlanCounts = {
    targets: counted.length,
    notCounted: rows.length - counted.length,
    withFigures: 0,
    noFigures: 0,
    notEvaluable: 0,
    final: {},
    inTerm: {},
  };
  for (const r of counted) {
    if (r.status === null) {
      counts.notEvaluable += 1;
      continue;
    }
    if (r.status === 'no_data') counts.noFigures += 1;
    else counts.withFigures += 1;
    const bucket = r.phase === 'final' ? counts.final : counts.inTerm;
    bucket[r.status] = (bucket[r.status] ?? 0) + 1;
  }
  return counts;
}

/** Every target of the snapshot evaluated at `asOf`, in the plan's order, composite parents included. */
/**
 * Whether a figure could exist at the evaluation date: its period has begun by then, and it ends no later than the
 * evaluation's year. A figure for a later period (2024 when evaluating as of June 2023), or for a span running past
 * the evaluation's year (2021–2025 as of June 2023), did not exist then, so neither the verdict, nor the forecast,
 * nor the term's cross-section reads it. A year under way (2023 as of June 2023) may carry an estimate and is kept.
 * An unreadable period is kept: the engine reports it.
 */
export function knownAt(period: string, asOf: AsOf): boolean {
  let months: ReturnType<typeof periodMonths>;
  try {
    months = periodMonths(parsePeriod(period));
  } catch {
    return true;
  }
  const { from, to } = months;
  const begun = from.year < asOf.year || (from.year === asOf.year && from.month <= (asOf.month ?? 12));
  return begun && to.year <= asOf.year;
}

/** The snapshot as of the date (only the figures that could exist then), its versions by indicator and unit. */
function asOfSnapshot(
  given: PlanSnapshot,
  asOf: AsOf,
): { s: PlanSnapshot; byIndicatorUnit: Map<string, SnapshotVersion[]> } {
  // As of a date, only the figures that could exist then are read (`chitieu evaluate --as-of`, `?asOf=`).
  const known = given.versions.filter((v) => knownAt(v.period, asOf));
  const s = known.length === given.versions.length ? given : { ...given, versions: known };
  const byIndicatorUnit = new Map<string, SnapshotVersion[]>();
  for (const v of s.versions) {
    const key = `${v.indicator_id}/${v.unit_id}`;
    const list = byIndicatorUnit.get(key);
    if (list) list.push(v);
    else byIndicatorUnit.set(key, [v]);
  }
  return { s, byIndicatorUnit };
}

/**
 * The versions known at the evaluation date (knownAt), by indicator and unit (`indicator/unit`), each list in the
 * given order. Whether a period is known is decided once per distinct period (a tenant's figures have a few dozen,
 * read at every unit), and the key is written once per series, not per figure (grouped by indicator, then by unit).
 */
function knownByIndicatorUnit<V extends EngineVersion>(versions: readonly V[], asOf: AsOf): Map<string, V[]> {
  const known = new Map<string, boolean>();
  const byIndicator = new Map<string, Map<string, V[]>>();
  for (const v of versions) {
    let k = known.get(v.period);
    if (k === undefined) {
      k = knownAt(v.period, asOf);
      known.set(v.period, k);
    }
    if (!k) continue;
    let byUnit = byIndicator.get(v.indicator_id);
    if (!byUnit) {
      byUnit = new Map();
      byIndicator.set(v.indicator_id, byUnit);
    }
    const list = byUnit.get(v.unit_id);
    if (list) list.push(v);
    else byUnit.set(v.unit_id, [v]);
  }
  const out = new Map<string, V[]>();
  for (const [indicator, byUnit] of byIndicator)
    for (const [unit, list] of byUnit) out.set(`${indicator}/${unit}`, list);
  return out;
}

/**
 * One target at each of `units` in turn, each row's inputs described by `vintage`. What depends on the target alone
 * is prepared once: its row's target part, its spec checked, the engine's options, whether it counts, the term's
 * pooled prior. No unit has a unit below here, an override, a composite or a consolidated baseline, so each row is
 * what evaluateTarget gives without them (the snapshot's own versions are never read: no unit's shares are counted).
 */
function evaluateAtUnits<V extends EngineVersion, I>(
  plan: PlanSnapshot['plan'],
  target: SnapshotTarget,
  units: readonly string[],
  versions: readonly V[],
  asOf: AsOf,
  vintage: (v: V) => I,
): CoreRowOf<I>[] {
  const targets = units.map((unit_id) => ({ ...target, unit_id }));
  const s: PlanSnapshot = {
    plan,
    targets,
    versions: [],
    overrides: {},
    childUnits: {},
    composites: [],
    indicatorOrder: [target.indicator_code],
  };
  const byIndicatorUnit = knownByIndicatorUnit(versions, asOf);
  const pool = termPool(s, byIndicatorUnit, asOf);
  // Whether the target counts does not depend on its unit (a draft, another scope), but the rule is the plan's: the
  // same rule over the same targets as the plan evaluation of that snapshot.
  const notCounted = notCountedReasons(targets).get(target.target_id) ?? null;
  const prepared = prepareTarget(s, target);
  return targets.map((t) => {
    const stored = byIndicatorUnit.get(`${t.indicator_id}/${t.unit_id}`) ?? [];
    const { row } = evaluateWith(s, t, prepared, stored, byIndicatorUnit, asOf, pool, vintage);
    return notCounted ? { ...row, notCounted } : row;
  });
}

/**
 * One target evaluated at each of `units` in turn (evaluate-all: every target of a plan at every unit of its
 * tenant). The rows are those evaluatePlanSnapshot gives for a snapshot of the target set at every unit, with the
 * given versions and no override, units below, composite or consolidated baseline, one row per unit in the units'
 * order; what depends on the target alone is prepared once instead of at every unit. The rows of one target share
 * their target part's objects (plain data, never written to).
 */
export function evaluateTargetAtUnits(
  plan: PlanSnapshot['plan'],
  target: SnapshotTarget,
  units: readonly string[],
  versions: SnapshotVersion[],
  asOf: AsOf,
): CoreRow[] {
  return evaluateAtUnits(plan, target, units, versions, asOf, coreVintage);
}

const versionIdOf = (v: EngineVersion): string => v.version_id;

/**
 * The same evaluations as evaluateTargetAtUnits, as the compact unit rows evaluate-all stores (unitRowOf of each row,
 * key for key): built from what the evaluation reads of each version alone (EngineVersion), the inputs named by id
 * without describing them first.
 */
export function evaluateTargetAtUnitRows(
  plan: PlanSnapshot['plan'],
  target: SnapshotTarget,
  units: readonly string[],
  versions: readonly EngineVersion[],
  asOf: AsOf,
): { row: UnitRow; inputs: string[] }[] {
  return evaluateAtUnits(plan, target, units, versions, asOf, versionIdOf).map((r) => {
    const { targetId: _id, indicator: _indicator, target: _target, reported: _reported, inputs, ...own } = r;
    return { row: own, inputs };
  });
}

export function evaluatePlanSnapshot(given: PlanSnapshot, asOf: AsOf): PlanEvaluationResult {
  const { s, byIndicatorUnit } = asOfSnapshot(given, asOf);
  const pool = termPool(s, byIndicatorUnit, asOf);
  const baselines = new Map((s.baselines ?? []).map((b) => [b.indicator_id, b]));
  const reasons = notCountedReasons(s.targets);
  const evaluated = s.targets.map((t) => {
    const x = evaluateTarget(s, t, prepareTarget(s, t), byIndicatorUnit, baselines, asOf, pool);
    const notCounted = reasons.get(t.target_id) ?? null;
    return { t, x: notCounted ? { ...x, row: { ...x.row, notCounted } } : x };
  });
  // A composite parent is judged from the sub-indicators' targets that count.
  const composites = compositeRows(
    s,
    evaluated.filter(({ x }) => x.row.notCounted === undefined),
  );
  const order = new Map(s.indicatorOrder.map((code, i) => [code, i]));
  const position = (r: CoreRow): number => order.get(r.indicator.code) ?? Number.MAX_SAFE_INTEGER;
  const rows = [...evaluated.map(({ x }) => x.row), ...composites]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => position(a.r) - position(b.r) || a.i - b.i)
    .map((x) => x.r);
  return { rows, counts: countRows(rows) };
}
