// The presenter of a plan evaluation: adds words (the plan's Vietnamese vocabulary, English), formatted figures,
// the price basis label and the period with its data cut-off to the core rows. Applied when read, so a stored
// snapshot never holds printed words and a change of vocabulary shows at once.
import { createHash } from 'node:crypto';
import { formatNumber } from '../../core/format/number.ts';
import {
  DEFAULT_REPORTING_RULES,
  withReportingOverrides,
  type ReportingRules,
} from '../../core/legal/reporting-rules.ts';
import { periodStamp, type PeriodStamp } from '../../core/periods/cutoff.ts';
import type { ForecastUnavailable } from '../../core/forecast/index.ts';
import type { CoreRow, CoreVintage, PlanCounts } from '../../core/plan-evaluation/index.ts';
import { priceBasisLabel } from '../../core/price-basis.ts';
import type { PriceBasis } from '../../core/targets/target.ts';
import { planSummaryLine } from '../../core/wording/plan-summary.ts';
import { VI_OFFICIAL, VOCABULARIES, wordFor, type Vocabulary } from '../../core/wording/index.ts';

export type VintageView = CoreVintage;

export interface EvaluationRow {
  targetId: string;
  indicator: CoreRow['indicator'];
  target: CoreRow['target'];
  actual: {
    value: string | null;
    text: string | null;
    period: string | null;
    basis: { code: string; label: string } | null;
    method: string | null;
    estimate: boolean;
  };
  inputs: VintageView[];
  status: CoreRow['status'];
  phase: CoreRow['phase'];
  decided: CoreRow['decided'];
  displayStatus: { vi: string; en: string } | null;
  achievement: string | null;
  required: CoreRow['required'];
  projection: CoreRow['projection'];
  method: CoreRow['method'];
  intermediates: Record<string, string>;
  explanation: { vi: string; en: string };
  period: PeriodStamp | null;
  reported: CoreRow['reported'];
  error: CoreRow['error'];
  /** A plan owner's manual verdict, with the computed one it replaced. */
  override: CoreRow['override'];
  /** A parent indicator judged from its sub-indicators (no target of its own). */
  composite?: true;
  /** For units meeting a standard: the count computed from the units valid at each year's end ("55/67"). */
  unitCounts?: Array<
    Omit<NonNullable<CoreRow['unitCounts']>[number], 'notMeeting'> & {
      /** With the names of the commune editors who answer for each unit's figures (read when presented). */
      notMeeting?: Array<{ code: string; name: string; reason: 'not_met' | 'no_figure'; owners: string[] }>;
    }
  >;
  /** A merged unit's base-period figure: consolidated from the former units, entered, or missing, step by step. */
  baseline?: CoreRow['baseline'];
  /** While the term runs: P(met at the term's end), its interval and fan, or why none can be given. */
  forecast: CoreRow['forecast'];
  /** Shown but left out of the plan's counts and summary: why, in words. */
  notCounted?: NonNullable<CoreRow['notCounted']> & { words: { vi: string; en: string } };
}

/**
 * A row as the plan's lists show it (the overview, the portal's overview, an agency's targets): the full row with the
 * fields no list shows left out, every kept field under the same name with the same value (docs/decisions/
 * 0010-evaluation-list.md). What stays is what a list row shows or sorts by: the indicator, the target's kind and
 * words, the latest figure, the status in words, the pace needed and achieved (`averageExact`), a composite's
 * "2/3" (`childrenReached` of `children`), the newest publication date among the inputs, the explanation, the
 * forecast's probability and sentence, and why a row is not counted. The indicator and explanation pages read the
 * full rows.
 */
export interface EvaluationListRow {
  targetId: string;
  indicator: EvaluationRow['indicator'];
  target: Pick<EvaluationRow['target'], 'kind' | 'text'>;
  actual: Pick<EvaluationRow['actual'], 'value' | 'period' | 'estimate'>;
  /** Only the inputs' periods and publication dates (the list's "data date" is the newest). */
  inputs: Array<Pick<VintageView, 'period' | 'publishedOn'>>;
  status: EvaluationRow['status'];
  displayStatus: EvaluationRow['displayStatus'];
  required: Pick<NonNullable<EvaluationRow['required']>, 'kind' | 'value'> | null;
  /** For a composite parent, the count of its children (the only parameter a list shows). */
  method?: { parameters: { children: unknown } };
  /** Only the pace achieved (`averageExact`) and a composite's children reached (`childrenReached`). */
  intermediates: Record<string, string>;
  explanation: EvaluationRow['explanation'];
  composite?: true;
  /** The probability and its sentence, or why there is none (the fan, interval and model inputs are the full row's). */
  forecast: { pMet: number; sentence: { vi: string; en: string } } | ForecastUnavailable | null;
  notCounted?: EvaluationRow['notCounted'];
}

