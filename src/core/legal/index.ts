// The legal-basis registry: documents, the rule parameters they set, and the default sets chitieu starts from.
export * from './document.ts';
export * from './documents.ts';
export * from './reporting-rules.ts';
export * from './code-list.ts';
