// The document as the parser reads it: NFC text, its lines, and a "flat" copy of the same length where line breaks,
// footnote lines and footnote markers are blanked, so every match in the flat text is an offset in the document.

export interface SourceText {
  /** The document, NFC. Offsets everywhere in a draft are UTF-16 offsets into this text. */
  text: string;
  /** Same length as text: newlines as spaces, footnotes blanked. */
  flat: string;
  /** Offset where each line starts (line n, 1-based, starts at lineStarts[n - 1]). */
  lineStarts: number[];
  /** Paragraphs after joining those that a page break or a footnote cut in two. */
  paragraphs: Paragraph[];
}

/**
 * A paragraph as the rules read it: whitespace runs collapsed to one space (a PDF wraps "trở" / "lên" with stray
 * spaces), with the document offset of every character so matches map back to exact spans.
 */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
  /** offsets[i] is the document offset of text[i]; offsets[text.length] is the paragraph's end. */
  offsets: number[];
}

/**
 * A footnote flattened from a PDF: a line that starts with its number and a capitalised sentence ("108 Theo Nghị
 * quyết số 21-NQ/TW …"). Numbers of three digits at most, and never a year.
 */
const FOOTNOTE_LINE = /^(\d{1,3}) +[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\n]*$/gmu;

/**
 * A footnote marker: a bare number after a word (not after a word that takes a number: "thứ 3,", "đạt 50.") and
 * before punctuation that ends a phrase, or the line end.
 */
const MARKER_BEFORE = String.raw`(?<=[\p{L})] )(?<!(?:thứ|nhóm|top|đạt|tăng|giảm|còn|khoảng|trên|dưới|hơn|là|có|gấp|năm|số|và) )`;
const MARKER_AFTER = String.raw`(?=[.,;:]?[ \t]*$|[.,;:](?=\s))`;

/** Body lines of a flattened A4 page hold about 85 characters; footnote lines (smaller font) run longer. */
const FOOTNOTE_WIDTH = 105;
const FOOTNOTE_START = /^\d{1,3} +[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]/u;

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

/** Footnote line numbers and their spans; a paragraph that is only footnotes is not text of the body. */
function findFootnotes(text: string): { numbers: Set<string>; spans: [number, number][] } {
  const numbers = new Set<string>();
  const spans: [number, number][] = [];
  // A numbered list item ("1 Chương trình …") also looks like a footnote; a footnote is referred to from the body as
  // a bare number after a word, followed by punctuation or a line end ("trở lên 108."): first place of each marker.
  const firstMarker = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(String.raw`${MARKER_BEFORE}(\d{1,3})${MARKER_AFTER}`, 'gmu'))) {
    if (!firstMarker.has(m[1] ?? '')) firstMarker.set(m[1] ?? '', m.index);
  }
  for (const m of text.matchAll(FOOTNOTE_LINE)) {
    const n = m[1] ?? '';
    const long = m[0].length >= 60 && Number(n) >= 10;
    if (!long && (firstMarker.get(n) ?? Infinity) >= m.index) continue;
    numbers.add(n);
    let end = m.index + m[0].length;
    // Footnotes are set in a smaller font: a line longer than any body line wraps onto the next one.
    let lineLength = m[0].length;
    while (lineLength >= FOOTNOTE_WIDTH) {
      const next = /^\n([^\n]+)/u.exec(text.slice(end));
      if (!next || FOOTNOTE_START.test(next[1] ?? '')) break;
      end += next[0].length;
      lineLength = (next[1] ?? '').length;
    }
    spans.push([m.index, end]);
  }
  return { numbers, spans };
}

export function prepareSource(input: string): SourceText {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);

  const chars = [...text.split('')];
  const footnotes = findFootnotes(text);
  for (const [s, e] of footnotes.spans) blank(chars, s, e);
  for (const m of text.matchAll(new RegExp(String.raw`${MARKER_BEFORE}(\d{1,3})${MARKER_AFTER}`, 'gmu'))) {
    if (footnotes.numbers.has(m[1] ?? '')) blank(chars, m.index, m.index + m[0].length);
  }
  const flat = chars.join('');
  const paragraphs = splitParagraphs(flat).map((p) => collapse(flat, p.start, p.end));
  return { text, flat: flat.replace(/\n/g, ' '), lineStarts, paragraphs };
}

/**
 * Paragraphs are separated by blank lines; one that does not end a sentence and is followed by one starting in lower
 * case was cut by a page break (or a footnote blanked above) and is joined back.
 */
function splitParagraphs(flat: string): { start: number; end: number }[] {
  const raw: { start: number; end: number }[] = [];
  const re = /\S(?:[^\n]|\n(?![ \t]*\n))*/g;
  for (const m of flat.matchAll(re)) {
    const body = m[0].trimEnd();
    if (body.length > 0) raw.push({ start: m.index, end: m.index + body.length });
  }
  const out: { start: number; end: number }[] = [];
  for (const p of raw) {
    const prev = out[out.length - 1];
    const startsLower = /^\p{Ll}/u.test(flat.slice(p.start, p.start + 1));
    if (prev && startsLower && !/[.;:!?]\s*$/.test(flat.slice(prev.start, prev.end))) prev.end = p.end;
    else out.push({ ...p });
  }
  return out;
}

function collapse(flat: string, start: number, end: number): Paragraph {
  let text = '';
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const c = flat[i] ?? ' ';
    const space = /\s/u.test(c);
    if (space && (text.length === 0 || text.endsWith(' '))) continue;
    text += space ? ' ' : c;
    offsets.push(i);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    offsets.pop();
  }
  offsets.push(end);
  return { start, end, text, offsets };
}

/** 1-based line of an offset. */
export function lineOf(src: SourceText, offset: number): number {
  let lo = 0;
  let hi = src.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((src.lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The flat text of [start, end) with its runs of blanks collapsed: what a reviewer reads. */
export function cleanQuote(src: SourceText, start: number, end: number): string {
  return src.flat.slice(start, end).replace(/\s+/g, ' ').trim();
}
