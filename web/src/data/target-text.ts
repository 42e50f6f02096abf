// What a row's target says in the reader's language: a document's own words for a target, and for a parent judged
// from its sub-indicators (no target of its own) the rule it is judged by.
import { messages, type Locale } from '../i18n/messages.ts';

/** A full row or a list row: both carry the target's words and whether the row is a composite parent. */
export function targetTextOf(row: { composite?: true; target: { text: string } }, locale: Locale): string {
  return row.composite ? messages[locale].compositeTarget : row.target.text;
}
