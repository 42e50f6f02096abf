// Aggregates the children's figures for one period into the parent's figure with the indicator's declared
// method, keeping every input, the formula and the reason when the result is incomplete or refused.
import { Decimal, parseDecimal, toCanonical } from '../decimal.ts';
import { MixedPriceBasis, ValidationError } from '../errors.ts';
import { formatNumber } from '../format/number.ts';
import { priceBasisLabel, toBasis, type Conversion } from '../price-basis.ts';
import type { ObservationStatus, PriceBasis } from '../targets/target.ts';
import { indicatorsOf, methodName, validateMethod, type AggregationMethod, type InputRole } from './method.ts';

type Locale = 'vi' | 'en';
export interface Bilingual {
  vi: string;
  en: string;
}

/** Where a figure is written: a line of the source document, or a titled publication. */
export interface FigureSource {
  line?: number;
  lineEnd?: number;
  title?: string;
}

/** One unit's figure of one indicator for one period, as entered or imported (decimal text, or null if none). */
export interface UnitFigure {
  indicator: string;
  unit: string;
  period: string;
  value: string | null;
  priceBasis?: PriceBasis;
  /** Estimate (ước), preliminary (sơ bộ) or official: the aggregate is no firmer than its weakest input. */
  status?: ObservationStatus;
  source?: FigureSource;
}

export interface AggregationRequest {
  method: AggregationMethod;
  period: string;
  /** The period growth is measured from (growth_of_aggregate); defaults to the year before a yearly period. */
  basePeriod?: string;
  /** The codes of the units that make up the parent, every one of which must have its figures. */
  children: readonly string[];
  figures: readonly UnitFigure[];
  /** Recorded, sourced conversions between price bases; without one, mixed bases are refused. */
  conversions?: readonly Conversion[];
}

/** One input of the calculation, on the basis it was combined at (with the original when it was converted). */
export interface AggregationInput {
  unit: string;
  role: InputRole;
  indicator: string;
  period: string;
  value: string;
  priceBasis: PriceBasis;
  converted?: { value: string; from: PriceBasis; factor: string; source: string };
  status?: ObservationStatus;
  source?: FigureSource;
}

export interface MissingInput {
  unit: string;
  role: InputRole;
  indicator: string;
  period: string;
}

export type RefusalCode =
  | 'not_aggregable'
  | 'mixed_price_basis'
  | 'negative_weight'
  | 'zero_total_weight'
  | 'zero_denominator'
  | 'zero_base_level';

export interface Refusal extends Bilingual {
  code: RefusalCode;
}

export type ConsolidationStatus = 'complete' | 'incomplete' | 'refused';

export interface Consolidation {
  method: AggregationMethod;
  period: string;
  basePeriod?: string;
  status: ConsolidationStatus;
  /** Exact decimal text when complete, else null: an aggregate of some of the units is never given as the whole. */
  value: string | null;
  priceBasis: PriceBasis | null;
  inputs: AggregationInput[];
  missing: MissingInput[];
  refusal: Refusal | null;
  /** Facts the reader must see though they do not stop the calculation (a zero weight). */
  notes: Array<Bilingual & { unit: string }>;
  /** Units meeting the standard and not, for count_meeting and share_meeting. */
  meeting?: { met: string[]; notMet: string[] };
  /** The method's formula in symbols. */
  formula: Bilingual;
  /** The calculation in words and vi-VN / en numbers, or why there is none. */
  explanation: Bilingual;
}

