// Drafts a plan from a resolution's text: the targets it sets, each with its span of text, the rules that read it
// and a confidence, for a planning office to review. Pure: the text in, the draft out; nothing is saved.
import type { Messages } from '../errors.ts';
import type { Term } from '../targets/target.ts';
import { areaOnly, withArea } from './names.ts';
import { findTerm } from './periods.ts';
import { readClause, span } from './read-clause.ts';
import { prepareSource } from './source-text.ts';
import { splitClauses } from './statements.ts';
import type { Draft, DraftItem, NotUnderstood } from './types.ts';

export interface DraftOptions {
  /** The plan's term when the document does not say it (or says it wrongly). */
  term?: Term;
}

export function draftPlan(text: string, opts: DraftOptions = {}): Draft {
  const src = prepareSource(text);
  const split = splitClauses(src);
  // A text with no heading that says "targets" or "results" (a pasted list of targets) is read as all targets.
  const anyMood = split.some((c) => c.mood !== 'unknown');
  const clauses = anyMood ? split : split.map((c) => ({ ...c, mood: 'forward' as const }));
  const found = findTerm(clauses.filter((c) => c.mood !== 'review'));
  const term = opts.term ?? found?.term ?? null;
  const items: DraftItem[] = [];
  const notUnderstood: NotUnderstood[] = [];
  if (term !== null) {
    // A sub-target's parent is the target "trong đó" refers to: the latest target of its sentence that is not itself
    // a sub-target ("A đạt 75 %; B đạt 80 %, trong đó C …": C belongs to B, not to A).
    const headOfSentence = new Map<number, string>();
    const lastOfSentence = new Map<number, DraftItem>();
    for (const clause of clauses) {
      const r = readClause(src, clause, term);
      for (const item of r.items) {
        item.id = `d${items.length + 1}`;
        // "…đô thị đạt 100%; nông thôn trên 85%": a list item named only by its area measures what the one before did.
        const area = areaOnly(item.indicator.name);
        const before = lastOfSentence.get(clause.sentenceStart);
        if (area !== null && before !== undefined && areaOnly(before.indicator.name) === null) {
          item.indicator.name = withArea(before.indicator.name, area);
          item.rules.push('name-area');
        }
        lastOfSentence.set(clause.sentenceStart, item);
        const head = headOfSentence.get(clause.sentenceStart);
        if (head === undefined || item.indicator.parent === null) {
          headOfSentence.set(clause.sentenceStart, item.id);
          item.indicator.parent = null;
        } else item.indicator.parent = head;
        items.push(item);
      }
      notUnderstood.push(...r.notUnderstood);
    }
  }
  return {
    format: 'chitieu-draft/1',
    term,
    termSpan: found && !opts.term ? span(src, found.start, found.end) : null,
    items,
    notUnderstood,
    summary: summarise(items, notUnderstood, term),
  };
}

function summarise(items: DraftItem[], notUnderstood: NotUnderstood[], term: Term | null): Messages {
  if (term === null) {
    return {
      vi: 'Không tìm thấy nhiệm kỳ hay giai đoạn trong văn bản: hãy cho biết nhiệm kỳ (ví dụ 2026-2030) để lập dự thảo',
      en: 'No term or period found in the text: give the term (e.g. 2026-2030) to draft the plan',
    };
  }
  if (items.length === 0) {
    return {
      vi: `Văn bản không có câu chỉ tiêu nào đọc được (nhiệm kỳ ${term.firstYear}–${term.lastYear}); dự thảo trống`,
      en: `The text holds no target statement that could be read (term ${term.firstYear}–${term.lastYear}); the draft is empty`,
    };
  }
  const two = items.filter((i) => i.readings.length > 1).length;
  return {
    vi: `${items.length} chỉ tiêu dự thảo cho nhiệm kỳ ${term.firstYear}–${term.lastYear}, ${two} câu có hai cách hiểu, ${notUnderstood.length} câu chưa đọc được`,
    en: `${items.length} draft targets for the term ${term.firstYear}–${term.lastYear}, ${two} with two readings, ${notUnderstood.length} statements not understood`,
  };
}