/** The intermediates a list shows: the average achieved so far, and how many of a composite's children reached. */
const LIST_INTERMEDIATES = ['averageExact', 'childrenReached'] as const;

export function listRowOf(r: EvaluationRow): EvaluationListRow {
  const intermediates: Record<string, string> = {};
  for (const k of LIST_INTERMEDIATES) if (r.intermediates[k] !== undefined) intermediates[k] = r.intermediates[k];
  const f = r.forecast;
  const children = r.method?.parameters.children;
  return {
    targetId: r.targetId,
    indicator: r.indicator,
    target: { kind: r.target.kind, text: r.target.text },
    actual: { value: r.actual.value, period: r.actual.period, estimate: r.actual.estimate },
    inputs: r.inputs.map((v) => ({ period: v.period, publishedOn: v.publishedOn })),
    status: r.status,
    displayStatus: r.displayStatus,
    required: r.required ? { kind: r.required.kind, value: r.required.value } : null,
    ...(children === undefined ? {} : { method: { parameters: { children } } }),
    intermediates,
    explanation: r.explanation,
    ...(r.composite ? { composite: true as const } : {}),
    forecast:
      f === null ? null : 'unavailable' in f ? { unavailable: f.unavailable } : { pMet: f.pMet, sentence: f.sentence },
    ...(r.notCounted ? { notCounted: r.notCounted } : {}),
  };
}

/** The label of a row that is shown and not counted (core/plan-evaluation/counted.ts), in both languages. */
export function notCountedWords(n: NonNullable<CoreRow['notCounted']>): { vi: string; en: string } {
  switch (n.reason) {
    case 'draft':
      return {
        vi: 'Dự thảo: hiển thị để đối chiếu, không tính vào tổng hợp của kế hoạch',
        en: 'Draft: shown for comparison, not counted in the plan’s summary',
      };
    case 'other_scope':
      if (n.splitFrom !== undefined)
        return {
          vi: `Phần của ${n.scope.name} (mã ${n.scope.code}) khi chia chỉ tiêu cấp tỉnh theo xã: theo dõi riêng, không tính vào tổng hợp`,
          en: `The share of ${n.scope.name} (code ${n.scope.code}) in the province-level target split by commune: tracked on its own, not counted in the summary`,
        };
      return {
        vi: `Phạm vi ${n.scope.name} (mã ${n.scope.code}), không phải đơn vị của kế hoạch: không tính vào tổng hợp`,
        en: `Scope ${n.scope.name} (code ${n.scope.code}), not the plan’s own unit: not counted in the summary`,
      };
    case 'parallel':
      return {
        vi: 'Chỉ tiêu song song cùng chỉ số, phạm vi và năm cuối với một chỉ tiêu đang được tính: không tính lần nữa',
        en: 'A parallel target for the same indicator, scope and final year as one already counted: not counted again',
      };
  }
}

/** What the presenter needs to know about a plan: its display settings and its tenant's reporting regime. */
export interface PresentablePlan {
  settings: Record<string, unknown>;
  tenant_settings?: Record<string, unknown>;
}

export interface Presentation {
  exceededAs: 'exceeded' | 'met';
  rules: ReportingRules;
  /** The plan's Vietnamese vocabulary; English words come from the standard English vocabulary. */
  vocabulary: Vocabulary;
}

/** The tenant's reporting regime: NĐ 09/2019's by default, with the tenant's own parameters where it set them. */
export function reportingRulesOf(plan: PresentablePlan): ReportingRules {
  const overrides = plan.tenant_settings?.reportingRules;
  return overrides && typeof overrides === 'object'
    ? withReportingOverrides(DEFAULT_REPORTING_RULES, overrides as Partial<ReportingRules>)
    : DEFAULT_REPORTING_RULES;
}

export function exceededAsOf(plan: PresentablePlan): 'exceeded' | 'met' {
  const display = plan.settings.display as { exceededAs?: string } | undefined;
  return display?.exceededAs === 'met' ? 'met' : 'exceeded';
}

/** The words a plan prints: its configured vocabulary (e.g. estimates as "Đạt (ước)"), else the official default. */
export function vocabularyOf(plan: PresentablePlan): Vocabulary {
  const id = (plan.settings.display as { vocabulary?: string } | undefined)?.vocabulary;
  return VOCABULARIES.find((v) => v.id === id && v.locale === 'vi') ?? VI_OFFICIAL;
}

export function presentationOf(plan: PresentablePlan): Presentation {
  return { exceededAs: exceededAsOf(plan), rules: reportingRulesOf(plan), vocabulary: vocabularyOf(plan) };
}

/** Changes whenever the presenter's output for the same core rows would change (part of the ETag). */
const PRESENTER_VERSION = 1;

