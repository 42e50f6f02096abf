// Which reporting periods an indicator owes figures for on a day, under a reporting regime: every period of its
// frequency from the start of the term up to the one the day's data belongs to. The caller keeps those not yet
// submitted, so an overdue period never drops off an agency's list until its figure is in.
import type { IsoDate } from '../format/date.ts';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../legal/reporting-rules.ts';
import { isPeriodDue, periodContaining, reportDueDate } from './cutoff.ts';
import { parsePeriod, type PeriodKind } from './period.ts';

export interface DuePeriod {
  period: string;
  dueDate: IsoDate;
  /** Its deadline has passed. */
  overdue: boolean;
  /** The period the day's data belongs to (the one being reported now). */
  current: boolean;
}

const SUB_YEAR: Record<string, (year: number) => string[]> = {
  quarter: (y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`),
  half: (y) => [`${y}-H1`, `${y}-H2`],
  nine_months: (y) => [`${y}-9M`],
  month: (y) => Array.from({ length: 12 }, (_, i) => `${y}-M${String(i + 1).padStart(2, '0')}`),
};

/**
 * The periods owed from `fromYear` (the first year figures are reported for) to `toYear` (the term's last), up to
 * and including the one `today` belongs to. A term-frequency indicator owes its span once the last year is reached.
 */
export function duePeriods(
  frequency: string,
  term: { fromYear: number; toYear: number },
  today: IsoDate,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
): DuePeriod[] {
  const kind: Exclude<PeriodKind, 'span'> =
    frequency in SUB_YEAR ? (frequency as Exclude<PeriodKind, 'span' | 'year'>) : 'year';
  const now = periodContaining(today, kind, rules) ?? periodContaining(today, 'year', rules);
  const nowYear = now?.year ?? Number(today.slice(0, 4));
  let codes: string[];
  if (frequency === 'term') {
    codes = nowYear >= term.toYear ? [`${term.fromYear}-${term.toYear}`] : [];
  } else {
    codes = [];
    for (let y = term.fromYear; y <= Math.min(nowYear, term.toYear); y++) {
      codes.push(...(kind === 'year' ? [String(y)] : (SUB_YEAR[kind]?.(y) ?? [])));
    }
  }
  const currentCode = now?.code ?? null;
  const out: DuePeriod[] = [];
  for (const code of codes) {
    const due = reportDueDate(parsePeriod(code), rules);
    // Periods still to come (later in the year than the current one) are not owed yet.
    if (code !== currentCode && !isPeriodDue(code, today, rules) && due > (now ? reportDueDate(now, rules) : due))
      continue;
    out.push({ period: code, dueDate: due, overdue: isPeriodDue(code, today, rules), current: code === currentCode });
  }
  return out;
}
