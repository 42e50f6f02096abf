// The database's CHECK lists and core/vocabulary name the same words: a word added on one side only would be
// accepted by the API and refused by the database (or stored and then refused by a response schema).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DATA_BASES,
  DIRECTIONS,
  MEASURES,
  OBSERVATION_STATUSES,
  PRICE_BASES,
  TARGET_KINDS,
  TARGET_STAGES,
  VINTAGE_KINDS,
  WORKFLOW_STATES,
} from '../../src/core/vocabulary.ts';

const dir = new URL('../../src/storage/migrations/', import.meta.url);
const sql = readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .join('\n');

/** Every word list the migrations constrain a column to, in migration order: column name → the distinct lists found. */
function checksOf(column: string): string[][] {
  const lists = new Map<string, string[]>();
  const re = new RegExp(`\\b${column} IN \\(([^)]*)\\)`, 'g');
  for (const m of sql.matchAll(re)) {
    const words = [...(m[1] ?? '').matchAll(/'([^']*)'/g)].map((w) => w[1] ?? '').sort();
    lists.set(words.join(','), words);
  }
  return [...lists.values()];
}

describe('the database constrains columns to the vocabulary', () => {
  it.each([
    ['status', OBSERVATION_STATUSES],
    ['workflow_state', WORKFLOW_STATES],
    ['kind', TARGET_KINDS],
    ['direction', DIRECTIONS],
    ['measure', MEASURES],
    ['price_basis', PRICE_BASES],
    ['change_kind', VINTAGE_KINDS],
    ['data_basis', DATA_BASES],
    ['stage', TARGET_STAGES],
  ] satisfies [string, readonly string[]][])('%s holds exactly the vocabulary list', (column, words) => {
    const lists = checksOf(column);
    expect(lists.length).toBeGreaterThan(0);
    expect(lists).toContainEqual([...words].sort());
    // A later migration may replace a constraint (0011 adds a target kind): the last list that names these words holds.
    const overlapping = lists.filter((l) => l.some((w) => (words as readonly string[]).includes(w)));
    expect(overlapping[overlapping.length - 1]).toEqual([...words].sort());
  });
});
