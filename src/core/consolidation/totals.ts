// The aggregate of one period from totals the database summed (Σ value, Σ value × weight, the number of children
// with a figure, the units meeting a standard), for the methods that are plain sums and counts: the same value, the
// same notes and the same meeting lists as `aggregate` over the figures one by one, without moving every figure
// into the process. Whatever these totals cannot decide exactly (a missing child, a refusal, figures on another
// price basis) is left to `aggregate` over the figures: `fromTotals` answers null and the caller takes that path.
import { Decimal } from '../decimal.ts';
import { toCanonical } from '../decimal.ts';
import { formatNumber } from '../format/number.ts';
import { priceBasisLabel } from '../price-basis.ts';
import type { PriceBasis } from '../targets/target.ts';
import {
  FORMULAS,
  type Bilingual,
  type Consolidation,
  type ConsolidationStatus,
  type MissingInput,
  type Refusal,
} from './aggregate.ts';
import { methodName, type AggregationMethod, type Standard } from './method.ts';

/** What the database summed over the children for one indicator and period. */
export interface SeriesTotal {
  /** Children with a value (a figure without a number is missing, as in `aggregate`). */
  present: number;
  /** Σ value, exact decimal text (null when no child has a value). */
  sum: string | null;
  /** Children whose value is below zero. */
  negatives: number;
  /** The codes of the children whose value is exactly zero (a zero weight is shown as a note). */
  zeroUnits: readonly string[];
  /** The distinct price bases of the values. */
  bases: readonly PriceBasis[];
}

/** The totals `fromTotals` reads, looked up by indicator code and period. */
export interface GroupTotals {
  series(indicator: string, period: string): SeriesTotal | undefined;
  /** Σ value × weight over the children having both, exact decimal text. */
  products(indicator: string, weight: string, period: string): string | undefined;
  /** The children whose value meets the standard and those whose value does not, by code. */
  meeting(
    indicator: string,
    standard: Standard,
    period: string,
  ): { met: readonly string[]; notMet: readonly string[] } | undefined;
}

/** One aggregate without its inputs listed one by one: what a table of many aggregates carries. */
export interface AggregateSummary {
  method: AggregationMethod;
  period: string;
  basePeriod?: string;
  status: ConsolidationStatus;
  value: string | null;
  priceBasis: PriceBasis | null;
  /** The number of child units and of inputs the calculation used. */
  units: number;
  inputs: number;
  missing: MissingInput[];
  refusal: Refusal | null;
  notes: Array<Bilingual & { unit: string }>;
  meeting?: { met: string[]; notMet: string[] };
  formula: Bilingual;
  explanation: Bilingual;
  /** Where the figure was computed: from the database's totals, or from every figure by `aggregate`. */
  path: 'totals' | 'figures';
}

/** A full consolidation reduced to a summary (the step-by-step calculation kept as its explanation). */
export function summarize(c: Consolidation, units: number): AggregateSummary {
  return {
    method: c.method,
    period: c.period,
    ...(c.basePeriod === undefined ? {} : { basePeriod: c.basePeriod }),
    status: c.status,
    value: c.value,
    priceBasis: c.priceBasis,
    units,
    inputs: c.inputs.length,
    missing: c.missing,
    refusal: c.refusal,
    notes: c.notes,
    ...(c.meeting === undefined ? {} : { meeting: c.meeting }),
    formula: c.formula,
    explanation: c.explanation,
    path: 'figures',
  };
}

function previousYear(period: string): string | undefined {
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : undefined;
}

/** The one price basis of a complete series, or null when the figures need a conversion (`aggregate` decides). */
function soleBasis(total: SeriesTotal, declared: PriceBasis | undefined): PriceBasis | null {
  if (total.bases.length !== 1) return null;
  const basis = total.bases[0] ?? null;
  return declared === undefined || declared === basis ? basis : null;
}

export interface TotalsRequest {
  method: AggregationMethod;
  period: string;
  basePeriod?: string;
  /** The number of child units: a series is complete when every one of them has a value. */
  units: number;
}

/**
 * The aggregate from the database's totals when they decide it exactly: every child has every input on one price
 * basis and the method refuses nothing. Otherwise null: the caller aggregates the figures one by one (`aggregate`),
 * which lists what is missing, converts price bases or says why it refuses.
 */