/** Each method's formula, as the calculation shows it (also on a result computed from totals, totals.ts). */
export const FORMULAS: Record<AggregationMethod['kind'], Bilingual> = {
  sum: { vi: 'Y = Σ xᵢ', en: 'Y = Σ xᵢ' },
  weighted_mean: { vi: 'Y = Σ (xᵢ × wᵢ) / Σ wᵢ', en: 'Y = Σ (xᵢ × wᵢ) / Σ wᵢ' },
  per_capita: { vi: 'Y = Σ tử sốᵢ / Σ mẫu sốᵢ × k', en: 'Y = Σ numeratorᵢ / Σ denominatorᵢ × k' },
  growth_of_aggregate: {
    vi: 'Y = (Σ mứcᵢ(t) / Σ mứcᵢ(gốc) − 1) × 100',
    en: 'Y = (Σ levelᵢ(t) / Σ levelᵢ(base) − 1) × 100',
  },
  count_meeting: { vi: 'Y = số đơn vị i có xᵢ đạt chuẩn', en: 'Y = number of units i whose xᵢ meets the standard' },
  share_meeting: {
    vi: 'Y = số đơn vị đạt chuẩn / tổng số đơn vị × 100',
    en: 'Y = units meeting the standard / all units × 100',
  },
  not_aggregable: { vi: 'Không có công thức tổng hợp', en: 'No aggregation formula' },
};

const OPS: Record<'gte' | 'gt' | 'lte' | 'lt' | 'eq', string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** A number for people: exact when short, else rounded to 4 decimals (the exact text is in `value`). */
function show(d: Decimal, locale: Locale): string {
  return formatNumber(d.decimalPlaces() <= 6 ? d : d.toDecimalPlaces(4), { locale });
}

/** "= 17,5", or "≈ 66,6667" when the shown number is rounded. */
function equals(d: Decimal, locale: Locale): string {
  return `${d.decimalPlaces() <= 6 ? '=' : '≈'} ${show(d, locale)}`;
}

function previousYear(period: string): string | undefined {
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : undefined;
}

function periodOf(role: InputRole, request: AggregationRequest): string | undefined {
  return role === 'base_level' ? (request.basePeriod ?? previousYear(request.period)) : request.period;
}

function checkRequest(request: AggregationRequest): void {
  validateMethod(request.method);
  const seen = new Set<string>();
  request.children.forEach((code, i) => {
    if (seen.has(code) || code.trim() === '') {
      throw new ValidationError(
        {
          vi: `Đơn vị thành phần "${code}" bị trùng hoặc để trống`,
          en: `Child unit "${code}" is repeated or empty`,
        },
        [{ path: `/children/${i}`, reason: { vi: 'Mã đơn vị trùng hoặc trống', en: 'Repeated or empty unit code' } }],
        'invalid_aggregation_request',
      );
    }
    seen.add(code);
  });
  if (request.children.length === 0) {
    throw new ValidationError(
      { vi: 'Cần ít nhất một đơn vị thành phần', en: 'At least one child unit is needed' },
      [{ path: '/children', reason: { vi: 'Danh sách trống', en: 'Empty list' } }],
      'invalid_aggregation_request',
    );
  }
  if (request.method.kind === 'growth_of_aggregate' && periodOf('base_level', request) === undefined) {
    throw new ValidationError(
      {
        vi: `Cần kỳ gốc để tính tốc độ tăng của kỳ ${request.period}`,
        en: `Growth over ${request.period} needs a base period`,
      },
      [{ path: '/basePeriod', reason: { vi: 'Thiếu kỳ gốc', en: 'Missing base period' } }],
      'invalid_aggregation_request',
    );
  }
}

interface Gathered {
  inputs: Array<AggregationInput & { original: Decimal }>;
  missing: MissingInput[];
}

