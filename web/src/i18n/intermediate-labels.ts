// The evaluation's intermediate figures in a leader's words: the engine names them for analysts (growthFactor,
// year.2028), the explanation page shows what each one is. A name not listed here is shown as it is.
import { isPrinted, statusWord } from '../vocabulary.ts';
import type { Locale } from './messages.ts';

type Words = { vi: string; en: string };

const LABELS: Record<string, Words> = {
  realisedYears: { vi: 'Số năm đã có số liệu', en: 'Years with figures' },
  termYears: { vi: 'Số năm của giai đoạn', en: 'Years in the term' },
  growthFactor: { vi: 'Hệ số tăng tích luỹ Π(1 + g)', en: 'Cumulative growth factor Π(1 + g)' },
  averageExact: { vi: 'Tốc độ tăng bình quân (%/năm)', en: 'Average growth (%/year)' },
  requiredExact: {
    vi: 'Tốc độ cần đạt trong những năm còn lại (%/năm)',
    en: 'Growth needed in the remaining years (%/year)',
  },
  compareScale: { vi: 'Số chữ số thập phân khi so sánh', en: 'Decimal places compared' },
  latestYear: { vi: 'Năm của số liệu mới nhất', en: 'Year of the latest figure' },
  benchmarkValue: { vi: 'Số liệu của chuẩn so sánh', en: 'The benchmark’s figure' },
  benchmarkPeriod: { vi: 'Năm của chuẩn so sánh', en: 'Year of the benchmark' },
  benchmarkStatus: { vi: 'Tình trạng số liệu chuẩn so sánh', en: 'Status of the benchmark’s figure' },
  benchmarkVintageId: { vi: 'Phiên bản số liệu chuẩn so sánh', en: 'Version of the benchmark’s figure' },
  total: { vi: 'Tổng cộng dồn', en: 'Cumulative total' },
  sum: { vi: 'Tổng các năm', en: 'Sum of the years' },
  yearsWithFigures: { vi: 'Số năm có số liệu', en: 'Years with figures' },
  elapsedYears: { vi: 'Số năm đã qua', en: 'Years elapsed' },
  missingYears: { vi: 'Năm chưa có số liệu', en: 'Years without figures' },
  span: { vi: 'Giai đoạn của số liệu tổng', en: 'Period of the reported total' },
  spanAggregate: { vi: 'Số liệu giai đoạn là', en: 'The period figure is' },
  spanSum: { vi: 'Tổng của giai đoạn', en: 'Sum over the period' },
  expectedToDate: { vi: 'Mức cần đạt đến nay', en: 'Expected by now' },
  yearsJudged: { vi: 'Số năm được đánh giá', en: 'Years judged' },
  yearsMet: { vi: 'Số năm đạt', en: 'Years met' },
  years: { vi: 'Số năm', en: 'Years' },
  trendRate: { vi: 'Tốc độ theo xu hướng (%/năm)', en: 'Trend rate (%/year)' },
  trendPerYear: { vi: 'Mức thay đổi theo xu hướng mỗi năm', en: 'Trend change per year' },
  baseYear: { vi: 'Năm gốc', en: 'Base year' },
  baseValue: { vi: 'Giá trị năm gốc', en: 'Base-year value' },
  note: { vi: 'Ghi chú', en: 'Note' },
  peerStatus: { vi: 'Phân loại theo phương pháp đối chiếu', en: "The reference method's category" },
  peerValue: { vi: 'Giá trị theo phương pháp đối chiếu', en: "The reference method's value" },
  peerScore: { vi: 'Điểm theo phương pháp đối chiếu', en: "The reference method's score" },
  date: { vi: 'Ngày hoàn thành', en: 'Date completed' },
  evidence: { vi: 'Minh chứng', en: 'Evidence' },
  baselineValue: { vi: 'Giá trị gốc', en: 'Baseline value' },
  goalValue: { vi: 'Mức mục tiêu', en: 'Target value' },
  goalMaxValue: { vi: 'Mức mục tiêu cao nhất', en: 'Upper target value' },
  absoluteActual: { vi: 'Giá trị thực hiện', en: 'Actual value' },
  rule: { vi: 'Quy tắc tổng hợp', en: 'Roll-up rule' },
  children: { vi: 'Trạng thái các chỉ tiêu thành phần', en: "Sub-indicators' statuses" },
  childrenReached: { vi: 'Số chỉ tiêu thành phần đạt', en: 'Sub-indicators reached' },
};

