// The parameters of a reporting regime (data cut-off, deadline, which periods exist) as data with their legal basis.
// Defaults: NĐ 09/2019/NĐ-CP Điều 12 (cut-offs) and Điều 13 (deadline); a tenant loads its province's regime instead
// (vn-conventions §6.2 REP-2), and a new decree is a new data object, not new code.
import { ValidationError, type FieldIssue } from '../errors.ts';
import type { PeriodKind } from '../periods/period.ts';
import type { LegalBasis, Sourced } from './document.ts';
import { ND_09_2019, QD_01_2023_KHANH_HOA, TT_58_2020_BQP } from './documents.ts';

/**
 * The last day of a month whose data belongs to that month's reports ("ngày chốt số liệu"); the next period's data
 * begins the day after. NĐ 09 Điều 12: the 14th (data runs 15th → 14th). 'month_end' gives calendar periods.
 * Days are limited to 1–28 so that every month has the day.
 */
export type CutoffDay = number | 'month_end';

/** When a period's report is due. */
export type DeadlineRule =
  /** On a fixed day of the period's last month (NĐ 09 Điều 13: no later than the 25th). */
  | { kind: 'day_of_last_month'; day: number }
  /** A number of days after the cut-off, counting working days (Mon–Fri, not holidays) or calendar days. */
  | { kind: 'days_after_cutoff'; days: number; working: boolean };

export interface ReportingRules {
  id: string;
  title: { vi: string; en: string };
  cutoffDay: Sourced<CutoffDay>;
  deadline: Sourced<DeadlineRule>;
  /** Where each kind of period and its cut-off pattern is defined. */
  periods: Record<PeriodKind, LegalBasis>;
  /** Public holidays (ISO dates) that are not working days, for working-day deadlines. Weekends never are. */
  holidays?: readonly string[];
}

const ND09_D12: LegalBasis = { kind: 'document', document: ND_09_2019, provision: 'Điều 12' };

/** NĐ 09/2019/NĐ-CP: data 15th → 14th; provincial reports to the Government by the 25th of the period's last month. */
export const ND09_REPORTING_RULES: ReportingRules = {
  id: 'nd-09-2019',
  title: {
    vi: 'Chế độ báo cáo định kỳ theo Nghị định 09/2019/NĐ-CP',
    en: 'Periodic reporting under Decree 09/2019/ND-CP',
  },
  cutoffDay: { value: 14, basis: ND09_D12 },
  deadline: {
    value: { kind: 'day_of_last_month', day: 25 },
    basis: { kind: 'document', document: ND_09_2019, provision: 'Điều 13' },
  },
  periods: {
    month: ND09_D12,
    quarter: ND09_D12,
    half: {
      kind: 'document',
      document: TT_58_2020_BQP,
      provision: 'kỳ 6 tháng cuối năm (15/6 → 14/12); 6 tháng đầu năm theo Điều 12 Nghị định 09/2019/NĐ-CP',
    },
    nine_months: { kind: 'document', document: QD_01_2023_KHANH_HOA, provision: 'kỳ 9 tháng (15/12 → 14/9)' },
    year: ND09_D12,
    span: {
      kind: 'custom',
      note: {
        vi: 'Giai đoạn nhiều năm: chitieu nối các kỳ năm theo Điều 12 Nghị định 09/2019/NĐ-CP (15/12 năm trước năm đầu → 14/12 năm cuối)',
        en: 'Multi-year span: chitieu chains the yearly periods of Decree 09/2019 Art. 12 (15/12 before the first year → 14/12 of the last)',
      },
    },
  },
};

/** The defaults every tenant starts from. */
export const DEFAULT_REPORTING_RULES: ReportingRules = ND09_REPORTING_RULES;

function isDayOfMonth(n: number, max: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= max;
}

/** Problems in a rule set, empty when it is usable. */
export function reportingRulesIssues(rules: ReportingRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const cut = rules.cutoffDay.value;
  if (cut !== 'month_end' && !isDayOfMonth(cut, 28)) {
    issues.push({
      path: '/cutoffDay',
      reason: {
        vi: 'Ngày chốt số liệu phải từ 1 đến 28 hoặc cuối tháng',
        en: 'The cut-off day must be 1–28 or month end',
      },
    });
  }
  const d = rules.deadline.value;
  if (d.kind === 'day_of_last_month') {
    if (!isDayOfMonth(d.day, 31)) {
      issues.push({
        path: '/deadline/day',
        reason: { vi: 'Hạn gửi báo cáo phải là ngày từ 1 đến 31', en: 'The deadline must be a day 1–31' },
      });
    } else if (cut === 'month_end' || d.day <= cut + 1) {
      // NĐ 09 Điều 8 k.5: at least one working day between the end of data collection and the deadline.
      issues.push({
        path: '/deadline/day',
        reason: {
          vi: 'Hạn gửi báo cáo phải sau ngày chốt số liệu ít nhất một ngày làm việc (Điều 8 khoản 5 Nghị định 09/2019/NĐ-CP)',
          en: 'The deadline must leave at least one working day after the cut-off (Decree 09/2019 Art. 8(5))',
        },
      });
    }
  } else if (!Number.isInteger(d.days) || d.days < 1) {
    issues.push({
      path: '/deadline/days',
      reason: { vi: 'Số ngày sau ngày chốt phải ít nhất là 1', en: 'Days after the cut-off must be at least 1' },
    });
  }
  return issues;
}

/** A tenant's regime: the defaults with its own parameters and their basis; refused when unusable. */
export function withReportingOverrides(
  base: ReportingRules,
  overrides: Partial<Omit<ReportingRules, 'periods'>> & { periods?: Partial<Record<PeriodKind, LegalBasis>> },
): ReportingRules {
  const rules: ReportingRules = { ...base, ...overrides, periods: { ...base.periods, ...overrides.periods } };
  assertReportingRules(rules);
  return rules;
}

export function assertReportingRules(rules: ReportingRules): void {
  const issues = reportingRulesIssues(rules);
  if (issues.length > 0) {
    throw new ValidationError(
      { vi: `Chế độ báo cáo "${rules.id}" không hợp lệ`, en: `Reporting rules "${rules.id}" are invalid` },
      issues,
      'invalid_reporting_rules',
    );
  }
}
