// The figure part of entering or revising an observation, checked the same way for both.
import { parseDecimal } from '../../core/decimal.ts';
import type { ObservationStatus } from '../../core/vocabulary.ts';
import { nfc } from '../auth/text.ts';

export interface FigureInput {
  value: string;
  status: ObservationStatus;
  reason?: string | null;
  sourceText?: string | null;
  evidenceUrl?: string | null;
}

export function normaliseFigure(f: FigureInput): {
  value: string;
  status: string;
  reason: string | null;
  sourceText: string | null;
  evidenceUrl: string | null;
} {
  return {
    // parseDecimal refuses commas, exponents and NaN; the text is kept as written ("14.50"): its precision counts.
    value: parseDecimal(f.value, 'value') && f.value,
    status: f.status,
    reason: f.reason ? nfc(f.reason) : null,
    sourceText: f.sourceText ? nfc(f.sourceText) : null,
    evidenceUrl: f.evidenceUrl ?? null,
  };
}