/** Figures that are years or periods: shown as written (2025), never as a number with a thousands separator (2.025). */
const YEAR_KEYS = new Set(['latestYear', 'baseYear', 'benchmarkPeriod', 'judgedYear', 'fromYear', 'toYear']);
export const isYearKey = (key: string): boolean => YEAR_KEYS.has(key);

/** Codes the engine writes as values, in words. */
const VALUES: Record<string, Words> = {
  no_trend: { vi: 'chưa đủ số liệu để tính xu hướng', en: 'not enough figures for a trend' },
  all_children_met: { vi: 'mọi chỉ tiêu thành phần đều đạt', en: 'every sub-indicator met' },
  own_target: { vi: 'theo mục tiêu riêng của chỉ tiêu', en: "the indicator's own target" },
  term_total: { vi: 'tổng cả giai đoạn', en: 'the total over the term' },
  yearly_average: { vi: 'bình quân mỗi năm', en: 'the yearly average' },
  // Methods: the rule that judges the target, and how the actual figure was reached.
  chitieu_default: { vi: 'đánh giá theo mục tiêu của văn kiện', en: "judged against the document's target" },
  reported_average: { vi: 'bình quân do văn kiện công bố', en: 'the average the document reports' },
  cagr_from_levels: { vi: 'tăng bình quân tính từ các mức', en: 'average growth computed from the levels' },
  arithmetic_mean_from_levels: {
    vi: 'bình quân cộng tính từ các mức',
    en: 'arithmetic mean computed from the levels',
  },
  constant_average: { vi: 'bình quân không đổi', en: 'a constant average' },
  term_average: { vi: 'bình quân cả giai đoạn', en: 'the average over the term' },
  sum_of_flows: { vi: 'cộng dồn các năm', en: 'the sum of the years' },
  run_rate: { vi: 'theo nhịp đã đạt', en: 'at the pace reached so far' },
  value_in_year: { vi: 'giá trị của năm', en: "the year's value" },
  compared_with_benchmark: {
    vi: 'so với số liệu của chuẩn so sánh cùng năm',
    en: 'compared with the benchmark’s figure of the same year',
  },
  ratio_to_baseline: { vi: 'so với giá trị gốc', en: 'relative to the baseline' },
  rank_in_year: { vi: 'thứ hạng trong năm', en: "the year's rank" },
  children_meeting_targets: { vi: 'số đơn vị đạt chuẩn', en: 'units meeting the standard' },
  done_or_not: { vi: 'đã hoàn thành hay chưa', en: 'done or not' },
  geometric: { vi: 'bình quân nhân', en: 'geometric' },
  arithmetic: { vi: 'bình quân cộng', en: 'arithmetic' },
};

export function intermediateLabel(key: string, locale: Locale): string {
  const known = LABELS[key];
  if (known) return known[locale];
  const year = /^year\.(\d{4})$/.exec(key);
  if (year) return locale === 'vi' ? `Năm ${year[1]}` : `Year ${year[1]}`;
  const series = /^series\.(\d+)\.(\w+)$/.exec(key);
  if (series) {
    const part = LABELS[series[2] ?? '']?.[locale] ?? series[2];
    return locale === 'vi' ? `Chuỗi ${series[1]}: ${part}` : `Series ${series[1]}: ${part}`;
  }
  const peer = /^peer\.(\w+)$/.exec(key);
  if (peer) return locale === 'vi' ? `Phương pháp đối chiếu: ${peer[1]}` : `Reference method: ${peer[1]}`;
  return key;
}

/** A value that is a status, a list of statuses or one of the engine's codes, in words; anything else unchanged. */
export function intermediateValue(value: string, locale: Locale): string {
  const words = (v: string) => (isPrinted(v) ? statusWord(v, locale) : (VALUES[v]?.[locale] ?? v));
  return value.includes(',') && value.split(',').every((v) => isPrinted(v) || v in VALUES)
    ? value.split(',').map(words).join(', ')
    : words(value);
}
