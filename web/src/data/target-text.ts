// What a row's target says in the reader's language: a document's own words for a target, and for a parent judged
// from its sub-indicators (no target of its own) the rule it is judged by.
import { messages, type Locale } from '../i18n/messages.ts';
import type { EvaluationRow } from './queries.ts';

export function targetTextOf(row: Pick<EvaluationRow, 'composite' | 'target'>, locale: Locale): string {
  return row.composite ? messages[locale].compositeTarget : row.target.text;
}
