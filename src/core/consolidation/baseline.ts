// The base-year figure of a merged unit computed from its former units with the indicator's declared method,
// and compared with the consolidated figure a source states, so a baseline for a unit that did not yet exist is
// shown with its calculation rather than typed in.
import { Decimal, declaredScale, parseDecimal, toCanonical } from '../decimal.ts';
import { ValidationError } from '../errors.ts';
import { formatNumber } from '../format/number.ts';
import type { IsoDate } from '../format/date.ts';
import { priceBasisLabel, type Conversion } from '../price-basis.ts';
import type { PriceBasis } from '../targets/target.ts';
import type { LineageEvent } from '../units/registry.ts';
import { aggregate, type Bilingual, type Consolidation, type FigureSource, type UnitFigure } from './aggregate.ts';
import type { AggregationMethod } from './method.ts';

/**
 * The units a merger of `date` joined into `code`: the unit that keeps the code (QĐ 124/2004/QĐ-TTg: the unit
 * where the People's Committee sits keeps it) and every unit merged into it that day, in lineage order.
 */
export function formerUnitsOf(code: string, date: IsoDate, lineage: readonly LineageEvent[]): string[] {
  const joined = lineage
    .filter((e) => e.event === 'merged_into' && e.to === code && e.date === date)
    .map((e) => e.from);
  if (joined.length === 0) {
    throw new ValidationError(
      {
        vi: `Không có đơn vị nào sáp nhập vào ${code} ngày ${date}`,
        en: `No unit merged into ${code} on ${date}`,
      },
      [{ path: '/lineage', reason: { vi: 'Không có sự kiện sáp nhập', en: 'No merger event' } }],
      'no_merger',
    );
  }
  return [code, ...joined.filter((c) => c !== code)];
}

/** A consolidated figure as a source states it ("quy mô kinh tế … 658.381 tỷ đồng"). */
export interface StatedFigure {
  /** Decimal text, as written (its last digit sets the rounding tolerance). */
  value: string;
  priceBasis?: PriceBasis;
  source: FigureSource;
}

export interface Comparison {
  status: 'agrees' | 'differs' | 'not_compared';
  stated: StatedFigure;
  /** Computed − stated, exact; null when not compared. */
  difference: string | null;
  /** Difference / stated × 100 (%), null when not compared or the stated figure is 0. */
  relative: string | null;
  /** Half a unit of the stated figure's last written digit: a smaller difference is only the source's rounding. */
  tolerance: string;
  explanation: Bilingual;
}

export interface MergerBaselineRequest {
  mergedUnit: string;
  /** The day the merger took effect. */
  date: IsoDate;
  lineage: readonly LineageEvent[];
  method: AggregationMethod;
  /** The base period, before the merger ("2025", "2020"). */
  period: string;
  basePeriod?: string;
  figures: readonly UnitFigure[];
  conversions?: readonly Conversion[];
  stated?: StatedFigure;
}

export interface MergerBaseline {
  mergedUnit: string;
  date: IsoDate;
  formerUnits: string[];
  consolidation: Consolidation;
  comparison: Comparison | null;
  explanation: Bilingual;
}

function where(source: FigureSource, locale: 'vi' | 'en'): string {
  const parts: string[] = [];
  if (source.title !== undefined) parts.push(source.title);
  if (source.line !== undefined) {
    const lines = source.lineEnd === undefined ? `${source.line}` : `${source.line}–${source.lineEnd}`;
    parts.push(locale === 'vi' ? `dòng ${lines}` : `line ${lines}`);
  }
  return parts.join(', ');
}

