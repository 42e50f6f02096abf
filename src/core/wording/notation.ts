// "Result/target" notation of congress resolutions: "45.799/36.875 tỷ đồng", "83,2%/50%" (vn-conventions §4.3).
import type { Decimal } from '../decimal.ts';
import type { Locale } from '../format/date.ts';
import { formatNumber } from '../format/number.ts';

export interface NotationOptions {
  /** Unit as printed: "tỷ đồng", "%", "%/năm". A unit starting with "%" is attached to each number. */
  unit?: string;
  locale?: Locale;
  /** Fixed decimals for both numbers; by default each keeps its own. */
  decimals?: number;
}

export function resultOverTarget(
  result: Decimal | string,
  target: Decimal | string,
  opts: NotationOptions = {},
): string {
  const fmt = (v: Decimal | string): string =>
    formatNumber(
      v,
      opts.decimals === undefined ? { locale: opts.locale } : { locale: opts.locale, decimals: opts.decimals },
    );
  const unit = opts.unit?.trim() ?? '';
  if (unit.startsWith('%')) return `${fmt(result)}%/${fmt(target)}${unit}`;
  const pair = `${fmt(result)}/${fmt(target)}`;
  return unit === '' ? pair : `${pair} ${unit}`;
}