function gather(request: AggregationRequest): Gathered {
  const inputs: Gathered['inputs'] = [];
  const missing: MissingInput[] = [];
  // One pass over the figures, indexed by (indicator, unit, period): linear in the figures, not figures × units.
  const bySlot = new Map<string, Array<{ f: UnitFigure; index: number }>>();
  request.figures.forEach((f, index) => {
    const key = `${f.indicator}\u0000${f.unit}\u0000${f.period}`;
    const list = bySlot.get(key);
    if (list === undefined) bySlot.set(key, [{ f, index }]);
    else list.push({ f, index });
  });
  for (const { role, indicator } of indicatorsOf(request.method)) {
    const period = periodOf(role, request) ?? request.period;
    for (const unit of request.children) {
      const found = bySlot.get(`${indicator}\u0000${unit}\u0000${period}`) ?? [];
      if (found.length > 1) {
        throw new ValidationError(
          {
            vi: `Chỉ tiêu ${indicator} kỳ ${period} của đơn vị ${unit} có ${found.length} số liệu; cần đúng một`,
            en: `Indicator ${indicator} for ${period} of unit ${unit} has ${found.length} figures; exactly one is needed`,
          },
          found.map(({ index }) => ({
            path: `/figures/${index}`,
            reason: { vi: 'Số liệu trùng', en: 'Duplicate figure' },
          })),
          'duplicate_figure',
        );
      }
      const hit = found[0];
      if (hit === undefined || hit.f.value === null) {
        missing.push({ unit, role, indicator, period });
        continue;
      }
      const value = parseDecimal(hit.f.value, `figures/${hit.index}/value`);
      inputs.push({
        unit,
        role,
        indicator,
        period,
        value: toCanonical(value),
        original: value,
        priceBasis: hit.f.priceBasis ?? 'none',
        ...(hit.f.status === undefined ? {} : { status: hit.f.status }),
        ...(hit.f.source === undefined ? {} : { source: hit.f.source }),
      });
    }
  }
  return { inputs, missing };
}

/** The roles whose values must share one price basis before they are combined. */
function basisGroups(method: AggregationMethod): InputRole[][] {
  switch (method.kind) {
    case 'weighted_mean':
      return [['value'], ['weight']];
    case 'per_capita':
      return [['numerator'], ['denominator']];
    case 'growth_of_aggregate':
      return [['base_level', 'level']];
    default:
      return [['value']];
  }
}

function declaredBasis(method: AggregationMethod, roles: InputRole[]): PriceBasis | undefined {
  if (!('priceBasis' in method) || method.priceBasis === undefined) return undefined;
  // The declared basis is that of the money series: the sum, the weight, the numerator, the levels.
  const money: InputRole =
    method.kind === 'weighted_mean'
      ? 'weight'
      : method.kind === 'per_capita'
        ? 'numerator'
        : method.kind === 'growth_of_aggregate'
          ? 'level'
          : 'value';
  return roles.includes(money) ? method.priceBasis : undefined;
}

/** Brings each group onto one basis with the recorded conversions; returns the refusal when one is missing. */
function alignBases(
  request: AggregationRequest,
  inputs: Gathered['inputs'],
): { refusal: Refusal | null; basis: PriceBasis | null } {
  let resultBasis: PriceBasis | null = null;
  for (const roles of basisGroups(request.method)) {
    const group = inputs.filter((i) => roles.includes(i.role));
    const target = declaredBasis(request.method, roles) ?? group[0]?.priceBasis;
    if (target === undefined) continue;
    if (roles.includes('value') || roles.includes('numerator') || roles.includes('level')) resultBasis = target;
    try {
      const values = toBasis(
        group.map((i) => ({ value: i.original, priceBasis: i.priceBasis })),
        target,
        request.conversions ?? [],
      );
      group.forEach((input, k) => {
        const converted = values[k];
        if (converted === undefined || input.priceBasis === target) return;
        const conversion = (request.conversions ?? []).find((c) => c.from === input.priceBasis && c.to === target);
        input.converted = {
          value: input.value,
          from: input.priceBasis,
          factor: conversion?.factor ?? '',
          source: conversion?.source.title ?? '',
        };
        input.value = toCanonical(converted);
        input.original = converted;
        input.priceBasis = target;
      });
    } catch (error) {
      if (!(error instanceof MixedPriceBasis)) throw error;
      return { refusal: { code: 'mixed_price_basis', ...error.messages }, basis: null };
    }
  }
  return { refusal: null, basis: resultBasis };
}

