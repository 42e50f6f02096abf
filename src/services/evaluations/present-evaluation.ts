// The outward shape of one evaluated target: what a leader reads (status, printed word, explanation) and what a
// reader needs to redo it (inputs with their vintages, price basis, period and cut-off, method and figures).
import { formatNumber } from '../../core/format/number.ts';
import type { Evaluation } from '../../core/evaluation/index.ts';
import type { Judgement } from '../../core/reporting/compare-with-reported.ts';
import { periodStamp, type PeriodStamp } from '../../core/periods/cutoff.ts';
import { priceBasisLabel } from '../../core/price-basis.ts';
import type { PriceBasis } from '../../core/targets/target.ts';
import type { ReportingRules } from '../../core/legal/reporting-rules.ts';
import { wordFor, type Vocabulary } from '../../core/wording/index.ts';
import type { TargetInputRow, VersionInputRow } from '../../storage/repositories/evaluation-inputs-repo.ts';

export interface VintageView {
  versionId: string;
  seq: number;
  period: string;
  value: string | null;
  text: string | null;
  status: 'estimate' | 'preliminary' | 'official';
  label: string | null;
  kind: string;
  publishedOn: string | null;
  source: string | null;
  workflowState: string;
}

export interface EvaluationRow {
  targetId: string;
  indicator: { code: string; name: string; unit: string; parent: string | null };
  target: { kind: string; text: string; line: number | null; document: TargetInputRow['document'] };
  actual: {
    value: string | null;
    text: string | null;
    period: string | null;
    basis: { code: string; label: string } | null;
    method: string | null;
    estimate: boolean;
  };
  inputs: VintageView[];
  status: Evaluation['status'] | null;
  phase: Evaluation['phase'] | null;
  decided: Evaluation['decided'] | null;
  displayStatus: { vi: string; en: string } | null;
  achievement: string | null;
  required: Evaluation['required'] | null;
  projection: Evaluation['projection'] | null;
  method: Evaluation['method'] | null;
  intermediates: Record<string, string>;
  explanation: { vi: string; en: string };
  period: PeriodStamp | null;
  reported: { text: string; status: string; line: number | null } | null;
  error: { code: string; messages: { vi: string; en: string } } | null;
  /** A plan owner's manual verdict, with the computed one it replaced. */
  override: Evaluation['override'] | null;
  /** A parent indicator judged from its sub-indicators (no target of its own); not stored as a snapshot. */
  composite?: boolean;
  /** For units meeting a standard: the count computed from the units valid at each year's end ("55/67"). */
  unitCounts?: { period: string; date: string; count: number; of: number; share: string }[];
}

