// The checks every figure passes before it is stored, whatever the door (API, CLI, dataset or Excel import): what
// cannot be right is refused naming the field, what is merely surprising is flagged for an explicit confirmation.
// Pure: the service loads the indicator, its targets and its history, and calls checkFigure().
import { Decimal } from '../decimal.ts';
import type { FieldIssue, Messages } from '../errors.ts';
import { observationWindow } from '../evaluation/prepare.ts';
import { parsePeriod, type Period } from '../periods/period.ts';
import type { TargetKind, TargetSpec } from '../targets/target.ts';
import type { FigureText } from './figure-text.ts';

export type Measure = 'level' | 'growth_rate' | 'flow' | 'rank' | 'share' | 'count' | 'done';

/**
 * What an indicator declares about its figures (indicators.figure_rules; `figureRules` in a dataset file). Every
 * field is optional: without it the measure's own rule applies (a share lies in 0–100, a count is a whole number ≥ 0).
 */
export interface FigureRules {
  /** Hard range: a figure outside is refused (an index on 0–1; a share that may exceed 100 declares its max). */
  min?: string;
  max?: string;
  /** Plausible range: a figure outside is accepted only with a confirmation and a reason. */
  plausibleMin?: string;
  plausibleMax?: string;
  /** Most digits after the decimal point the source publishes. */
  decimals?: number;
}

export interface FigureCheckInput {
  figure: FigureText;
  period: string;
  /** Publication date YYYY-MM-DD of the document the figure comes from, when the door asks for one. */
  publishedOn?: string | null;
  /** Today, YYYY-MM-DD: a publication date after it is refused. */
  today: string;
  indicator: { measure: Measure; rules: FigureRules };
  targets: readonly TargetSpec[];
  /** The indicator's other figures for the same unit (approved, numeric), to judge plausibility against. */
  history: readonly { period: string; value: string }[];
}

export interface PlausibilityFlag {
  code: 'outside_plausible_range' | 'far_from_history';
  field: string;
  value: string;
  messages: Messages;
}

export interface FigureCheckResult {
  issues: FieldIssue[];
  flags: PlausibilityFlag[];
  /** The value(s) the figure allows, canonical: one for a value, both ends for a range, the share of a count. */
  judged: string[];
}

/** Without a declared precision a figure keeps at most this many decimals; no statistic is published finer. */
export const DEFAULT_DECIMALS = 6;
/** Significant digits beyond which a number is a typing accident, not a statistic (a 32-digit "value"). */
export const MAX_SIGNIFICANT_DIGITS = 15;
/** Growth rates outside this band (%/year) happen, but rarely enough to ask the person entering them to confirm. */
export const DEFAULT_GROWTH_PLAUSIBLE = { min: '-30', max: '50' } as const;
/** A level or flow more than this many times its previous figure (or less than its inverse) asks for a confirmation. */
export const HISTORY_FACTOR = 10;

/** The measures each target kind can be judged on (what evaluation/kinds read); anything else needs a conversion. */
export const MEASURES_FOR_KIND: Record<TargetKind, readonly Measure[]> = {
  growth_average: ['growth_rate', 'level'],
  level_at_end: ['level', 'share', 'flow', 'count'],
  range_at_end: ['level', 'share', 'flow'],
  threshold: ['level', 'share', 'growth_rate', 'count', 'flow'],
  cumulative: ['flow', 'count'],
  // What the yearly average reads (kinds/yearly-flow.ts): a level figure would pass here and then be skipped, leaving
  // the target "no figures" with five years stored (a test keeps this table and the engine in step).
  yearly_flow: ['flow', 'count', 'share'],
  units_meeting_standard: ['share', 'count', 'level'],
  rank: ['rank'],
  multiple_of_baseline: ['count', 'flow', 'level'],
  milestone: ['done'],
  term_average: ['share', 'level', 'count'],
  benchmark: ['level', 'share', 'growth_rate', 'count', 'flow'],
};