/** A strong validator of a presented answer: the stored rows' digest and every input of the presentation. */
export function presentationTag(digest: string, plan: PresentablePlan, extra: string): string {
  const h = createHash('sha256');
  h.update(`${PRESENTER_VERSION}\n${digest}\n${extra}\n`);
  h.update(JSON.stringify(plan.settings));
  h.update(JSON.stringify(plan.tenant_settings ?? {}));
  return `"${h.digest('base64url').slice(0, 32)}"`;
}

function stampOf(period: string | null, rules: ReportingRules): PeriodStamp | null {
  if (!period) return null;
  try {
    return periodStamp(period, rules);
  } catch {
    return null;
  }
}

function words(status: CoreRow['status'], estimate: boolean, p: Presentation): { vi: string; en: string } | null {
  if (status === null) return null;
  return {
    vi: wordFor(status, { exceededAs: p.exceededAs, restsOnEstimate: estimate, vocabulary: p.vocabulary }),
    en: wordFor(status, { exceededAs: p.exceededAs, restsOnEstimate: estimate, locale: 'en' }),
  };
}

/** The printed word of a stored status (the "what changed" list writes it beside the figures). */
export function printedWord(status: string | null, estimate: boolean, p: Presentation): string | null {
  return words(status as CoreRow['status'], estimate, p)?.vi ?? null;
}

function actualText(r: CoreRow): string | null {
  if (r.actual.interval !== null) return `${r.actual.interval}${r.actual.estimate ? ' (ước)' : ''}`;
  if (r.actual.value === null) return null;
  const unit = r.indicator.unit ? ` ${r.indicator.unit}` : '';
  return `${formatNumber(r.actual.value)}${unit}${r.actual.estimate ? ' (ước)' : ''}`;
}

function explanationOf(r: CoreRow, display: { vi: string; en: string } | null): { vi: string; en: string } {
  if (r.error !== null) {
    return {
      vi: `Không đánh giá được: ${r.error.messages.vi}`,
      en: `Cannot be evaluated: ${r.error.messages.en}`,
    };
  }
  if (r.actual.interval !== null) {
    const est = r.actual.estimate;
    return {
      vi: `Kết quả công bố dạng khoảng ${r.actual.interval}${est ? ' (ước)' : ''}; mọi giá trị trong khoảng đều cho kết quả "${display?.vi ?? ''}" so với mục tiêu ${r.target.text}`,
      en: `Published only as ${r.actual.interval}${est ? ' (estimate)' : ''}; every value inside it gives "${display?.en ?? ''}" against the target ${r.target.text}`,
    };
  }
  return r.explanation ?? { vi: '', en: '' };
}

export function presentRow(r: CoreRow, p: Presentation): EvaluationRow {
  const display = words(r.status, r.actual.estimate, p);
  const basis = r.actual.priceBasis
    ? { code: r.actual.priceBasis, label: priceBasisLabel(r.actual.priceBasis as PriceBasis) }
    : null;
  return {
    targetId: r.targetId,
    indicator: r.indicator,
    target: r.target,
    actual: {
      value: r.actual.value,
      text: actualText(r),
      period: r.actual.period,
      basis,
      method: r.actual.method,
      estimate: r.actual.estimate,
    },
    inputs: r.inputs,
    status: r.status,
    phase: r.phase,
    decided: r.decided,
    displayStatus: display,
    achievement: r.achievement,
    required: r.required,
    projection: r.projection,
    method: r.method,
    intermediates: r.intermediates,
    explanation: explanationOf(r, display),
    period: stampOf(r.periodCode, p.rules),
    reported: r.reported,
    error: r.error,
    override: r.override,
    ...(r.composite ? { composite: true as const } : {}),
    ...(r.unitCounts
      ? {
          unitCounts: r.unitCounts.map(({ notMeeting, ...c }) => ({
            ...c,
            ...(notMeeting ? { notMeeting: notMeeting.map((n) => ({ ...n, owners: [] as string[] })) } : {}),
          })),
        }
      : {}),
    ...(r.baseline ? { baseline: r.baseline } : {}),
    forecast: r.forecast,
    ...(r.notCounted ? { notCounted: { ...r.notCounted, words: notCountedWords(r.notCounted) } } : {}),
  };
}

export function presentSummary(rows: readonly CoreRow[], p: Presentation): { vi: string; en: string } {
  const items = rows
    .filter((r) => r.notCounted === undefined)
    .map((r) => ({ status: r.status, phase: r.phase, restsOnEstimate: r.actual.estimate }));
  return {
    vi: planSummaryLine(items, { exceededAs: p.exceededAs, locale: 'vi', vocabulary: p.vocabulary }),
    en: planSummaryLine(items, { exceededAs: p.exceededAs, locale: 'en' }),
  };
}

export type { PlanCounts };
