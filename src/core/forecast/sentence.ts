// The sentence a leader reads under a forecast: the chance in tenths and percent, the interval, and what it rests on.
import type { Messages } from '../errors.ts';
import { formatNumber } from '../format/number.ts';
import type { Region } from './region.ts';

export interface SentenceFacts {
  pMet: number;
  region: Region;
  /** Decimals the region's bounds are printed with. */
  decimals: number;
  unit?: Messages;
  year: number;
  low: string;
  high: string;
  level: number;
  points: number;
  latestYear: number;
  latestIsEstimate: boolean;
  /** What the interval is of, e.g. { vi: 'tổng cả giai đoạn', en: 'the term total' }; the value itself when absent. */
  measure?: Messages;
}

const num = (x: number, decimals: number, locale: 'vi' | 'en'): string => formatNumber(x.toFixed(decimals), { locale });

/** A unit after a number: "%" and "%/năm" attach, others follow a space. */
const unitAfter = (unit: string): string => (unit === '' ? '' : unit.startsWith('%') ? unit : ` ${unit}`);

function goal(r: Region, decimals: number, u: string, locale: 'vi' | 'en'): string {
  if (r.lo !== null && r.hi !== null) return `${num(r.lo, decimals, locale)}–${num(r.hi, decimals, locale)}${u}`;
  if (r.lo !== null) return `≥ ${num(r.lo, decimals, locale)}${u}`;
  if (r.hi !== null) return `≤ ${num(r.hi, decimals, locale)}${u}`;
  return '';
}

/** "Khoảng 3/10 khả năng đạt ≥ 11.380 USD/người năm 2030 (28%); …" */
export function forecastSentence(f: SentenceFacts): Messages {
  const tenths = Math.round(f.pMet * 10);
  const pct = Math.round(f.pMet * 100);
  const unit = (locale: 'vi' | 'en'): string => unitAfter(f.unit?.[locale] ?? '');
  const level = Math.round(f.level * 100);
  const range = (locale: 'vi' | 'en'): string =>
    `${formatNumber(f.low, { locale })}–${formatNumber(f.high, { locale })}${unit(locale)}`;
  const measureVi = f.measure === undefined ? '' : ` (${f.measure.vi})`;
  const measureEn = f.measure === undefined ? '' : ` (${f.measure.en})`;
  const estVi = f.latestIsEstimate ? '; số gần nhất là số ước tính, chưa phải số chính thức' : '';
  const estEn = f.latestIsEstimate ? '; the latest figure is an estimate, not yet official' : '';
  return {
    vi:
      `Khoảng ${tenths}/10 khả năng đạt ${goal(f.region, f.decimals, unit('vi'), 'vi')} năm ${f.year} (${pct}%); ` +
      `giá trị năm ${f.year}${measureVi} có ${level}% khả năng trong khoảng ${range('vi')}, ` +
      `dựa trên ${f.points} số liệu đến năm ${f.latestYear}${estVi}.`,
    en:
      `About ${tenths} in 10 chance of ${goal(f.region, f.decimals, unit('en'), 'en')} in ${f.year} (${pct}%); ` +
      `${level}% range for ${f.year}${measureEn}: ${range('en')}, ` +
      `from ${f.points} figures up to ${f.latestYear}${estEn}.`,
  };
}
