// The word a plan prints for a verdict. Per plan: whether "exceeded" is printed as its own word (Hải Phòng
// 2020–2025 prints "Vượt") or folded into "met" (Hải Dương prints "Đạt"), and the estimate marking of verdicts
// that rest on estimates (vn-conventions §6.3 STAT-3, §6.6 CYCLE-3).
import type { Locale } from '../format/date.ts';
import { assertPrintedStatus, type PrintedStatus } from './status.ts';
import { defaultVocabulary, type Vocabulary } from './vocabulary.ts';

export interface WordingOptions {
  /** 'met' folds exceeded into the word for met. Default 'exceeded'. */
  exceededAs?: 'exceeded' | 'met';
  /** The verdict rests on at least one estimate (ước tính), so it may change when official figures arrive. */
  restsOnEstimate?: boolean;
  locale?: Locale;
  /** Overrides the locale's default vocabulary. */
  vocabulary?: Vocabulary;
}

/** The status whose word is printed, after a plan's folding of exceeded into met. */
export function printedStatus(status: PrintedStatus, exceededAs: 'exceeded' | 'met' = 'exceeded'): PrintedStatus {
  return status === 'exceeded' && exceededAs === 'met' ? 'met' : status;
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLocaleLowerCase('vi') + word.slice(1);
}

function upperFirst(word: string): string {
  return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
}

/** "Vượt", "Đạt", "Ước đạt", "Không đạt (ước)", "Chưa có số liệu"; English "Exceeded", "Met (est.)". */
export function wordFor(status: PrintedStatus, opts: WordingOptions = {}): string {
  const vocabulary = opts.vocabulary ?? defaultVocabulary(opts.locale ?? 'vi');
  const key = printedStatus(assertPrintedStatus(status), opts.exceededAs);
  const word = vocabulary.words[key];
  // "No data" rests on nothing, so it carries no estimate mark.
  if (opts.restsOnEstimate !== true || key === 'no_data') return word;
  const { style, marker } = vocabulary.estimate;
  return style === 'prefix' ? `${upperFirst(marker)} ${lowerFirst(word)}` : `${word} ${marker}`;
}