export function fromTotals(request: TotalsRequest, totals: GroupTotals): AggregateSummary | null {
  const { method, period, units } = request;
  if (method.kind === 'not_aggregable' || units === 0) return null;
  const complete = (indicator: string, p: string): SeriesTotal | null => {
    const t = totals.series(indicator, p);
    return t !== undefined && t.present === units && t.sum !== null ? t : null;
  };
  const d = (text: string): Decimal => new Decimal(text);
  const both = (f: (l: 'vi' | 'en') => string): Bilingual => ({ vi: f('vi'), en: f('en') });
  const num = (x: Decimal, l: 'vi' | 'en'): string =>
    formatNumber(x.decimalPlaces() <= 6 ? x : x.toDecimalPlaces(4), { locale: l });
  const basisText = (basis: PriceBasis | null, l: 'vi' | 'en'): string =>
    basis === null || basis === 'none' ? '' : ` (${priceBasisLabel(basis, l)})`;
  const done = (
    value: Decimal,
    priceBasis: PriceBasis | null,
    inputs: number,
    calculation: Bilingual,
    extra: Pick<AggregateSummary, 'notes'> & { meeting?: AggregateSummary['meeting']; basePeriod?: string } = {
      notes: [],
    },
  ): AggregateSummary => {
    const header = (l: 'vi' | 'en'): string =>
      l === 'vi'
        ? `Tổng hợp ${units} đơn vị kỳ ${period} theo phương pháp ${methodName(method.kind, l)}`
        : `Aggregating ${units} unit(s) for ${period} by ${methodName(method.kind, l)}`;
    const notesVi = extra.notes.map((n) => ` ${n.vi}.`).join('');
    const notesEn = extra.notes.map((n) => ` ${n.en}.`).join('');
    return {
      method,
      period,
      ...(extra.basePeriod === undefined ? {} : { basePeriod: extra.basePeriod }),
      status: 'complete',
      value: toCanonical(value),
      priceBasis,
      units,
      inputs,
      missing: [],
      refusal: null,
      notes: extra.notes,
      ...(extra.meeting === undefined ? {} : { meeting: extra.meeting }),
      formula: FORMULAS[method.kind],
      explanation: {
        vi: `${header('vi')}: ${calculation.vi}.${notesVi}`,
        en: `${header('en')}: ${calculation.en}.${notesEn}`,
      },
      path: 'totals',
    };
  };
  switch (method.kind) {
    case 'sum': {
      const t = complete(method.indicator, period);
      const basis = t === null ? null : soleBasis(t, method.priceBasis);
      if (t === null || basis === null || t.sum === null) return null;
      const value = d(t.sum);
      return done(
        value,
        basis,
        units,
        both((l) => `Σ xᵢ = ${num(value, l)}${basisText(basis, l)}`),
      );
    }
    case 'weighted_mean': {
      const x = complete(method.indicator, period);
      const w = complete(method.weight, period);
      if (x === null || w === null || w.sum === null || w.negatives > 0) return null;
      const xBasis = soleBasis(x, undefined);
      const wBasis = soleBasis(w, method.priceBasis);
      const products = totals.products(method.indicator, method.weight, period);
      if (xBasis === null || wBasis === null || products === undefined) return null;
      const totalWeight = d(w.sum);
      if (totalWeight.isZero()) return null;
      const weighted = d(products);
      const value = weighted.div(totalWeight);
      const notes = [...w.zeroUnits].sort(byUnitOrder).map((unit) => ({
        unit,
        vi: `Quyền số của đơn vị ${unit} bằng 0: giá trị của đơn vị này không góp vào bình quân`,
        en: `Unit ${unit} has weight 0: its value does not count in the mean`,
      }));
      return done(
        value,
        xBasis,
        2 * units,
        both((l) => `Σ (xᵢ × wᵢ) / Σ wᵢ = ${num(weighted, l)} / ${num(totalWeight, l)} ${eq(value, l)}`),
        { notes },
      );
    }
    case 'per_capita': {
      const n = complete(method.numerator, period);
      const dn = complete(method.denominator, period);
      if (n === null || dn === null || n.sum === null || dn.sum === null) return null;
      const nBasis = soleBasis(n, method.priceBasis);
      if (nBasis === null || soleBasis(dn, undefined) === null) return null;
      const denominator = d(dn.sum);
      if (denominator.isZero()) return null;
      const scale = new Decimal(method.scale ?? '1');
      const numerator = d(n.sum);
      const value = numerator.div(denominator).times(scale);
      const scaleText = (l: 'vi' | 'en'): string => (scale.eq(1) ? '' : ` × ${formatNumber(scale, { locale: l })}`);
      return done(
        value,
        nBasis,
        2 * units,
        both(
          (l) => `${num(numerator, l)} / ${num(denominator, l)}${scaleText(l)} ${eq(value, l)}${basisText(nBasis, l)}`,
        ),
      );
    }
    case 'growth_of_aggregate': {
      const basePeriod = request.basePeriod ?? previousYear(period);
      if (basePeriod === undefined) return null;
      const now = complete(method.level, period);
      const then = complete(method.level, basePeriod);
      if (now === null || then === null || now.sum === null || then.sum === null) return null;
      // Both periods' levels must share the one basis (they are combined as one group in `aggregate`).
      const a = soleBasis(now, method.priceBasis);
      const b = soleBasis(then, method.priceBasis);
      if (a === null || b === null || a !== b) return null;
      const base = d(then.sum);
      if (base.isZero()) return null;
      const current = d(now.sum);
      const value = current.div(base).minus(1).times(100);
      return done(
        value,
        a,
        2 * units,
        both((l) => `(${num(current, l)} / ${num(base, l)} − 1) × 100 ${eq(value, l)}%${basisText(a, l)}`),
        { notes: [], basePeriod },
      );
    }
    case 'count_meeting':
    case 'share_meeting': {
      const t = complete(method.indicator, period);
      const m = totals.meeting(method.indicator, method.standard, period);
      if (t === null || m === undefined || soleBasis(t, undefined) === null) return null;
      const met = [...m.met].sort(byUnitOrder);
      const notMet = [...m.notMet].sort(byUnitOrder);
      const value =
        method.kind === 'count_meeting' ? new Decimal(met.length) : new Decimal(met.length).div(units).times(100);
      return done(
        value,
        null,
        units,
        both((l) =>
          l === 'vi'
            ? `${met.length}/${units} đơn vị đạt chuẩn${method.kind === 'share_meeting' ? ` ${eq(value, l)}%` : ''}`
            : `${met.length}/${units} units meet the standard${method.kind === 'share_meeting' ? ` ${eq(value, l)}%` : ''}`,
        ),
        { notes: [], meeting: { met, notMet } },
      );
    }
  }
}

function eq(x: Decimal, l: 'vi' | 'en'): string {
  return `${x.decimalPlaces() <= 6 ? '=' : '≈'} ${formatNumber(x.decimalPlaces() <= 6 ? x : x.toDecimalPlaces(4), { locale: l })}`;
}

/** Unit codes in the order `aggregate` lists them when children are given in code order. */
function byUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