function meets(value: Decimal, standard: { op: keyof typeof OPS; value: string }): boolean {
  const c = value.comparedTo(new Decimal(standard.value));
  switch (standard.op) {
    case 'gte':
      return c >= 0;
    case 'gt':
      return c > 0;
    case 'lte':
      return c <= 0;
    case 'lt':
      return c < 0;
    case 'eq':
      return c === 0;
  }
}

const sumOf = (ds: readonly Decimal[]): Decimal => ds.reduce((a, b) => a.plus(b), new Decimal(0));
const byRole = (inputs: Gathered['inputs'], role: InputRole): Gathered['inputs'] =>
  inputs.filter((i) => i.role === role);

function terms(inputs: Gathered['inputs'], locale: Locale): string {
  return inputs.map((i) => `${formatNumber(i.original, { locale })} (${i.unit})`).join(' + ');
}

function basisText(basis: PriceBasis | null, locale: Locale): string {
  return basis === null || basis === 'none' ? '' : ` (${priceBasisLabel(basis, locale)})`;
}

interface Computed {
  value: Decimal;
  calculation: Bilingual;
  notes: Consolidation['notes'];
  meeting?: { met: string[]; notMet: string[] };
}

function compute(
  request: AggregationRequest,
  inputs: Gathered['inputs'],
  basis: PriceBasis | null,
): Computed | Refusal {
  const method = request.method;
  const both = (f: (l: Locale) => string): Bilingual => ({ vi: f('vi'), en: f('en') });
  switch (method.kind) {
    case 'sum': {
      const value = sumOf(inputs.map((i) => i.original));
      return {
        value,
        notes: [],
        calculation: both((l) => `${terms(inputs, l)} ${equals(value, l)}${basisText(basis, l)}`),
      };
    }
    case 'weighted_mean': {
      const values = byRole(inputs, 'value');
      const weights = byRole(inputs, 'weight');
      const negative = weights.find((w) => w.original.isNegative() && !w.original.isZero());
      if (negative !== undefined) {
        return {
          code: 'negative_weight',
          vi: `Quyền số ${method.weight} của đơn vị ${negative.unit} âm (${formatNumber(negative.original)}): không thể tính bình quân gia quyền`,
          en: `Weight ${method.weight} of unit ${negative.unit} is negative (${formatNumber(negative.original, { locale: 'en' })}): no weighted mean`,
        };
      }
      const totalWeight = sumOf(weights.map((w) => w.original));
      if (totalWeight.isZero()) {
        return {
          code: 'zero_total_weight',
          vi: `Tổng quyền số ${method.weight} bằng 0: bình quân gia quyền không xác định`,
          en: `The weights ${method.weight} add up to 0: the weighted mean is undefined`,
        };
      }
      const weightOf = (unit: string): Decimal => weights.find((w) => w.unit === unit)?.original ?? new Decimal(0);
      const weighted = sumOf(values.map((v) => v.original.times(weightOf(v.unit))));
      const value = weighted.div(totalWeight);
      const notes = weights
        .filter((w) => w.original.isZero())
        .map((w) => ({
          unit: w.unit,
          vi: `Quyền số của đơn vị ${w.unit} bằng 0: giá trị của đơn vị này không góp vào bình quân`,
          en: `Unit ${w.unit} has weight 0: its value does not count in the mean`,
        }));
      const products = (l: Locale): string =>
        values
          .map((v) => `${formatNumber(v.original, { locale: l })} × ${formatNumber(weightOf(v.unit), { locale: l })}`)
          .join(' + ');
      return {
        value,
        notes,
        calculation: both(
          (l) =>
            `(${products(l)}) / (${weights.map((w) => formatNumber(w.original, { locale: l })).join(' + ')}) ${equals(value, l)}`,
        ),
      };
    }
    case 'per_capita': {
      const numerators = byRole(inputs, 'numerator');
      const denominators = byRole(inputs, 'denominator');
      const totalDenominator = sumOf(denominators.map((d) => d.original));
      if (totalDenominator.isZero()) {
        return {
          code: 'zero_denominator',
          vi: `Tổng mẫu số ${method.denominator} bằng 0: không chia được`,
          en: `The denominators ${method.denominator} add up to 0: cannot divide`,
        };
      }
      const scale = new Decimal(method.scale ?? '1');
      const totalNumerator = sumOf(numerators.map((n) => n.original));
      const value = totalNumerator.div(totalDenominator).times(scale);
      const scaleText = (l: Locale): string => (scale.eq(1) ? '' : ` × ${formatNumber(scale, { locale: l })}`);
      return {
        value,
        notes: [],
        calculation: both(
          (l) =>
            `(${terms(numerators, l)}) / (${terms(denominators, l)})${scaleText(l)} ${equals(value, l)}${basisText(basis, l)}`,
        ),
      };
    }
    case 'growth_of_aggregate': {
      const base = sumOf(byRole(inputs, 'base_level').map((i) => i.original));
      const current = sumOf(byRole(inputs, 'level').map((i) => i.original));
      if (base.isZero()) {
        return {
          code: 'zero_base_level',
          vi: `Tổng mức kỳ gốc ${periodOf('base_level', request) ?? ''} bằng 0: tốc độ tăng không xác định`,
          en: `The levels of the base period ${periodOf('base_level', request) ?? ''} add up to 0: growth is undefined`,
        };
      }
      const value = current.div(base).minus(1).times(100);
      return {
        value,
        notes: [],
        calculation: both(
          (l) =>
            `(${show(current, l)} / ${show(base, l)} − 1) × 100 ${equals(value, l)}%${basisText(basis, l)}; ` +
            (l === 'vi'
              ? `Σ mức ${periodOf('level', request) ?? ''} = ${terms(byRole(inputs, 'level'), l)}; Σ mức ${periodOf('base_level', request) ?? ''} = ${terms(byRole(inputs, 'base_level'), l)}`
              : `Σ levels ${periodOf('level', request) ?? ''} = ${terms(byRole(inputs, 'level'), l)}; Σ levels ${periodOf('base_level', request) ?? ''} = ${terms(byRole(inputs, 'base_level'), l)}`),
        ),
      };
    }
    case 'count_meeting':
    case 'share_meeting': {
      const met = inputs.filter((i) => meets(i.original, method.standard)).map((i) => i.unit);
      const notMet = inputs.filter((i) => !meets(i.original, method.standard)).map((i) => i.unit);
      const n = request.children.length;
      const value =
        method.kind === 'count_meeting' ? new Decimal(met.length) : new Decimal(met.length).div(n).times(100);
      const standard = `${OPS[method.standard.op]} ${method.standard.value}`;
      const list = (units: string[], l: Locale): string =>
        units.length === 0 ? (l === 'vi' ? 'không có' : 'none') : units.join(', ');
      return {
        value,
        notes: [],
        meeting: { met, notMet },
        calculation: both((l) =>
          l === 'vi'
            ? `${met.length}/${n} đơn vị đạt chuẩn (${standard})${method.kind === 'share_meeting' ? ` ${equals(value, l)}%` : ''}; đạt: ${list(met, l)}; chưa đạt: ${list(notMet, l)}`
            : `${met.length}/${n} units meet the standard (${standard})${method.kind === 'share_meeting' ? ` ${equals(value, l)}%` : ''}; met: ${list(met, l)}; not met: ${list(notMet, l)}`,
        ),
      };
    }
    case 'not_aggregable':
      return notAggregable(method.reason);
  }
}

