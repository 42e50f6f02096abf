// Reads numbers written the Vietnamese way ("1.200.000,5", "14,5", "02", "2,5 triệu tỷ") into exact decimal strings:
// the inverse of src/core/format/number.ts, so a drafted figure keeps the precision it was written with.
import { Decimal, toCanonical } from '../decimal.ts';

/**
 * A vi-VN number as it appears in running text: thousands grouped by dots (groups of exactly three digits), an
 * optional decimal comma. "1.5" is not a vi-VN number (a dot group must have three digits); it is read as digits only.
 */
export const VI_NUMBER_SOURCE = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

const WHOLE_NUMBER = new RegExp(`^-?(?:${VI_NUMBER_SOURCE})$`);

/** Scale words in the order a reader must try them (longest first), with their exact multipliers. */
export const SCALE_WORDS: readonly { word: string; factor: string }[] = [
  { word: 'triệu tỷ', factor: '1000000000000000' },
  { word: 'nghìn tỷ', factor: '1000000000000' },
  { word: 'ngàn tỷ', factor: '1000000000000' },
  { word: 'tỷ', factor: '1000000000' },
  { word: 'tỉ', factor: '1000000000' },
  { word: 'triệu', factor: '1000000' },
  { word: 'nghìn', factor: '1000' },
  { word: 'ngàn', factor: '1000' },
];

export const SCALE_SOURCE = SCALE_WORDS.map((s) => s.word.replace(' ', String.raw`\s+`)).join('|');

/** "1.200.000,5" → "1200000.5"; "02" → "2"; "-0,1" → "-0.1". Returns null for text that is not one vi-VN number. */
export function readViNumber(text: string): string | null {
  const t = text.trim();
  if (!WHOLE_NUMBER.test(t)) return null;
  return toCanonical(new Decimal(t.replace(/\./g, '').replace(',', '.')));
}

/** Multiplier of a scale word as written ("nghìn  tỷ" → "1000000000000"), or null when it is not one. */
export function scaleFactor(word: string): string | null {
  const w = word.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return SCALE_WORDS.find((s) => s.word === w)?.factor ?? null;
}

/** A number with its scale word turned into the exact value: ("2.5", "triệu tỷ") → "2500000000000000". */
export function applyScale(value: string, scaleWord: string | null): string {
  if (scaleWord === null) return value;
  const factor = scaleFactor(scaleWord);
  return factor === null ? value : toCanonical(new Decimal(value).mul(factor));
}

/** Digits after the decimal comma as written: the precision a figure is declared with ("14,50" → 2). */
export function writtenPrecision(text: string): number {
  const comma = text.indexOf(',');
  return comma < 0 ? 0 : text.length - comma - 1;
}
