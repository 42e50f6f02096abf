// The shared vocabularies the web app shows (statuses, their words, target kinds), imported from the domain core in
// this one module so that a move of the core's declarations is a one-line change here.
import { defaultVocabulary, PRINTED_STATUSES, type PrintedStatus } from '../../src/core/wording/index.ts';
import type { TargetKind } from '../../src/core/targets/target.ts';
import type { Locale } from './i18n/messages.ts';

export { PRINTED_STATUSES, type PrintedStatus, type TargetKind };

/** Target kinds the evaluation may report, including a parent judged from its sub-indicators. */
export type RowKind = TargetKind | 'composite';

/** Worst first: what a leader must look at comes to the top of the overview. */
export const STATUS_SEVERITY: Record<PrintedStatus, number> = {
  not_met: 0,
  off_track: 1,
  at_risk: 2,
  nearly_met: 3,
  no_data: 4,
  basically_met: 5,
  on_track: 6,
  met: 7,
  exceeded: 8,
};

export function statusWord(status: PrintedStatus, locale: Locale): string {
  return defaultVocabulary(locale).words[status];
}

export function isPrinted(value: string | null | undefined): value is PrintedStatus {
  return typeof value === 'string' && (PRINTED_STATUSES as readonly string[]).includes(value);
}