function notAggregable(reason: 'rank' | 'index' | 'other'): Refusal {
  const what = {
    rank: { vi: 'một thứ hạng', en: 'a rank' },
    index: { vi: 'một chỉ số tổng hợp', en: 'a composite index' },
    other: { vi: 'một chỉ tiêu không cộng gộp', en: 'a non-additive indicator' },
  }[reason];
  return {
    code: 'not_aggregable',
    vi: `Chỉ tiêu là ${what.vi} của cả đơn vị: phải lấy số được công bố, không tính từ các đơn vị thành phần`,
    en: `The indicator is ${what.en} of the whole unit: it is taken as published, never computed from its parts`,
  };
}

function describeMissing(missing: readonly MissingInput[], locale: Locale): string {
  const byKey = new Map<string, string[]>();
  for (const m of missing) {
    const key = `${m.indicator}|${m.period}`;
    byKey.set(key, [...(byKey.get(key) ?? []), m.unit]);
  }
  return [...byKey]
    .map(([key, units]) => {
      const [indicator, period] = key.split('|');
      return locale === 'vi'
        ? `chỉ tiêu ${indicator} kỳ ${period} của đơn vị ${units.join(', ')}`
        : `indicator ${indicator} for ${period} of unit(s) ${units.join(', ')}`;
    })
    .join('; ');
}

