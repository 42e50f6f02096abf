// How an indicator's figures combine over units (communes into a city, former provinces into a merged one),
// declared per indicator as data so that no aggregate is ever an unweighted mean of rates by accident.
import { isDecimalText } from '../decimal.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import type { PriceBasis } from '../targets/target.ts';

/** A standard a unit's figure meets or not ("đạt chuẩn": value ≥ threshold, or a yes/no figure equal to 1). */
export interface Standard {
  op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
  /** Decimal text. */
  value: string;
}

/** Why an indicator has no meaningful aggregate over units. */
export type NotAggregableReason = 'rank' | 'index' | 'other';

/**
 * The declared method, one variant per way of combining. Indicator codes name the series each method reads, so
 * the weight of a mean or the denominator of a per-capita figure is an indicator with its own figures and sources.
 */
export type AggregationMethod =
  /** Amounts that add up: revenue, exports, GRDP at current prices, counts of things. */
  | { kind: 'sum'; indicator: string; priceBasis?: PriceBasis }
  /** Rates and shares: Σ(value × weight) / Σ weight, the weight an indicator (GRDP, population, labour force). */
  | { kind: 'weighted_mean'; indicator: string; weight: string; priceBasis?: PriceBasis }
  /** Per-capita figures: Σ numerator / Σ denominator × scale (e.g. tỷ đồng / người → triệu đồng/người: 1000). */
  | { kind: 'per_capita'; numerator: string; denominator: string; scale?: string; priceBasis?: PriceBasis }
  /**
   * Growth of the aggregate: (Σ level at the period / Σ level at the base period − 1) × 100, levels at one price
   * basis (TCTK practice for regional GRDP); a mean of the units' growth rates is never taken.
   */
  | { kind: 'growth_of_aggregate'; level: string; priceBasis?: PriceBasis }
  /** The number of units whose figure meets the standard ("55/67 xã đạt chuẩn"). */
  | { kind: 'count_meeting'; indicator: string; standard: Standard }
  /** The share of units meeting the standard, in % of the units (count / number of units × 100). */
  | { kind: 'share_meeting'; indicator: string; standard: Standard }
  /** A rank or an index of the whole unit: it is published, never computed from the parts. */
  | { kind: 'not_aggregable'; reason: NotAggregableReason };

export type AggregationKind = AggregationMethod['kind'];

/** The indicators a method reads, by role; the order is the order inputs are shown in. */
export function indicatorsOf(method: AggregationMethod): Array<{ role: InputRole; indicator: string }> {
  switch (method.kind) {
    case 'sum':
    case 'count_meeting':
    case 'share_meeting':
      return [{ role: 'value', indicator: method.indicator }];
    case 'weighted_mean':
      return [
        { role: 'value', indicator: method.indicator },
        { role: 'weight', indicator: method.weight },
      ];
    case 'per_capita':
      return [
        { role: 'numerator', indicator: method.numerator },
        { role: 'denominator', indicator: method.denominator },
      ];
    case 'growth_of_aggregate':
      return [
        { role: 'base_level', indicator: method.level },
        { role: 'level', indicator: method.level },
      ];
    case 'not_aggregable':
      return [];
  }
}

/** What an input is to the formula. */
export type InputRole = 'value' | 'weight' | 'numerator' | 'denominator' | 'level' | 'base_level';

/** Refuses a declaration with an empty indicator code or a standard/scale that is not a decimal. */
export function validateMethod(method: AggregationMethod, path = '/aggregation'): void {
  const issues: FieldIssue[] = [];
  for (const { indicator } of indicatorsOf(method)) {
    if (indicator.trim() === '') {
      issues.push({
        path,
        reason: { vi: 'Thiếu mã chỉ tiêu của phương pháp tổng hợp', en: 'The aggregation method names no indicator' },
      });
    }
  }
  if ((method.kind === 'count_meeting' || method.kind === 'share_meeting') && !isDecimalText(method.standard.value)) {
    issues.push({
      path: `${path}/standard/value`,
      reason: { vi: 'Ngưỡng chuẩn phải là số thập phân', en: 'The standard must be a decimal' },
    });
  }
  if (method.kind === 'per_capita' && method.scale !== undefined && !isDecimalText(method.scale)) {
    issues.push({
      path: `${path}/scale`,
      reason: { vi: 'Hệ số quy đổi đơn vị phải là số thập phân', en: 'The scale must be a decimal' },
    });
  }
  if (method.kind === 'weighted_mean' && method.weight === method.indicator) {
    issues.push({
      path: `${path}/weight`,
      reason: { vi: 'Quyền số phải là một chỉ tiêu khác', en: 'The weight must be another indicator' },
    });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      { vi: 'Phương pháp tổng hợp không hợp lệ', en: 'The aggregation method is invalid' },
      issues,
      'invalid_aggregation_method',
    );
  }
}

const NAMES: Record<AggregationKind, { vi: string; en: string }> = {
  sum: { vi: 'cộng tổng', en: 'sum' },
  weighted_mean: { vi: 'bình quân gia quyền', en: 'weighted mean' },
  per_capita: { vi: 'bình quân đầu người (tỷ số của hai tổng)', en: 'per capita (ratio of sums)' },
  growth_of_aggregate: {
    vi: 'tốc độ tăng của tổng (tính từ mức tổng hợp)',
    en: 'growth of the aggregate (from aggregated levels)',
  },
  count_meeting: { vi: 'số đơn vị đạt chuẩn', en: 'count of units meeting the standard' },
  share_meeting: { vi: 'tỷ lệ đơn vị đạt chuẩn', en: 'share of units meeting the standard' },
  not_aggregable: { vi: 'không tổng hợp được', en: 'not aggregable' },
};

/** "cộng tổng" / "sum" …. */
export function methodName(kind: AggregationKind, locale: 'vi' | 'en' = 'vi'): string {
  return NAMES[kind][locale];
}
