// Data cut-off ranges, labels and due dates of reporting periods under a reporting regime (vn-conventions §6.2).
// NĐ 09/2019/NĐ-CP Điều 12: a period's data runs from the 15th of the month before its first month to the 14th of
// its last month (Q1/2026 → 15/12/2025–14/3/2026; the year 2026 → 15/12/2025–14/12/2026). The day is a parameter of
// the rule set, so a tenant's regime or a new decree changes data, not this code.
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysInMonth,
  formatDateShort,
  monthNameEn,
  parseIsoDate,
  toIsoDate,
  type IsoDate,
  type Locale,
} from '../format/date.ts';
import { DEFAULT_REPORTING_RULES, type CutoffDay, type ReportingRules } from '../legal/reporting-rules.ts';
import { parsePeriod, periodMonths, type Period, type PeriodKind } from './period.ts';

/** Inclusive first and last day whose data a period's figures cover. */
export interface CutoffRange {
  from: IsoDate;
  to: IsoDate;
}

type YearMonth = { year: number; month: number };

function asPeriod(period: Period | string): Period {
  return typeof period === 'string' ? parsePeriod(period) : period;
}

function previousMonth(ym: YearMonth): YearMonth {
  return ym.month === 1 ? { year: ym.year - 1, month: 12 } : { year: ym.year, month: ym.month - 1 };
}

function nextMonth(ym: YearMonth): YearMonth {
  return ym.month === 12 ? { year: ym.year + 1, month: 1 } : { year: ym.year, month: ym.month + 1 };
}

/** The last day whose data belongs to a reporting month. */
function lastDataDay(ym: YearMonth, cut: CutoffDay): IsoDate {
  const day = cut === 'month_end' ? daysInMonth(ym.year, ym.month) : cut;
  return toIsoDate({ ...ym, day });
}

/** Data range of a period: the day after the cut-off of the month before its first month, to the cut-off of its last. */
export function cutoffRange(period: Period | string, rules: ReportingRules = DEFAULT_REPORTING_RULES): CutoffRange {
  const { from, to } = periodMonths(asPeriod(period));
  const cut = rules.cutoffDay.value;
  return { from: addDays(lastDataDay(previousMonth(from), cut), 1), to: lastDataDay(to, cut) };
}

/** The reporting month whose data a day belongs to: under NĐ 09, 20/12/2025 is already January 2026's data. */
export function reportingMonthOf(date: IsoDate, rules: ReportingRules = DEFAULT_REPORTING_RULES): YearMonth {
  const d = parseIsoDate(date);
  const cut = rules.cutoffDay.value;
  const ym = { year: d.year, month: d.month };
  return cut !== 'month_end' && d.day > cut ? nextMonth(ym) : ym;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The period of a kind whose data range holds the day. Nine-month periods cover only 15/12 → 14/9, so a day in
 * October belongs to none (undefined). Spans have no single length and are not offered.
 */
export function periodContaining(
  date: IsoDate,
  kind: Exclude<PeriodKind, 'span'>,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
): Period | undefined {
  const { year, month } = reportingMonthOf(date, rules);
  switch (kind) {
    case 'month':
      return parsePeriod(`${year}-M${pad2(month)}`);
    case 'quarter':
      return parsePeriod(`${year}-Q${Math.ceil(month / 3)}`);
    case 'half':
      return parsePeriod(`${year}-H${month <= 6 ? 1 : 2}`);
    case 'nine_months':
      return month <= 9 ? parsePeriod(`${year}-9M`) : undefined;
    case 'year':
      return parsePeriod(String(year));
  }
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** "Quý I/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Tháng 3/2026", "Năm 2026", "Giai đoạn 2021–2025". */
export function periodLabel(period: Period | string, locale: Locale = 'vi'): string {
  const p = asPeriod(period);
  const en = locale === 'en';
  switch (p.kind) {
    case 'year':
      return en ? `Year ${p.year}` : `Năm ${p.year}`;
    case 'span':
      return en ? `Period ${p.year}–${p.endYear}` : `Giai đoạn ${p.year}–${p.endYear}`;
    case 'quarter':
      return en ? `Q${p.quarter} ${p.year}` : `Quý ${ROMAN_QUARTERS[p.quarter - 1] ?? p.quarter}/${p.year}`;
    case 'half':
      if (en) return `${p.half === 1 ? 'First' : 'Second'} half of ${p.year}`;
      return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'nine_months':
      return en ? `First nine months of ${p.year}` : `9 tháng năm ${p.year}`;
    case 'month':
      // NĐ 30 Phụ lục II: a month written in digits takes no capital; "Tháng" is capitalised only as a heading.
      return en ? `${monthNameEn(p.month)} ${p.year}` : `Tháng ${p.month}/${p.year}`;
  }
}

/** "số liệu từ 15/12/2025 đến 14/3/2026" (vn-conventions §6.2 REP-1); English "data from 15 Dec 2025 to 14 Mar 2026". */
export function cutoffLabel(
  period: Period | string,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
  locale: Locale = 'vi',
): string {
  const { from, to } = cutoffRange(period, rules);
  return locale === 'en'
    ? `data from ${formatDateShort(from, 'en')} to ${formatDateShort(to, 'en')}`
    : `số liệu từ ${formatDateShort(from)} đến ${formatDateShort(to)}`;
}

function isWorkingDay(date: IsoDate, holidays: readonly string[]): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !holidays.includes(date);
}

/** The last day on which a period's report may be sent under the rule set's deadline. */
export function reportDueDate(period: Period | string, rules: ReportingRules = DEFAULT_REPORTING_RULES): IsoDate {
  const rule = rules.deadline.value;
  if (rule.kind === 'day_of_last_month') {
    const { to } = periodMonths(asPeriod(period));
    return toIsoDate({ ...to, day: Math.min(rule.day, daysInMonth(to.year, to.month)) });
  }
  let date = cutoffRange(period, rules).to;
  if (!rule.working) return addDays(date, rule.days);
  const holidays = rules.holidays ?? [];
  for (let left = rule.days; left > 0;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

/**
 * Whether a period's figure is expected to exist on a day: its deadline has passed. Before that, a missing figure
 * is not late — a yearly indicator is not behind in March, and the year 2026 is due only after 25/12/2026.
 */
export function isPeriodDue(
  period: Period | string,
  asOf: IsoDate,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
): boolean {
  return compareIsoDates(asOf, reportDueDate(period, rules)) > 0;
}

/** What every evaluation and export is stamped with (vn-conventions §6.2 REP-1). */
export interface PeriodStamp {
  period: string;
  label: string;
  cutoff: CutoffRange;
  cutoffLabel: string;
  dueDate: IsoDate;
  rulesId: string;
}

export function periodStamp(
  period: Period | string,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
  locale: Locale = 'vi',
): PeriodStamp {
  const p = asPeriod(period);
  return {
    period: p.code,
    label: periodLabel(p, locale),
    cutoff: cutoffRange(p, rules),
    cutoffLabel: cutoffLabel(p, rules, locale),
    dueDate: reportDueDate(p, rules),
    rulesId: rules.id,
  };
}
