// The overview's rows derived from the plan's evaluation (its list rows) and its indicators: display only, no verdict is computed
// here (status, required pace and explanation come from the API as they are).
import { matches } from '../fold.ts';
import type { Locale } from '../i18n/messages.ts';
import { isPrinted, STATUS_SEVERITY, type PrintedStatus, type RowKind } from '../vocabulary.ts';
import type { EvaluationListRow, IndicatorItem } from './queries.ts';
import { targetTextOf } from './target-text.ts';

export interface OverviewRow {
  targetId: string;
  code: string;
  name: string;
  status: PrintedStatus;
  statusText: string;
  kind: RowKind;
  group: string | null;
  agency: string | null;
  /** Canonical decimal or null when the figure is missing. */
  latest: string | null;
  latestPeriod: string | null;
  estimate: boolean;
  unit: string;
  targetText: string;
  /** Pace needed in the remaining years (canonical decimal), with its kind; null when nothing is required. */
  paceNeeded: { kind: 'average_rate' | 'yearly_flow' | 'yearly_change' | 'done'; value: string } | null;
  /** Pace achieved so far, where the kind has one (an average rate or a yearly average). */
  paceAchieved: string | null;
  dataDate: string | null;
  explanation: string;
  parent: string | null;
  /** A parent judged from its sub-indicators: how many of how many reached their targets (its "latest value"). */
  composite: { reached: string; of: string } | null;
  /** P(met at the term's end) while the term runs, or why there is none; null for a decided target. */
  forecast: { pMet: number; sentence: string } | { unavailable: string; code: string } | null;
  /** Why the row is shown but not counted (a draft, another scope, a parallel target), in words; null when it counts. */
  notCounted: string | null;
}

function forecastOf(r: EvaluationListRow, locale: Locale): OverviewRow['forecast'] {
  const f = r.forecast;
  if (!f) return null;
  if ('unavailable' in f) return { unavailable: f.unavailable[locale], code: f.unavailable.code };
  return { pMet: f.pMet, sentence: f.sentence[locale] };
}

function compositeOf(r: EvaluationListRow): OverviewRow['composite'] {
  if (!r.composite) return null;
  const reached = r.intermediates.childrenReached;
  const of = r.method?.parameters.children;
  return typeof reached === 'string' && (typeof of === 'number' || typeof of === 'string')
    ? { reached, of: String(of) }
    : null;
}

/** Where a kind's achieved pace sits among the evaluation's figures; kinds without a pace have none. */
function paceAchieved(row: EvaluationListRow): string | null {
  const i = row.intermediates;
  switch (row.target.kind) {
    case 'growth_average':
      return i.averageExact ?? null;
    case 'yearly_flow':
      // The evaluation's actual figure of a flow is already its yearly average over the years with figures.
      return row.actual.value;
    default:
      return null;
  }
}

function newestDate(row: EvaluationListRow): string | null {
  let best: string | null = null;
  for (const v of row.inputs) if (v.publishedOn && (best === null || v.publishedOn > best)) best = v.publishedOn;
  return best;
}

export function overviewRows(rows: readonly EvaluationListRow[], indicators: readonly IndicatorItem[], locale: Locale) {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  return rows.map((r): OverviewRow => {
    const ind = byCode.get(r.indicator.code);
    const status: PrintedStatus = isPrinted(r.status) ? r.status : 'no_data';
    return {
      targetId: r.targetId,
      code: r.indicator.code,
      name: r.indicator.name,
      status,
      statusText: r.displayStatus?.[locale] ?? '',
      kind: (r.composite ? 'composite' : r.target.kind) as RowKind,
      group: ind?.group ?? null,
      agency: ind?.agency ?? null,
      latest: r.actual.value,
      latestPeriod: r.actual.period,
      estimate: r.actual.estimate,
      unit: r.indicator.unit,
      targetText: targetTextOf(r, locale),
      paceNeeded: r.required ? { kind: r.required.kind, value: r.required.value } : null,
      paceAchieved: paceAchieved(r),
      dataDate: newestDate(r),
      explanation: r.explanation[locale],
      parent: r.indicator.parent,
      composite: compositeOf(r),
      forecast: forecastOf(r, locale),
      notCounted: r.notCounted ? r.notCounted.words[locale] : null,
    };
  });
}

export type SortColumn =
  | 'status'
  | 'indicator'
  | 'latest'
  | 'target'
  | 'paceNeeded'
  | 'paceAchieved'
  | 'agency'
  | 'dataDate'
  | 'explanation'
  | 'forecast';

export const SORT_COLUMNS: readonly SortColumn[] = [
  'status',
  'indicator',
  'latest',
  'target',
  'paceNeeded',
  'paceAchieved',
  'agency',
  'dataDate',
  'explanation',
  'forecast',
];

const collator = new Intl.Collator('vi', { numeric: true });

/** Missing values sort last in either direction: a gap is never read as the smallest number. */
function compareMaybe<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, desc: boolean): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return desc ? -cmp(a, b) : cmp(a, b);
}

const pOf = (r: OverviewRow): number | null => (r.forecast && 'pMet' in r.forecast ? r.forecast.pMet : null);
const byNumber = (x: string, y: string) => Number(x) - Number(y);
const byText = (x: string, y: string) => collator.compare(x, y);

export function sortRows(rows: OverviewRow[], column: SortColumn, desc: boolean): OverviewRow[] {
  const cmp = (a: OverviewRow, b: OverviewRow): number => {
    switch (column) {
      case 'status':
        return (desc ? -1 : 1) * (STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status]) || byText(a.code, b.code);
      case 'indicator':
        return (desc ? -1 : 1) * collator.compare(a.code, b.code);
      case 'latest':
        return compareMaybe(a.latest, b.latest, byNumber, desc);
      case 'target':
        return (desc ? -1 : 1) * byText(a.targetText, b.targetText);
      case 'paceNeeded':
        return compareMaybe(a.paceNeeded?.value ?? null, b.paceNeeded?.value ?? null, byNumber, desc);
      case 'paceAchieved':
        return compareMaybe(a.paceAchieved, b.paceAchieved, byNumber, desc);
      case 'agency':
        return compareMaybe(a.agency, b.agency, byText, desc);
      case 'dataDate':
        return compareMaybe(a.dataDate, b.dataDate, byText, desc);
      case 'explanation':
        return (desc ? -1 : 1) * byText(a.explanation, b.explanation);
      case 'forecast':
        return compareMaybe(pOf(a), pOf(b), (x, y) => x - y, desc);
    }
  };
  return [...rows].sort(cmp);
}

export interface OverviewFilter {
  status?: string;
  group?: string;
  agency?: string;
  kind?: string;
  q?: string;
}

export function filterRows(rows: readonly OverviewRow[], f: OverviewFilter): OverviewRow[] {
  return rows.filter(
    (r) =>
      (!f.status || r.status === f.status) &&
      (!f.group || (r.group ?? '') === f.group) &&
      (!f.agency || (r.agency ?? '') === f.agency) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.q || matches(`${r.code} ${r.name} ${r.targetText}`, f.q)),
  );
}
