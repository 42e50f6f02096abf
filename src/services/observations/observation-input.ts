// The figure part of entering or revising an observation, checked the same way for both.
import type { ObservationStatus } from '../../core/vocabulary.ts';
import { nfc } from '../auth/text.ts';

export interface FigureInput {
  /** The figure as written: "14.5", "14,5", a range "8,3–8,5", a bound "< 3,5", a count of a total "102/275". */
  value: string;
  status: ObservationStatus;
  reason?: string | null;
  sourceText?: string | null;
  evidenceUrl?: string | null;
  /** Accepts a figure the checks flag as implausible; the reason is required and kept in the audit record. */
  confirmImplausible?: boolean;
}

export function normaliseFigure(f: FigureInput): {
  value: string;
  status: string;
  reason: string | null;
  sourceText: string | null;
  evidenceUrl: string | null;
} {
  return {
    // Read and checked by check-figure.ts inside the write's transaction, where the indicator and its targets are known.
    value: f.value,
    status: f.status,
    reason: f.reason ? nfc(f.reason) : null,
    sourceText: f.sourceText ? nfc(f.sourceText) : null,
    evidenceUrl: f.evidenceUrl ?? null,
  };
}