/**
 * What a new indicator measures when all we know is its target's kind (a plan accepted from a draft): a level where a
 * level can be judged, else the first measure the kind reads ("tổng giai đoạn" sums flows, a rank is a rank, a
 * milestone is done or not).
 */
export function measureForKind(kind: TargetKind, unit = ''): Measure {
  // A yearly target's evaluation averages flows (or shares, "3 %/năm"): a level or count figure would be skipped.
  if (kind === 'yearly_flow') return unit.startsWith('%') ? 'share' : 'flow';
  const fits = MEASURES_FOR_KIND[kind];
  return fits.includes('level') ? 'level' : (fits[0] ?? 'level');
}

const MEASURE_WORDS: Record<Measure, Messages> = {
  level: { vi: 'mức (giá trị tại một thời điểm)', en: 'a level' },
  growth_rate: { vi: 'tốc độ tăng (%/năm)', en: 'a yearly growth rate (%)' },
  flow: { vi: 'lượng phát sinh trong kỳ', en: 'a flow over the period' },
  rank: { vi: 'thứ hạng', en: 'a rank' },
  share: { vi: 'tỷ lệ (%)', en: 'a share (%)' },
  count: { vi: 'số lượng', en: 'a count' },
  done: { vi: 'hoàn thành / chưa (1 hoặc 0)', en: 'done / not done (1 or 0)' },
};

/** A target as far as the measures it reads depend on it: its kind, and a multiple's comparison. */
export type MeasuredTarget = { kind: TargetKind; compare?: string };

/**
 * The measures a target's evaluation reads: its kind's, less the level for a multiple compared on its term total
 * (a sum of flows; levels are not summed).
 */
export function measuresRead(target: TargetKind | MeasuredTarget): readonly Measure[] {
  const t = typeof target === 'string' ? { kind: target } : target;
  const fits = MEASURES_FOR_KIND[t.kind];
  return t.kind === 'multiple_of_baseline' && t.compare === 'term_total' ? fits.filter((m) => m !== 'level') : fits;
}

/**
 * Why an indicator measuring `measure` cannot carry this target (or a target of this kind), with the conversion it
 * would need; null if it fits.
 */
export function measureMisfit(target: TargetKind | MeasuredTarget, measure: Measure): Messages | null {
  const kind = typeof target === 'string' ? target : target.kind;
  const fits = measuresRead(target);
  if (fits.includes(measure)) return null;
  const want = {
    vi: fits.map((m) => MEASURE_WORDS[m].vi).join(' hoặc '),
    en: fits.map((m) => MEASURE_WORDS[m].en).join(' or '),
  };
  return {
    vi: `chỉ tiêu đo ${MEASURE_WORDS[measure].vi} không đánh giá được mục tiêu loại ${kind}; cần quy đổi số liệu sang ${want.vi}`,
    en: `an indicator measuring ${MEASURE_WORDS[measure].en} cannot be judged against a ${kind} target; convert its figures to ${want.en}`,
  };
}

const issue = (path: string, vi: string, en: string): FieldIssue => ({ path, reason: { vi, en } });
const viNum = (d: Decimal): string => d.toFixed().replace('.', ',');

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function significantDigits(text: string): number {
  return text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
}

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function checkPublishedOn(input: FigureCheckInput, out: FieldIssue[]): void {
  const p = input.publishedOn;
  if (p === undefined || p === null) return;
  if (!isCalendarDate(p)) {
    out.push(
      issue(
        'publishedOn',
        `ngày công bố "${p}" không tồn tại hoặc không đúng dạng YYYY-MM-DD`,
        `publication date "${p}" does not exist or is not YYYY-MM-DD`,
      ),
    );
  } else if (p > input.today) {
    out.push(
      issue(
        'publishedOn',
        `ngày công bố ${p} ở tương lai (hôm nay là ${input.today})`,
        `publication date ${p} is in the future (today is ${input.today})`,
      ),
    );
  }
}

