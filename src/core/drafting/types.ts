// The shapes of a drafted plan: each item is a reading of one target statement, with the span of text it comes from,
// the rules that fired and a confidence, so a planning office can review it instead of typing the plan.
import type { Messages } from '../errors.ts';
import type { TargetKind, TargetSpec, Term } from '../targets/target.ts';

/** Where a statement or figure is in the document: 1-based lines, UTF-16 offsets into the NFC text, and the quote. */
export interface Span {
  line: number;
  lineEnd: number;
  start: number;
  end: number;
  quote: string;
}

/** One way of reading a statement: a target in the dataset format's shape, and what the format cannot say. */
export interface DraftReading {
  kind: TargetKind;
  spec: TargetSpec;
  /** Unit as written ("%/năm", "tỷ đồng", "bác sĩ/vạn dân"). */
  unit: string | null;
  /** Bounds with the scale word applied, in the base unit ("2,5 triệu tỷ đồng" → "2500000000000000" đồng). */
  exact?: { min?: string; max?: string; value?: string; unit: string };
  /** Rule ids that decided this reading (see rules.ts). */
  rules: string[];
  /** Wording in the statement that today's target kinds cannot express exactly (kept for issue 22's wordings). */
  notExpressible: Messages[];
}

export interface DraftItem {
  id: string;
  indicator: { name: string; unit: string | null; parent: string | null };
  /** The preferred reading first; a statement with two readings carries both, and a lower confidence. */
  readings: DraftReading[];
  /** The statement (clause) the target is read from, and the figure inside it. */
  span: Span;
  figure: Span;
  /** 0–1: how sure the rules are (each doubt lowers it, and says why in `doubts`). */
  confidence: number;
  doubts: Messages[];
  /** Rules about the statement (list split, inherited year, sub-target …). */
  rules: string[];
}

/** A statement that looks like a target but that the rules could not read, with the reason. */
export interface NotUnderstood {
  span: Span;
  reason: Messages;
  rules: string[];
}

export interface Draft {
  format: 'chitieu-draft/1';
  /** The plan's term as read from the document ("nhiệm kỳ 2025 - 2030" → 2026–2030), or null when none is written. */
  term: Term | null;
  termSpan: Span | null;
  items: DraftItem[];
  notUnderstood: NotUnderstood[];
  /** One sentence for the reviewer; says so when the document holds no target. */
  summary: Messages;
}
