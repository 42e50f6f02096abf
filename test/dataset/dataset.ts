// Shared helpers of the dataset tests: the bundled files, the source document, and the vi-VN writing of numbers.
// Every figure of data/plans/*.json carries `line` (1-based, in the source); see data/FORMAT.md.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = path.join(ROOT, 'data');
export const SOURCE_PATH = path.resolve(ROOT, '../shared/source/000_fcfbe4c97d396d0a.txt');

export interface Note {
  kind: string;
  text: string;
  lines: number[];
}
export interface Spec {
  kind: string;
  term: { firstYear: number; lastYear: number };
  min?: string;
  max?: string;
  value?: string;
  share?: string;
  factor?: string;
  baselineValue?: string;
  count?: number;
  ofCount?: number;
  maxRank?: number;
  [key: string]: unknown;
}
export interface Target {
  text: string;
  line: number;
  lineEnd?: number;
  spec: Spec;
  derived?: Record<string, string>;
}
export interface Observation {
  period: string;
  value: string | null;
  text: string;
  status: string;
  line: number;
  lineEnd?: number;
  range?: { min: string; max: string };
  bound?: { op: string; value: string };
}
export interface Verdict {
  text: string;
  status: 'exceeded' | 'met' | 'not_met';
  line: number;
  lineEnd?: number;
}
export interface Indicator {
  code: string;
  parent: string | null;
  name: string;
  line: number;
  lineEnd?: number;
  targets: Target[];
  observations?: Observation[];
  reportedVerdict?: Verdict | null;
  notes?: Note[];
}
export interface TextItem {
  code?: string;
  number?: string;
  list?: number;
  title?: string;
  name?: string;
  line: number;
  lineEnd?: number;
  notes?: Note[];
}
export interface PlanFile {
  format: string;
  tenant: string;
  plan: {
    id: string;
    unitCode: string;
    term: { firstYear: number; lastYear: number };
    display: { exceededAs: 'exceeded' | 'met' };
    line: number;
  };
  indicators: Indicator[];
  breakthroughs: TextItem[];
  tasks: TextItem[];
  projects: TextItem[];
  notes?: Note[];
}
export interface TenantFile {
  format: string;
  tenant: { code: string; unitCode: string };
  units: { code: string; line?: number }[];
  lineage: { from: string; to: string; line?: number }[];
  agencies: { code: string; line?: number }[];
  notes?: Note[];
}

export interface DataFile<T> {
  name: string;
  text: string;
  json: T;
}

function load<T>(dir: string): DataFile<T>[] {
  const full = path.join(DATA, dir);
  return readdirSync(full)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(full, name), 'utf8');
      return { name, text, json: JSON.parse(text) as T };
    });
}
export const planFiles = (): DataFile<PlanFile>[] => load<PlanFile>('plans');
export const tenantFiles = (): DataFile<TenantFile>[] => load<TenantFile>('tenants');
export const readSchema = (name: string): object =>
  JSON.parse(readFileSync(path.join(DATA, 'schema', name), 'utf8')) as object;

export const SOURCE: readonly string[] = readFileSync(SOURCE_PATH, 'utf8').normalize('NFC').split('\n');

/** Largest span a figure may declare with lineEnd (a table cell wrapped by the PDF flattening). */
export const MAX_SPAN = 5;

/**
 * The source text a figure may be found in: its line and the next one (numbers and units wrapped by the PDF
 * flattening, e.g. "14,5%" / "/năm"), or line..lineEnd when the figure declares lineEnd (at most MAX_SPAN lines on).
 */
export function sourceWindow(line: number, lineEnd?: number): string {
  const last = lineEnd ?? Math.min(line + 1, SOURCE.length);
  return SOURCE.slice(line - 1, last).join(' ');
}

/** Whitespace removed, NFC: how `text` is compared (the flattening splits cells at arbitrary points). */
export const compact = (s: string): string => s.normalize('NFC').replace(/\s+/g, '');

/** A decimal string written the Vietnamese way: "11.39" → "11,39", "1200000" → "1.200.000", "-3.5" → "-3,5". */
export function viNumber(decimal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m) throw new Error(`not a decimal string: ${decimal}`);
  const [, sign = '', int = '', frac] = m;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${grouped}${frac === undefined ? '' : `,${frac}`}`;
}

/**
 * Whether `text` contains the number as a whole token (not part of a longer number: "35" is not found in "335").
 * A single-digit integer may carry the leading zero of administrative writing ("02 hiện vật", "03 đột phá").
 */
export function containsNumber(text: string, vi: string): boolean {
  const esc = vi.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const zero = /^\d$/.test(vi) ? '0?' : '';
  return new RegExp(`(?<![\\d.,])${zero}${esc}(?![\\d]|[.,]\\d)`).test(text.replace(/\s+/g, ' '));
}

/** The document's verdict wording mapped to a status (data/FORMAT.md, "reportedVerdict"). */
export function verdictStatus(text: string): 'exceeded' | 'met' | 'not_met' | null {
  const t = text.normalize('NFC').toLowerCase().trim();
  if (/(không|chưa)\s+đạt/.test(t)) return 'not_met';
  if (/^vượt/.test(t)) return 'exceeded';
  if (/đạt/.test(t)) return 'met';
  return null;
}

/** Numbers of a target spec that must be written in its source text, minus those the target declares derived. */
export function specNumbers(t: Target): { key: string; vi: string }[] {
  const out: { key: string; vi: string }[] = [];
  const derived = t.derived ?? {};
  for (const key of ['min', 'max', 'value', 'share', 'factor', 'baselineValue'] as const) {
    const v = t.spec[key];
    if (typeof v === 'string' && !(key in derived)) out.push({ key, vi: viNumber(v) });
  }
  for (const key of ['count', 'ofCount', 'maxRank'] as const) {
    const v = t.spec[key];
    if (typeof v === 'number' && !(key in derived)) out.push({ key, vi: viNumber(String(v)) });
  }
  return out;
}

/** Every string anywhere in a parsed JSON value, with its path. */
export function* strings(value: unknown, at = '$'): Generator<{ at: string; s: string }> {
  if (typeof value === 'string') yield { at, s: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${at}[${i}]`);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      yield { at: `${at}.${k}#key`, s: k };
      yield* strings(v, `${at}.${k}`);
    }
}
