// How the CLI's human format says things: verdicts and figure statuses as words, numbers and dates in vi-VN.
import type { ObservationStatus } from '../core/targets/target.ts';
import { formatDateShort, vietnamDateOf } from '../core/format/date.ts';
import { formatNumber } from '../core/format/number.ts';
import { isPrintedStatus, VI_OFFICIAL } from '../core/wording/index.ts';

const FIGURE_STATUS: Record<ObservationStatus, string> = {
  estimate: 'ước tính',
  preliminary: 'sơ bộ',
  official: 'chính thức',
};

/** A verdict code as the plan's Vietnamese word ("met" → "Đạt"); an unknown code is shown as it is. */
export function verdictWord(status: string | null): string {
  if (status === null) return 'chưa đánh giá';
  return isPrintedStatus(status) ? VI_OFFICIAL.words[status] : status;
}

export function figureStatusWord(status: string): string {
  return status in FIGURE_STATUS ? FIGURE_STATUS[status as ObservationStatus] : status;
}

/** An exact decimal string in vi-VN ("11.81" → "11,81"), or a dash when there is none. */
export function viNumber(value: string | null): string {
  if (value === null || value === '') return '—';
  return /^-?\d+(\.\d+)?$/.test(value) ? formatNumber(value) : value;
}

/** A calendar date "2026-11-20" → "20/11/2026"; an instant is first taken as a date in Vietnam. */
export function viDate(isoDateOrInstant: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrInstant)
    ? isoDateOrInstant
    : vietnamDateOf(new Date(isoDateOrInstant));
  return formatDateShort(date);
}
