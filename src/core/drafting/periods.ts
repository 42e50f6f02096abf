// Years and periods as a resolution writes them: "đến năm 2030", "vào năm 2030", "giai đoạn 2026 - 2030",
// "nhiệm kỳ 2025 - 2030", "hằng năm"; and the plan's term read from the document.
import type { Term } from '../targets/target.ts';

const SPAN = String.raw`((?:19|20|21)\d\d)\s*(?:-|–|—|đến)\s*((?:19|20|21)\d\d)`;

/** A term of office written A–B with B = A + 5 is evaluated over A+1..B: A is the base year (rule term-of-office). */
export function termOfSpan(a: number, b: number): { term: Term; officeTerm: boolean } {
  const officeTerm = b - a === 5;
  return { term: { firstYear: officeTerm ? a + 1 : a, lastYear: b }, officeTerm };
}

/**
 * The plan's term: the span most often written as "nhiệm kỳ / giai đoạn A - B" in the forward-looking text (a
 * report also names past terms and other bodies' terms), the later one on a tie. "nhiệm kỳ 2025 - 2030" and
 * "giai đoạn 2026 - 2030" count as the same term.
 */
export function findTerm(
  texts: readonly { text: string; offsets: number[] }[],
): { term: Term; start: number; end: number; officeTerm: boolean } | null {
  const seen = new Map<string, { term: Term; start: number; end: number; officeTerm: boolean; count: number }>();
  for (const t of texts) {
    for (const m of t.text.matchAll(new RegExp(String.raw`(?:nhiệm kỳ|giai đoạn)\s+${SPAN}`, 'giu'))) {
      const found = termOfSpan(Number(m[1]), Number(m[2]));
      const key = `${found.term.firstYear}-${found.term.lastYear}`;
      const had = seen.get(key);
      if (had) had.count++;
      else {
        const start = t.offsets[m.index] ?? 0;
        const end = (t.offsets[m.index + m[0].length - 1] ?? start) + 1;
        seen.set(key, { ...found, start, end, count: 1 });
      }
    }
  }
  let best: { term: Term; start: number; end: number; officeTerm: boolean; count: number } | null = null;
  for (const v of seen.values()) {
    if (best === null || v.count > best.count || (v.count === best.count && v.term.lastYear > best.term.lastYear)) {
      best = v;
    }
  }
  return best === null ? null : { term: best.term, start: best.start, end: best.end, officeTerm: best.officeTerm };
}

/**
 * Years that qualify a price basis or a standard, not the statement: "(GRDP giá so sánh năm 2010)", "theo chuẩn nghèo
 * giai đoạn 2016 - 2020". Removed before the statement's year or period is read.
 */
const QUALIFIED_YEAR =
  /(?:theo\s+)?(?:giá\s+(?:so sánh|hiện hành|cố định|thực tế)|theo\s+(?:tiêu\s+)?chuẩn(?:\s+(?!năm\s|giai đoạn\s|thời kỳ\s)\p{L}+){0,4})\s+(?:năm\s+|giai đoạn\s+|thời kỳ\s+)?(?:19|20|21)\d\d(?:\s*(?:-|–|—)\s*(?:19|20|21)\d\d)?/giu;

export function withoutQualifiedYears(text: string): string {
  return text.replace(QUALIFIED_YEAR, '');
}

/** "đến năm 2030", "vào năm 2030", "năm 2030", "đến 2030": the year a statement sets its target for. */
export function statedYear(text: string): number | null {
  const m =
    /(?:(?:đến|tới|vào|trong)\s+)?năm\s+((?:19|20|21)\d\d)(?!\s*(?:-|–|—)\s*\d)|(?:đến|tới)\s+((?:19|20|21)\d\d)(?!\s*(?:-|–|—)\s*\d)/iu.exec(
      text,
    );
  if (!m) return null;
  return Number(m[1] ?? m[2]);
}

/** "giai đoạn 2026 - 2030" written in a statement (not "so với giai đoạn …", which is a baseline). */
export function statedPeriod(text: string): { first: number; last: number; officeTerm: boolean } | null {
  const re = new RegExp(String.raw`(so với\s+)?(?:giai đoạn|thời kỳ|nhiệm kỳ|cả)\s+${SPAN}`, 'giu');
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) continue;
    const { term, officeTerm } = termOfSpan(Number(m[2]), Number(m[3]));
    return { first: term.firstYear, last: term.lastYear, officeTerm };
  }
  return null;
}

/** "so với giai đoạn 2020 - 2025" / "so với năm 2025": the baseline period code ("2021-2025", "2025"). */
export function baselinePeriod(text: string): { period: string; officeTerm: boolean } | null {
  const span = new RegExp(String.raw`so với\s+(?:giai đoạn|thời kỳ|nhiệm kỳ)\s+${SPAN}`, 'iu').exec(text);
  if (span) {
    const { term, officeTerm } = termOfSpan(Number(span[1]), Number(span[2]));
    return { period: `${term.firstYear}-${term.lastYear}`, officeTerm };
  }
  const year = /so với\s+(?:cuối\s+)?năm\s+((?:19|20|21)\d\d)/iu.exec(text);
  return year ? { period: year[1] ?? '', officeTerm: false } : null;
}

/** "5 năm", "cả nhiệm kỳ", "trong giai đoạn": the whole term, with no years written. */
export const WHOLE_TERM =
  /(?:^|\s)(?:(?:trong|cả)\s+)?(?:5|năm)\s+năm(?:\s|$)|cả nhiệm kỳ|cả giai đoạn|trong nhiệm kỳ|toàn nhiệm kỳ/iu;

/** "hằng năm", "hàng năm", "mỗi năm", "/năm" after a count: the target holds every year. */
export const EVERY_YEAR = /(?:hằng|hàng|mỗi)\s+năm|bình quân\s+(?:mỗi\s+)?năm/iu;