function checkPeriod(input: FigureCheckInput, out: FieldIssue[]): Period | null {
  let period: Period;
  try {
    period = parsePeriod(input.period);
  } catch {
    out.push(
      issue(
        'period',
        `kỳ "${input.period}" không hợp lệ (ví dụ 2025, 2021-2025, 2026-Q1, 2026-H1, 2026-9M, 2026-M03)`,
        `period "${input.period}" is invalid (e.g. 2025, 2021-2025, 2026-Q1, 2026-H1, 2026-9M, 2026-M03)`,
      ),
    );
    return null;
  }
  if (input.targets.length === 0) return period;
  const end = period.kind === 'span' ? period.endYear : period.year;
  const windows = input.targets.map((t) => observationWindow(t));
  if (windows.some((w) => period.year >= w.from && end <= w.to)) return period;
  const from = Math.min(...windows.map((w) => w.from));
  const to = Math.max(...windows.map((w) => w.to));
  out.push(
    issue(
      'period',
      `kỳ ${input.period} nằm ngoài giai đoạn mục tiêu đọc số liệu (${from}–${to}: nhiệm kỳ và kỳ gốc đã khai báo)`,
      `period ${input.period} lies outside what the targets read (${from}–${to}: the term and its declared baselines)`,
    ),
  );
  return period;
}

/** The numbers the figure stands for, in the indicator's measure, or issues when its form does not fit the measure. */
function valuesOf(input: FigureCheckInput, out: FieldIssue[]): string[] {
  const f = input.figure;
  const measure = input.indicator.measure;
  switch (f.form) {
    case 'value':
      return [f.value];
    case 'bound':
      return [f.value];
    case 'range':
      if (new Decimal(f.min).gt(new Decimal(f.max))) {
        out.push(
          issue(
            'value',
            `khoảng ${f.min}–${f.max} có cận dưới lớn hơn cận trên`,
            `range ${f.min}–${f.max} has its lower end above its upper end`,
          ),
        );
      }
      return [f.min, f.max];
    case 'count_of': {
      const count = new Decimal(f.count);
      const of = new Decimal(f.of);
      if (of.isZero() || count.gt(of)) {
        out.push(
          issue(
            'value',
            `${f.count}/${f.of}: số đơn vị đạt phải từ 0 đến tổng số, và tổng số phải lớn hơn 0`,
            `${f.count}/${f.of}: the count must lie between 0 and the total, and the total must be above 0`,
          ),
        );
        return [];
      }
      if (measure === 'count') return [f.count];
      if (measure !== 'share') {
        const share = count.div(of).times(100).toDecimalPlaces(2);
        out.push(
          issue(
            'value',
            `số trên tổng số (${f.count}/${f.of}) chỉ dùng cho chỉ tiêu tỷ lệ hoặc số lượng đơn vị; chỉ tiêu này đo ${MEASURE_WORDS[measure].vi} (quy đổi: ${f.count}/${f.of} = ${viNum(share)} %)`,
            `a count of a total (${f.count}/${f.of}) fits only share or count indicators; this one measures ${MEASURE_WORDS[measure].en} (as a share: ${share.toFixed()} %)`,
          ),
        );
        return [];
      }
      return [shareOf(f.count, f.of)];
    }
  }
}

/** count/of as a percentage, exact when it terminates within 10 decimals, else rounded there (beyond any target's precision). */
export function shareOf(count: string, of: string): string {
  return new Decimal(count).div(new Decimal(of)).times(100).toDecimalPlaces(10).toFixed();
}

