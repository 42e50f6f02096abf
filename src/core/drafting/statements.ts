// Cuts a prepared document into statements: paragraphs → sentences → clauses split at ";" (and at ":" after a
// lead-in), each carrying what the sentence around it says once for all (its year, its verb, "trong đó").
import { SectionTracker, isHeading, readHeading, type SectionMood } from './sections.ts';
import type { Paragraph, SourceText } from './source-text.ts';

export interface Clause {
  /** Offsets in the document. */
  start: number;
  end: number;
  /** The clause's text, whitespace collapsed. */
  text: string;
  /** Document offset of each character of text (and of its end). */
  offsets: number[];
  /** The sentence's lead-in before ":" ("Phấn đấu đến năm 2030") or its first clause, for what a list shares. */
  lead: string;
  /** The sentence this clause belongs to (offsets), to tell list items apart from separate sentences. */
  sentenceStart: number;
  /** Position in the sentence's list (0 = first clause). */
  index: number;
  /** After "trong đó" in this sentence: a sub-target of the sentence's first target. */
  sub: boolean;
  mood: SectionMood;
  /** The last year of a term named by an enclosing heading, or null. */
  sectionLastYear: number | null;
}

/** A sentence ends at "." followed by a capital, a dash, a bracket or the paragraph's end (not "1.200"). */
const SENTENCE_END = /\.(?=\s+[\p{Lu}(\-–+•]|\s*$)/gu;
const OPENS_ITS_OWN =
  /^(?:phấn đấu|bảo đảm|đảm bảo|tăng cường|nâng|tổng|tỷ lệ|tỷ trọng|số|tốc độ|chỉ số|thu nhập|kim ngạch|thu ngân sách|chi ngân sách|vốn đầu tư|GRDP)\s/iu;
const LIST_MARK = /^\s*(?:\(\d+\)|\d+(?:\.\d+)*\.|[a-zđ]\)|[-–+•])\s*/u;

export function splitClauses(src: SourceText): Clause[] {
  const out: Clause[] = [];
  const sections = new SectionTracker();
  for (const p of src.paragraphs) {
    const para = p.text;
    const lines = src.text.slice(p.start, p.end).split('\n');
    const heading = readHeading(firstLine(src, p), lines[1] ?? '');
    if (heading !== null) sections.enter(heading);
    // A part or an annex title glued to the text above it (no blank line before "PHỤ LỤC 3: …") still opens it.
    lines.slice(1).forEach((line, i) => {
      const inner = readHeading(line, lines[i + 2] ?? '');
      if (inner !== null && inner.level <= 1) sections.enter(inner);
    });
    const mood = sections.mood;
    const sectionLastYear = sections.lastYear;
    if (isHeading(para)) continue;
    let from = 0;
    const ends = [...para.matchAll(SENTENCE_END)].map((e) => e.index + 1);
    if (ends[ends.length - 1] !== para.length) ends.push(para.length);
    for (const to of ends) {
      splitSentence(p, from, to, { mood, sectionLastYear }, out);
      from = to;
    }
  }
  return out;
}

/** A heading is read on its first line: a table or a body may follow it in the same paragraph. */
function firstLine(src: SourceText, p: Paragraph): string {
  const nl = src.text.indexOf('\n', p.start);
  return src.flat.slice(p.start, nl < 0 || nl > p.end ? p.end : nl);
}

function splitSentence(
  p: Paragraph,
  from: number,
  to: number,
  section: Pick<Clause, 'mood' | 'sectionLastYear'>,
  out: Clause[],
): void {
  const para = p.text;
  let s = from;
  const mark = LIST_MARK.exec(para.slice(s, to));
  if (mark) s += mark[0].length;
  const sentence = para.slice(s, to);
  // A lead-in ending with ":" ("Phấn đấu đến năm 2030:") is shared by every item of the list after it.
  const colon = /^([^:;]{0,120}):\s/u.exec(sentence);
  const lead = colon ? (colon[1] ?? '') : '';
  const bodyStart = s + (colon ? colon[0].length : 0);
  let index = 0;
  let sub = false;
  let clauseStart = bodyStart;
  const pieces = [...para.slice(bodyStart, to).matchAll(/;/g)].map((e) => bodyStart + e.index);
  pieces.push(to);
  for (const cut of pieces) {
    const raw = para.slice(clauseStart, cut);
    const lead0 = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/[.;,]\s*$/u, '');
    if (text.length > 0) {
      const at = clauseStart + lead0;
      const offsets = p.offsets.slice(at, at + text.length + 1);
      const sentenceStart = p.offsets[s] ?? p.start;
      // A new verb of its own ends the "trong đó" list: "…; phấn đấu bố trí ít nhất 3% …" is not a sub-target; so
      // does a clause that opens with an indicator of its own ("…, trong đó năm 2025 đạt …; tổng chi ngân sách …").
      if (index > 0 && OPENS_ITS_OWN.test(text)) sub = false;
      const clause: Clause = {
        start: offsets[0] ?? p.start,
        end: (offsets[text.length - 1] ?? p.start) + 1,
        text,
        offsets,
        lead:
          lead ||
          (index === 0 ? '' : (out.find((c) => c.sentenceStart === sentenceStart && c.index === 0)?.text ?? '')),
        sentenceStart,
        index,
        sub,
        ...section,
      };
      out.push(clause);
      if (/(?:^|[\s,])trong đó(?=[\s,:]|$)/u.test(text)) sub = true;
      index++;
    }
    clauseStart = cut + 1;
  }
}
