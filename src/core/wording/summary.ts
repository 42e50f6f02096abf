// The summary line of a review ("đạt và vượt 22/26 chỉ tiêu", vn-conventions §4.3) and the counts per printed word
// ("xấp xỉ đạt 2/26"), generated from the same results as the table so the two can never disagree.
import { ValidationError } from '../errors.ts';
import type { Locale } from '../format/date.ts';
import { formatNumber } from '../format/number.ts';
import { assertPrintedStatus, isInTermStatus, PRINTED_STATUSES, type PrintedStatus } from './status.ts';
import { printedStatus, wordFor } from './verdict.ts';
import { defaultVocabulary, type Vocabulary } from './vocabulary.ts';

export type SummaryItem = PrintedStatus | { status: PrintedStatus; restsOnEstimate?: boolean };

export interface SummaryOptions {
  exceededAs?: 'exceeded' | 'met';
  locale?: Locale;
  vocabulary?: Vocabulary;
  /** 'verb_first' (default): "đạt và vượt N/M chỉ tiêu"; 'count_first': "Có N/M chỉ tiêu đạt và vượt". */
  form?: 'verb_first' | 'count_first';
  /** The kind of review when the statuses alone cannot tell it (every item "no data"); inferred otherwise. */
  kind?: 'final' | 'in_term';
}

export interface WordCount {
  status: PrintedStatus;
  word: string;
  count: number;
  /** "xấp xỉ đạt 2/26". */
  text: string;
}

export interface Summary {
  /** 'final' counts met and exceeded; 'in_term' counts on track. */
  kind: 'final' | 'in_term';
  good: number;
  total: number;
  /** Some counted (good) verdict rests on an estimate, so the line says "ước". */
  restsOnEstimate: boolean;
  line: string;
  /** Non-zero counts per printed word, best first. */
  counts: WordCount[];
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLocaleLowerCase('vi') + word.slice(1);
}

export function summarize(items: readonly SummaryItem[], opts: SummaryOptions = {}): Summary {
  const vocabulary = opts.vocabulary ?? defaultVocabulary(opts.locale ?? 'vi');
  const entries = items.map((item) =>
    typeof item === 'string'
      ? { status: assertPrintedStatus(item), estimate: false }
      : { status: assertPrintedStatus(item.status), estimate: item.restsOnEstimate === true },
  );
  const inTerm = opts.kind === 'in_term' || entries.some((e) => isInTermStatus(e.status));
  const final = opts.kind === 'final' || entries.some((e) => e.status !== 'no_data' && !isInTermStatus(e.status));
  if (inTerm && final) {
    throw new ValidationError(
      {
        vi: 'Không thể tổng hợp chung kết quả cuối kỳ (đạt, vượt…) với dự báo giữa kỳ (có khả năng hoàn thành…)',
        en: 'Cannot summarise final verdicts (met, exceeded…) together with in-term projections (on track…)',
      },
      [],
      'mixed_verdict_kinds',
    );
  }
  const isGood = (s: PrintedStatus): boolean => (inTerm ? s === 'on_track' : s === 'met' || s === 'exceeded');
  const good = entries.filter((e) => isGood(e.status));
  const total = entries.length;
  const restsOnEstimate = good.some((e) => e.estimate);
  // Counts in the locale's digits: "1.203" in Vietnamese, "1,203" in English.
  const count = (x: number): string => formatNumber(String(x), { locale: opts.locale ?? 'vi' });
  const values = { n: count(good.length), m: count(total), est: restsOnEstimate ? vocabulary.summary.estimate : '' };
  const template = inTerm
    ? vocabulary.summary.inTerm
    : opts.form === 'count_first'
      ? vocabulary.summary.countFirst
      : vocabulary.summary.verbFirst;

  const byWord = new Map<PrintedStatus, number>();
  for (const e of entries) {
    const key = printedStatus(e.status, opts.exceededAs);
    byWord.set(key, (byWord.get(key) ?? 0) + 1);
  }
  const counts = PRINTED_STATUSES.flatMap((status) => {
    const count = byWord.get(status) ?? 0;
    if (count === 0) return [];
    const word = wordFor(status, { vocabulary });
    return [{ status, word, count, text: `${lowerFirst(word)} ${count}/${total}` }];
  });

  return {
    kind: inTerm ? 'in_term' : 'final',
    good: good.length,
    total,
    restsOnEstimate,
    line: fill(template, values),
    counts,
  };
}