function checkDigits(input: FigureCheckInput, out: FieldIssue[]): void {
  const f = input.figure;
  const written = f.form === 'range' ? [f.min, f.max] : f.form === 'count_of' ? [f.count, f.of] : [f.value];
  const maxDecimals = input.indicator.rules.decimals ?? DEFAULT_DECIMALS;
  for (const w of written) {
    if (significantDigits(w) > MAX_SIGNIFICANT_DIGITS) {
      out.push(
        issue(
          'value',
          `${w} có ${significantDigits(w)} chữ số, vượt quá ${MAX_SIGNIFICANT_DIGITS} chữ số có nghĩa của một số liệu thống kê`,
          `${w} has ${significantDigits(w)} digits, more than the ${MAX_SIGNIFICANT_DIGITS} significant digits of any statistic`,
        ),
      );
    } else if (decimalsOf(w) > maxDecimals) {
      out.push(
        issue(
          'value',
          `${w} có ${decimalsOf(w)} chữ số thập phân, chỉ tiêu công bố tối đa ${maxDecimals}`,
          `${w} has ${decimalsOf(w)} decimals; the indicator publishes at most ${maxDecimals}`,
        ),
      );
    }
  }
}

interface HardRange {
  min?: Decimal;
  max?: Decimal;
  integer: boolean;
  why: Messages;
}

function hardRange(measure: Measure, rules: FigureRules): HardRange {
  const declared = (d: string | undefined): Decimal | undefined => (d === undefined ? undefined : new Decimal(d));
  const min = declared(rules.min);
  const max = declared(rules.max);
  const declaredWhy = { vi: 'khoảng chỉ tiêu khai báo', en: 'the range the indicator declares' };
  switch (measure) {
    case 'share':
      return {
        min: min ?? new Decimal(0),
        max: max ?? new Decimal(100),
        integer: false,
        why: rules.min !== undefined || rules.max !== undefined ? declaredWhy : { vi: 'tỷ lệ %', en: 'a share in %' },
      };
    case 'count':
      return { min: min ?? new Decimal(0), max, integer: true, why: { vi: 'số lượng', en: 'a count' } };
    case 'rank':
      return { min: min ?? new Decimal(1), max, integer: true, why: { vi: 'thứ hạng', en: 'a rank' } };
    case 'done':
      return { min: new Decimal(0), max: new Decimal(1), integer: true, why: MEASURE_WORDS.done };
    case 'growth_rate':
      // A level cannot fall by more than all of it.
      return {
        min: min ?? new Decimal(-100),
        max,
        integer: false,
        why: min !== undefined || max !== undefined ? declaredWhy : { vi: 'tốc độ tăng', en: 'a growth rate' },
      };
    case 'level':
    case 'flow':
      return { min, max, integer: false, why: declaredWhy };
  }
}

function checkRange(input: FigureCheckInput, values: string[], out: FieldIssue[]): void {
  const r = hardRange(input.indicator.measure, input.indicator.rules);
  for (const v of values) {
    const d = new Decimal(v);
    if (r.integer && !d.isInteger()) {
      out.push(issue('value', `${r.why.vi} phải là số nguyên, không phải ${v}`, `${r.why.en} must be whole, not ${v}`));
      continue;
    }
    if ((r.min && d.lt(r.min)) || (r.max && d.gt(r.max))) {
      const span = `${r.min ? viNum(r.min) : '−∞'}–${r.max ? viNum(r.max) : '+∞'}`;
      const spanEn = `${r.min ? r.min.toFixed() : '−∞'} to ${r.max ? r.max.toFixed() : '+∞'}`;
      out.push(issue('value', `${v} nằm ngoài ${span} của ${r.why.vi}`, `${v} lies outside ${spanEn}, ${r.why.en}`));
    }
  }
}

/** A bound ("> 100" on a share) that no value of the measure's range can satisfy. */
function checkBound(input: FigureCheckInput, out: FieldIssue[]): void {
  const f = input.figure;
  if (f.form !== 'bound') return;
  const r = hardRange(input.indicator.measure, input.indicator.rules);
  const v = new Decimal(f.value);
  const empty =
    (r.max !== undefined && ((f.op === '>' && v.gte(r.max)) || (f.op === '>=' && v.gt(r.max)))) ||
    (r.min !== undefined && ((f.op === '<' && v.lte(r.min)) || (f.op === '<=' && v.lt(r.min))));
  if (empty)
    out.push(
      issue(
        'value',
        `không giá trị nào của ${r.why.vi} thỏa "${f.op} ${viNum(v)}"`,
        `no value of ${r.why.en} satisfies "${f.op} ${f.value}"`,
      ),
    );
}