function compare(consolidation: Consolidation, stated: StatedFigure): Comparison {
  const statedValue = parseDecimal(stated.value, 'stated/value');
  const tolerance = new Decimal(5).times(new Decimal(10).pow(-(declaredScale(stated.value) + 1)));
  const at = { vi: where(stated.source, 'vi'), en: where(stated.source, 'en') };
  const notCompared = (vi: string, en: string): Comparison => ({
    status: 'not_compared',
    stated,
    difference: null,
    relative: null,
    tolerance: toCanonical(tolerance),
    explanation: { vi, en },
  });
  if (consolidation.status !== 'complete' || consolidation.value === null) {
    return notCompared(
      `Nguồn ghi số hợp nhất ${formatNumber(statedValue)} (${at.vi}) nhưng chưa so sánh được: số tổng hợp ${consolidation.status === 'refused' ? 'bị từ chối' : 'chưa đủ số liệu'}`,
      `The source states a consolidated ${formatNumber(statedValue, { locale: 'en' })} (${at.en}) but it cannot be compared: the aggregate is ${consolidation.status}`,
    );
  }
  const statedBasis = stated.priceBasis ?? 'none';
  if (consolidation.priceBasis !== null && statedBasis !== 'none' && statedBasis !== consolidation.priceBasis) {
    return notCompared(
      `Số nguồn ghi theo ${priceBasisLabel(statedBasis)}, số tổng hợp theo ${priceBasisLabel(consolidation.priceBasis)}: không so sánh khi chưa có phép quy đổi có nguồn`,
      `The stated figure is at ${priceBasisLabel(statedBasis, 'en')}, the aggregate at ${priceBasisLabel(consolidation.priceBasis, 'en')}: not compared without a sourced conversion`,
    );
  }
  const computed = new Decimal(consolidation.value);
  const difference = computed.minus(statedValue);
  const relative = statedValue.isZero() ? null : difference.div(statedValue).times(100);
  const agrees = difference.abs().lte(tolerance);
  const rel = (l: 'vi' | 'en'): string =>
    relative === null ? '' : ` (${formatNumber(relative.toDecimalPlaces(2), { locale: l })}%)`;
  return {
    status: agrees ? 'agrees' : 'differs',
    stated,
    difference: toCanonical(difference),
    relative: relative === null ? null : toCanonical(relative),
    tolerance: toCanonical(tolerance),
    explanation: agrees
      ? {
          vi: `Khớp với số hợp nhất nguồn ghi ${formatNumber(statedValue)} (${at.vi}), chênh lệch trong phạm vi làm tròn ±${formatNumber(tolerance)}`,
          en: `Agrees with the consolidated ${formatNumber(statedValue, { locale: 'en' })} the source states (${at.en}), within its rounding ±${formatNumber(tolerance, { locale: 'en' })}`,
        }
      : {
          vi: `Lệch so với số hợp nhất nguồn ghi ${formatNumber(statedValue)} (${at.vi}): chênh ${formatNumber(difference)}${rel('vi')}`,
          en: `Differs from the consolidated ${formatNumber(statedValue, { locale: 'en' })} the source states (${at.en}): difference ${formatNumber(difference, { locale: 'en' })}${rel('en')}`,
        },
  };
}

/** Consolidates the former units' base-period figures into the merged unit's, and compares with a stated figure. */
export function consolidateBaseline(request: MergerBaselineRequest): MergerBaseline {
  const formerUnits = formerUnitsOf(request.mergedUnit, request.date, request.lineage);
  const consolidation = aggregate({
    method: request.method,
    period: request.period,
    ...(request.basePeriod === undefined ? {} : { basePeriod: request.basePeriod }),
    children: formerUnits,
    figures: request.figures,
    ...(request.conversions === undefined ? {} : { conversions: request.conversions }),
  });
  const comparison = request.stated === undefined ? null : compare(consolidation, request.stated);
  const intro = {
    vi: `Số liệu kỳ gốc ${request.period} của đơn vị ${request.mergedUnit} (hợp nhất ngày ${request.date} từ ${formerUnits.join(', ')})`,
    en: `Base-period ${request.period} figure of unit ${request.mergedUnit} (merged on ${request.date} from ${formerUnits.join(', ')})`,
  };
  return {
    mergedUnit: request.mergedUnit,
    date: request.date,
    formerUnits,
    consolidation,
    comparison,
    explanation: {
      vi: `${intro.vi}. ${consolidation.explanation.vi}${comparison === null ? '' : ` ${comparison.explanation.vi}.`}`,
      en: `${intro.en}. ${consolidation.explanation.en}${comparison === null ? '' : ` ${comparison.explanation.en}.`}`,
    },
  };
}
