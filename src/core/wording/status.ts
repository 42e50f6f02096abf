// The statuses a verdict can be printed from. The evaluation engine produces the first two groups; the judged
// statuses are a plan owner's or assessor's call ("xấp xỉ đạt", "cơ bản đạt"): no rule defines their thresholds
// (vn-conventions §4.3), so chitieu never computes them, but a plan may record and print them.
import { ValidationError } from '../errors.ts';

/** At the end of a target's period. */
export type FinalStatus = 'exceeded' | 'met' | 'not_met' | 'no_data';
/** During the term: the projection of a target. */
export type InTermStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data';
/** Recorded by a person, not computed. */
export type JudgedStatus = 'nearly_met' | 'basically_met';

export type PrintedStatus = FinalStatus | InTermStatus | JudgedStatus;

export const FINAL_STATUSES: readonly FinalStatus[] = ['exceeded', 'met', 'not_met', 'no_data'];
export const IN_TERM_STATUSES: readonly InTermStatus[] = ['on_track', 'at_risk', 'off_track', 'no_data'];
/** Order in which words are listed in counts: best first, no data last. */
export const PRINTED_STATUSES: readonly PrintedStatus[] = [
  'exceeded',
  'met',
  'basically_met',
  'nearly_met',
  'not_met',
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
];

export function isPrintedStatus(value: unknown): value is PrintedStatus {
  return typeof value === 'string' && (PRINTED_STATUSES as readonly string[]).includes(value);
}

export function assertPrintedStatus(value: unknown): PrintedStatus {
  if (isPrintedStatus(value)) return value;
  throw new ValidationError(
    { vi: `Trạng thái đánh giá "${String(value)}" không hợp lệ`, en: `Verdict status "${String(value)}" is unknown` },
    [],
    'invalid_verdict_status',
    { status: value, allowed: PRINTED_STATUSES },
  );
}

export function isInTermStatus(status: PrintedStatus): boolean {
  return status === 'on_track' || status === 'at_risk' || status === 'off_track';
}