/**
 * The parent's figure for one period. Complete only when every child has every input; incomplete lists what is
 * missing by unit code (no partial total); refused when the method cannot combine these inputs, with the reason.
 */
export function aggregate(request: AggregationRequest): Consolidation {
  checkRequest(request);
  const method = request.method;
  const basePeriod = method.kind === 'growth_of_aggregate' ? periodOf('base_level', request) : undefined;
  const header = (l: Locale): string =>
    l === 'vi'
      ? `Tổng hợp ${request.children.length} đơn vị (${request.children.join(', ')}) kỳ ${request.period} theo phương pháp ${methodName(method.kind, l)}`
      : `Aggregating ${request.children.length} unit(s) (${request.children.join(', ')}) for ${request.period} by ${methodName(method.kind, l)}`;
  const base = {
    method,
    period: request.period,
    ...(basePeriod === undefined ? {} : { basePeriod }),
    formula: FORMULAS[method.kind],
    notes: [] as Consolidation['notes'],
  };
  const refuse = (refusal: Refusal, inputs: AggregationInput[], missing: MissingInput[]): Consolidation => ({
    ...base,
    status: 'refused',
    value: null,
    priceBasis: null,
    inputs,
    missing,
    refusal,
    explanation: { vi: `${header('vi')}: từ chối. ${refusal.vi}.`, en: `${header('en')}: refused. ${refusal.en}.` },
  });
  if (method.kind === 'not_aggregable') return refuse(notAggregable(method.reason), [], []);

  const { inputs, missing } = gather(request);
  const shown = (): AggregationInput[] => inputs.map(({ original: _original, ...rest }) => rest);
  const aligned = alignBases(request, inputs);
  if (aligned.refusal !== null) return refuse(aligned.refusal, shown(), missing);
  if (missing.length > 0) {
    return {
      ...base,
      status: 'incomplete',
      value: null,
      priceBasis: aligned.basis,
      inputs: shown(),
      missing,
      refusal: null,
      explanation: {
        vi: `${header('vi')}: chưa đủ số liệu, thiếu ${describeMissing(missing, 'vi')}. Không tính giá trị tổng hợp từ một phần các đơn vị.`,
        en: `${header('en')}: incomplete, missing ${describeMissing(missing, 'en')}. No aggregate is computed from part of the units.`,
      },
    };
  }
  const computed = compute(request, inputs, aligned.basis);
  if ('code' in computed) return refuse(computed, shown(), missing);
  const notes = computed.notes.map((n) => ` ${n.vi}.`).join('');
  const notesEn = computed.notes.map((n) => ` ${n.en}.`).join('');
  const resultBasis = method.kind === 'count_meeting' || method.kind === 'share_meeting' ? null : aligned.basis;
  return {
    ...base,
    status: 'complete',
    value: toCanonical(computed.value),
    priceBasis: resultBasis,
    inputs: shown(),
    missing: [],
    refusal: null,
    notes: computed.notes,
    ...(computed.meeting === undefined ? {} : { meeting: computed.meeting }),
    explanation: {
      vi: `${header('vi')}: ${computed.calculation.vi}.${notes}`,
      en: `${header('en')}: ${computed.calculation.en}.${notesEn}`,
    },
  };
}
