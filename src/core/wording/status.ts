// The statuses a verdict can be printed from. The evaluation engine produces the first two groups; the judged
// statuses are a plan owner's or assessor's call ("xấp xỉ đạt", "cơ bản đạt"): no rule defines their thresholds
// (vn-conventions §4.3), so chitieu never computes them, but a plan may record and print them.
import { ValidationError } from '../errors.ts';

import { type FinalStatus, isOneOf, type JudgedStatus, type TrackStatus } from '../vocabulary.ts';

/** During the term: the projection of a target (the vocabulary's track statuses). */
export type InTermStatus = TrackStatus;
export type { FinalStatus, JudgedStatus };

export type PrintedStatus = FinalStatus | InTermStatus | JudgedStatus;

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
  return isOneOf(PRINTED_STATUSES, value);
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
