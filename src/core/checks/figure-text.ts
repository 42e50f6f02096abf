// Reads a figure as a source writes it — a value ("14,5" or "14.5"), a range ("8,3–8,5"), a bound ("< 3,5") or a
// count with its total ("102/275 xã") — into one shape the checks and the storage share.
import { ValidationError, type FieldIssue } from '../errors.ts';
import { parseNumberText } from '../interchange/cells.ts';
import type { ThresholdOp } from '../targets/target.ts';

export type FigureText =
  | { form: 'value'; value: string }
  | { form: 'range'; min: string; max: string }
  | { form: 'bound'; op: ThresholdOp; value: string }
  | { form: 'count_of'; count: string; of: string };

/** Longest figure text accepted: a range of two long decimals and a word fits; anything longer is not a figure. */
export const FIGURE_TEXT_MAX = 64;

// A number as written: canonical ("1200000.5"), vi-VN ("1.200.000,5", "14,5") or grouped by commas ("1,200,000.5");
// which of these it is, and whether it is ambiguous, is parseNumberText's decision.
const NUM = String.raw`-?\d[\d.,]*`;
const VALUE = new RegExp(`^(${NUM})$`);
const RANGE = new RegExp(String.raw`^(${NUM})\s*[-–—]\s*(${NUM})$`);
const BOUND = new RegExp(String.raw`^(<=|>=|≤|≥|<|>)\s*(${NUM})$`);
const COUNT_OF = /^(\d+)\s*\/\s*(\d+)(?:\s+\p{L}[\p{L}\s]*)?$/u;

const OPS: Record<string, ThresholdOp> = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=' };

function refuse(field: string, text: string, reason: FieldIssue['reason']): never {
  throw new ValidationError(
    {
      vi: `Trường ${field}: "${text}" ${reason.vi}`,
      en: `Field ${field}: "${text}" ${reason.en}`,
    },
    [{ path: field, reason }],
    'invalid_figure',
    { field, value: text },
  );
}

/**
 * One number through the same reader as the Excel and CSV import (core/interchange/cells.ts): "1.234,5" and "1234.5"
 * are read, "1.234" is refused as ambiguous with the same words, so a figure means the same typed in the app, sent to
 * the API or put in a file.
 */
function number(field: string, text: string, part: string): string {
  const n = parseNumberText(part);
  if (!n.ok) refuse(field, text, n.reason);
  return n.value;
}

/** Reads the figure text of field `field`; refuses anything that is none of the four forms, naming the field. */
export function parseFigureText(raw: string, field = 'value'): FigureText {
  const text = raw
    .normalize('NFC')
    .trim()
    .replace(/\u2212/g, '-');
  if (text.length === 0 || text.length > FIGURE_TEXT_MAX)
    refuse(field, raw.slice(0, FIGURE_TEXT_MAX), {
      vi: `phải có từ 1 đến ${FIGURE_TEXT_MAX} ký tự`,
      en: `must have 1 to ${FIGURE_TEXT_MAX} characters`,
    });
  const v = VALUE.exec(text);
  if (v?.[1]) return { form: 'value', value: number(field, text, v[1]) };
  const b = BOUND.exec(text);
  if (b?.[1] && b[2]) return { form: 'bound', op: OPS[b[1]] ?? '<', value: number(field, text, b[2]) };
  const r = RANGE.exec(text);
  if (r?.[1] && r[2]) return { form: 'range', min: number(field, text, r[1]), max: number(field, text, r[2]) };
  const c = COUNT_OF.exec(text);
  if (c?.[1] && c[2]) return { form: 'count_of', count: c[1], of: c[2] };
  return refuse(field, text, {
    vi: 'không đọc được: ghi một số (14,5), một khoảng (8,3–8,5), một cận ("< 3,5") hoặc số trên tổng số (102/275)',
    en: 'cannot be read: write a number (14.5), a range (8.3–8.5), a bound ("< 3.5") or a count of a total (102/275)',
  });
}

/** The figure as the source wrote it, in vi-VN notation, for value_text and messages. */
export function writtenFigure(f: FigureText): string {
  const vi = (n: string): string => n.replace('.', ',');
  switch (f.form) {
    case 'value':
      return vi(f.value);
    case 'range':
      return `${vi(f.min)}–${vi(f.max)}`;
    case 'bound':
      return `${f.op.replace('<=', '≤').replace('>=', '≥')} ${vi(f.value)}`;
    case 'count_of':
      return `${f.count}/${f.of}`;
  }
}