export function presentVintage(v: VersionInputRow): VintageView {
  return {
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
}

function stampOf(period: string | null, rules: ReportingRules): PeriodStamp | null {
  if (!period) return null;
  try {
    return periodStamp(period, rules);
  } catch {
    return null;
  }
}

export interface Presentation {
  exceededAs: 'exceeded' | 'met';
  rules: ReportingRules;
  /** The plan's Vietnamese vocabulary; English words come from the standard English vocabulary. */
  vocabulary: Vocabulary;
}

export function presentEvaluation(
  t: TargetInputRow,
  inputs: VersionInputRow[],
  e: Evaluation,
  p: Presentation,
): EvaluationRow {
  const { exceededAs } = p;
  const basis =
    t.price_basis && t.price_basis !== 'none'
      ? { code: t.price_basis, label: priceBasisLabel(t.price_basis as PriceBasis) }
      : null;
  const estimate = e.actual.anyEstimate;
  const used = new Set(e.actual.restsOn.map((r) => r.vintageId));
  const reported = t.indicator_provenance?.reportedVerdict ?? null;
  // The period an evaluation answers to: its single input's period, else the whole term.
  const term = (t.spec as { term: { firstYear: number; lastYear: number } }).term;
  const single = e.actual.restsOn.length === 1 ? e.actual.restsOn[0]?.period : undefined;
  const periodCode =
    single ?? (term.firstYear === term.lastYear ? String(term.firstYear) : `${term.firstYear}-${term.lastYear}`);
  return {
    targetId: t.target_id,
    indicator: { code: t.indicator_code, name: t.indicator_name, unit: t.unit_of_measure, parent: t.parent_code },
    target: { kind: t.kind, text: t.text, line: t.target_provenance?.line ?? null, document: t.document },
    actual: {
      value: e.actual.value,
      text:
        e.actual.value === null
          ? null
          : `${formatNumber(e.actual.value)}${t.unit_of_measure ? ` ${t.unit_of_measure}` : ''}${estimate ? ' (ước)' : ''}`,
      period: e.actual.period,
      basis,
      method: e.actual.method,
      estimate,
    },
    inputs: inputs.filter((v) => used.has(v.version_id) || v.value === null).map(presentVintage),
    status: e.status,
    phase: e.phase,
    decided: e.decided ?? null,
    displayStatus: {
      vi: wordFor(e.status, { exceededAs, restsOnEstimate: estimate, vocabulary: p.vocabulary }),
      en: wordFor(e.status, { exceededAs, restsOnEstimate: estimate, locale: 'en' }),
    },
    achievement: e.achievement,
    required: e.required,
    projection: e.projection,
    method: e.method,
    intermediates: e.intermediates,
    explanation: e.explanation,
    period: stampOf(periodCode, p.rules),
    reported: reported ? { text: reported.text, status: reported.status, line: reported.line ?? null } : null,
    error: null,
    override: e.override ?? null,
  };
}

export function presentFailure(
  t: TargetInputRow,
  inputs: VersionInputRow[],
  code: string,
  messages: { vi: string; en: string },
): EvaluationRow {
  const reported = t.indicator_provenance?.reportedVerdict ?? null;
  return {
    targetId: t.target_id,
    indicator: { code: t.indicator_code, name: t.indicator_name, unit: t.unit_of_measure, parent: t.parent_code },
    target: { kind: t.kind, text: t.text, line: t.target_provenance?.line ?? null, document: t.document },
    actual: { value: null, text: null, period: null, basis: null, method: null, estimate: false },
    inputs: inputs.map(presentVintage),
    status: null,
    phase: null,
    decided: null,
    displayStatus: null,
    achievement: null,
    required: null,
    projection: null,
    method: null,
    intermediates: {},
    explanation: { vi: `Không đánh giá được: ${messages.vi}`, en: `Cannot be evaluated: ${messages.en}` },
    period: null,
    reported: reported ? { text: reported.text, status: reported.status, line: reported.line ?? null } : null,
    error: { code, messages },
    override: null,
  };
}

/**
 * A target whose figure was published only as a bound or a range: judged on every value the interval allows. When
 * they all give one verdict, that verdict stands (with the interval as the actual); otherwise the row says the
 * published figure cannot decide it.
 */
export function presentInterval(
  t: TargetInputRow,
  inputs: VersionInputRow[],
  j: Judgement,
  p: Presentation,
): EvaluationRow {
  const interval = j.actual ?? '';
  // The source's own wording of the interval ("< 3,5") for the Vietnamese text.
  const written = inputs.find((v) => v.value === null)?.value_text ?? interval;
  if (j.evaluation === null || j.status === null) {
    return {
      ...presentFailure(t, inputs, 'interval_undecided', {
        vi: `số liệu chỉ công bố dạng khoảng ${written}, các giá trị trong khoảng cho kết quả khác nhau`,
        en: `the figure was published only as ${interval}, and values inside it give different verdicts`,
      }),
      inputs: inputs.map(presentVintage),
    };
  }
  const row = presentEvaluation(t, inputs, j.evaluation, p);
  const estimate = inputs.some((v) => v.status === 'estimate');
  const word = row.displayStatus ?? { vi: '', en: '' };
  return {
    ...row,
    inputs: inputs.map(presentVintage),
    actual: {
      ...row.actual,
      value: null,
      text: `${written}${estimate ? ' (ước)' : ''}`,
      method: 'published_interval',
      estimate,
    },
    displayStatus: {
      vi: wordFor(j.status, { exceededAs: p.exceededAs, restsOnEstimate: estimate, vocabulary: p.vocabulary }),
      en: wordFor(j.status, { exceededAs: p.exceededAs, restsOnEstimate: estimate, locale: 'en' }),
    },
    explanation: {
      vi: `Kết quả công bố dạng khoảng ${written}${estimate ? ' (ước)' : ''}; mọi giá trị trong khoảng đều cho kết quả "${word.vi}" so với mục tiêu ${t.text}`,
      en: `Published only as ${interval}${estimate ? ' (estimate)' : ''}; every value inside it gives "${word.en}" against the target ${t.text}`,
    },
  };
}