function yearOf(code: string): number | null {
  try {
    const p = parsePeriod(code);
    return p.kind === 'span' ? p.endYear : p.year;
  } catch {
    return null;
  }
}

function plausibility(input: FigureCheckInput, values: string[], period: Period | null): PlausibilityFlag[] {
  const flags: PlausibilityFlag[] = [];
  const { measure, rules } = input.indicator;
  const lo = rules.plausibleMin ?? (measure === 'growth_rate' ? DEFAULT_GROWTH_PLAUSIBLE.min : undefined);
  const hi = rules.plausibleMax ?? (measure === 'growth_rate' ? DEFAULT_GROWTH_PLAUSIBLE.max : undefined);
  for (const v of values) {
    const d = new Decimal(v);
    if ((lo !== undefined && d.lt(lo)) || (hi !== undefined && d.gt(hi))) {
      flags.push({
        code: 'outside_plausible_range',
        field: 'value',
        value: v,
        messages: {
          vi: `${viNum(d)} nằm ngoài khoảng hợp lý ${lo ?? '−∞'}–${hi ?? '+∞'} của chỉ tiêu; cần xác nhận và nêu lý do`,
          en: `${v} lies outside the indicator's plausible range ${lo ?? '−∞'} to ${hi ?? '+∞'}; confirm it and give a reason`,
        },
      });
    }
  }
  // Against its own history: the nearest earlier figure of a level, flow or count (a growth rate has its band above).
  if (period === null || !['level', 'flow', 'count'].includes(measure) || flags.length > 0) return flags;
  const year = period.kind === 'span' ? period.endYear : period.year;
  const previous = input.history
    .map((h) => ({ ...h, year: yearOf(h.period) }))
    .filter((h): h is { period: string; value: string; year: number } => h.year !== null && h.year < year)
    .sort((a, b) => b.year - a.year)[0];
  if (!previous) return flags;
  const base = new Decimal(previous.value);
  if (base.lte(0)) return flags;
  for (const v of values) {
    const d = new Decimal(v);
    if (d.gt(base.times(HISTORY_FACTOR)) || d.lt(base.div(HISTORY_FACTOR))) {
      flags.push({
        code: 'far_from_history',
        field: 'value',
        value: v,
        messages: {
          vi: `${viNum(d)} khác quá ${HISTORY_FACTOR} lần số liệu kỳ ${previous.period} (${viNum(base)}); cần xác nhận và nêu lý do`,
          en: `${v} is more than ${HISTORY_FACTOR} times away from the ${previous.period} figure (${previous.value}); confirm it and give a reason`,
        },
      });
    }
  }
  return flags;
}

/** Every check on one figure: the refusals (issues, each naming its field) and the flags that need a confirmation. */
export function checkFigure(input: FigureCheckInput): FigureCheckResult {
  const issues: FieldIssue[] = [];
  checkPublishedOn(input, issues);
  const period = checkPeriod(input, issues);
  for (const t of input.targets) {
    const misfit = measureMisfit(t, input.indicator.measure);
    if (misfit) issues.push({ path: 'measure', reason: misfit });
  }
  const before = issues.length;
  checkDigits(input, issues);
  const values = issues.length > before ? [] : valuesOf(input, issues);
  if (input.indicator.measure === 'done' && input.figure.form !== 'value')
    issues.push(
      issue('value', 'một mốc chỉ ghi 1 (xong) hoặc 0 (chưa)', 'a milestone takes 1 (done) or 0 (not done) only'),
    );
  checkRange(input, values, issues);
  if (issues.length === before) checkBound(input, issues);
  return { issues, flags: issues.length > 0 ? [] : plausibility(input, values, period), judged: values };
}
