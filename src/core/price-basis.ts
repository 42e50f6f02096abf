// Price bases of money and growth figures (vn-conventions §5.3, §6.3 STAT-5): growth at comparable prices of a
// base year (2010, or 2020 since Thông tư 13/2019/TT-BKHĐT), scale at current prices, some figures in USD. Values
// on different bases are never combined or compared; a conversion is an explicit operation that names its source.
import { Decimal, isDecimalText } from './decimal.ts';
import { MixedPriceBasis, ValidationError } from './errors.ts';
import type { LegalDocument } from './legal/document.ts';
import type { PriceBasis } from './targets/target.ts';

const LABELS: Record<PriceBasis, { vi: string; en: string }> = {
  current: { vi: 'giá hiện hành', en: 'current prices' },
  comparable_2010: { vi: 'giá so sánh 2010', en: 'constant 2010 prices' },
  comparable_2020: { vi: 'giá so sánh 2020', en: 'constant 2020 prices' },
  usd_current: { vi: 'USD, giá hiện hành', en: 'USD, current prices' },
  none: { vi: 'không theo giá', en: 'no price basis' },
};

/** "giá so sánh 2010", "giá hiện hành", "USD, giá hiện hành"; English "constant 2010 prices" …. */
export function priceBasisLabel(basis: PriceBasis, locale: 'vi' | 'en' = 'vi'): string {
  return LABELS[basis][locale];
}

/** A value's basis; an absent basis means the figure is not a price figure at all ('none'). */
export interface OnBasis {
  priceBasis?: PriceBasis;
}

/**
 * The common basis of values that are about to be combined or compared; throws MixedPriceBasis naming both bases
 * when two differ. Returns 'none' for an empty list.
 */
export function assertSameBasis(values: readonly OnBasis[]): PriceBasis {
  const first = values[0]?.priceBasis ?? 'none';
  for (const [index, v] of values.entries()) {
    const basis = v.priceBasis ?? 'none';
    if (basis !== first) throw mixed(first, basis, index);
  }
  return first;
}

function mixed(a: PriceBasis, b: PriceBasis, index?: number): MixedPriceBasis {
  return new MixedPriceBasis(
    {
      vi: `Không thể kết hợp hay so sánh số liệu theo ${LABELS[a].vi} với số liệu theo ${LABELS[b].vi} khi chưa ghi nhận phép quy đổi có nguồn`,
      en: `Cannot combine or compare figures at ${LABELS[a].en} with figures at ${LABELS[b].en} without a recorded, sourced conversion`,
    },
    index === undefined ? { bases: [a, b] } : { bases: [a, b], index },
  );
}

/** Where a conversion factor comes from: a document, or a table line of a publication. */
export type ConversionSource = LegalDocument | { title: string; line: string };

/**
 * A recorded conversion of levels from one basis to another: value × factor. It applies to levels (amounts);
 * growth rates on a new basis are recomputed from converted levels, never multiplied (TT 13/2019/TT-BKHĐT sets the
 * method between bases 2010 and 2020).
 */
export interface Conversion {
  from: PriceBasis;
  to: PriceBasis;
  /** Decimal text, e.g. "1.254". */
  factor: string;
  source: ConversionSource;
}

function assertConversion(c: Conversion): Decimal {
  const problems: string[] = [];
  if (c.from === c.to) problems.push('from = to');
  if (c.from === 'none' || c.to === 'none') problems.push('none');
  if (!isDecimalText(c.factor) || new Decimal(c.factor).lte(0)) problems.push('factor');
  if (c.source.title.trim() === '') problems.push('source');
  if (problems.length > 0) {
    throw new ValidationError(
      {
        vi: `Phép quy đổi từ ${LABELS[c.from].vi} sang ${LABELS[c.to].vi} không hợp lệ: cần hai gốc giá khác nhau, hệ số thập phân dương và nguồn`,
        en: `The conversion from ${LABELS[c.from].en} to ${LABELS[c.to].en} is invalid: it needs two different bases, a positive decimal factor and a source`,
      },
      [],
      'invalid_price_conversion',
      { problems },
    );
  }
  return new Decimal(c.factor);
}

/** Converts a level exactly (decimal arithmetic); refuses a value that is not on the conversion's source basis. */
export function convert(value: Decimal | string, basis: PriceBasis, conversion: Conversion): Decimal {
  const factor = assertConversion(conversion);
  if (basis !== conversion.from) throw mixed(conversion.from, basis);
  return new Decimal(value).times(factor);
}

/**
 * Brings values onto one basis: values already on it pass unchanged, others go through the conversion recorded
 * for their basis; a value with no recorded conversion is refused with MixedPriceBasis.
 */
export function toBasis(
  values: ReadonlyArray<{ value: Decimal | string; priceBasis?: PriceBasis }>,
  target: PriceBasis,
  conversions: readonly Conversion[],
): Decimal[] {
  return values.map((v) => {
    const basis = v.priceBasis ?? 'none';
    if (basis === target) return new Decimal(v.value);
    const conversion = conversions.find((c) => c.from === basis && c.to === target);
    if (conversion === undefined) throw mixed(target, basis);
    return convert(v.value, basis, conversion);
  });
}
