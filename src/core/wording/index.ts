// Verdict wording as configuration: statuses, vocabularies (data with their source), words, summary lines, notation.
export * from './status.ts';
export * from './vocabulary.ts';
export * from './verdict.ts';
export * from './summary.ts';
export * from './notation.ts';
