// Measures a draft against a hand-built plan of the same document: for each target of the plan (the gold), whether
// the draft found a statement at its lines, with the same kind and bounds (first reading, or either), the same unit and
// year; and how many drafted items are right (precision). Used by `chitieu draft-plan FILE --against PLAN.json` and by
// bench/draft-plan.bench.ts.
import { Decimal } from '../decimal.ts';
import type { TargetKind, TargetSpec } from '../targets/target.ts';
import type { Draft, DraftItem } from './types.ts';

export interface GoldTarget {
  code: string;
  unit: string | null;
  line: number;
  lineEnd: number;
  spec: TargetSpec;
}

type Placed = { line?: number; lineEnd?: number; source?: { line?: number; lineEnd?: number } };

/** The plan file's targets that have lines (a bare `line`, or a citation with one), in the dataset format. */
export function goldTargets(plan: {
  indicators?: { code: string; unit: string | null; targets?: (Placed & { spec: TargetSpec; stage?: string })[] }[];
}): GoldTarget[] {
  return (plan.indicators ?? []).flatMap((i) =>
    (i.targets ?? []).flatMap((t) => {
      const line = t.line ?? t.source?.line;
      if (line === undefined || (t.stage ?? 'in_force') !== 'in_force') return [];
      const lineEnd = t.lineEnd ?? t.source?.lineEnd ?? line + 1;
      return [{ code: i.code, unit: i.unit, line, lineEnd, spec: t.spec }];
    }),
  );
}

const eq = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined ? a === b : new Decimal(a).eq(b);

/** Same kind and the same bounds (decimal equality; strictness for thresholds; rank; factor; share and counts). */
function sameBounds(g: TargetSpec, d: TargetSpec): boolean {
  switch (g.kind) {
    case 'growth_average':
      return d.kind === g.kind && eq(g.min, d.min) && eq(g.max, d.max);
    case 'level_at_end':
      return d.kind === g.kind && eq(g.value, d.value);
    case 'range_at_end':
      return d.kind === g.kind && eq(g.min, d.min) && eq(g.max, d.max);
    case 'threshold':
      return d.kind === g.kind && g.op === d.op && eq(g.value, d.value);
    case 'cumulative':
    case 'yearly_flow':
      return d.kind === g.kind && eq(g.value, d.value) && eq(g.max, d.max);
    case 'units_meeting_standard':
      return d.kind === g.kind && eq(g.share, d.share) && g.count === d.count && g.ofCount === d.ofCount;
    case 'rank':
      return d.kind === g.kind && g.maxRank === d.maxRank;
    case 'multiple_of_baseline':
      return d.kind === g.kind && eq(g.factor, d.factor);
    case 'milestone':
      return d.kind === g.kind;
    case 'term_average':
      return d.kind === g.kind && eq(g.min, d.min) && eq(g.max, d.max);
    case 'benchmark':
      return d.kind === g.kind && g.benchmark.indicator === d.benchmark.indicator && g.direction === d.direction;
  }
}

function yearOf(s: TargetSpec): string {
  switch (s.kind) {
    case 'level_at_end':
    case 'range_at_end':
    case 'threshold':
    case 'units_meeting_standard':
    case 'rank':
    case 'benchmark':
      return String(s.year);
    case 'milestone':
      return String(s.dueYear);
    default:
      return `${s.term.firstYear}-${s.term.lastYear}`;
  }
}

/** The draft keeps the unit as written ("%", "tỷ đồng"); the plan may qualify it ("% GRDP"): its head must agree. */
function sameUnit(gold: string | null, drafted: string | null): boolean {
  const norm = (u: string | null) => (u ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  const g = norm(gold);
  const d = norm(drafted);
  if (g === d) return true;
  if (d.length === 0) return false;
  return g.startsWith(d) || d.startsWith(g);
}

const overlaps = (g: GoldTarget, d: DraftItem) => d.figure.line <= g.lineEnd && d.figure.lineEnd >= g.line;

export interface MeasureRow {
  gold: number;
  located: number;
  kindBounds: number;
  anyReading: number;
  unit: number;
  year: number;
  drafted: number;
  draftedRight: number;
}

export interface Measurement {
  byKind: Map<TargetKind, MeasureRow>;
  total: MeasureRow;
  misses: { code: string; line: number; expected: string; drafted: string }[];
}

const emptyRow = (): MeasureRow => ({
  gold: 0,
  located: 0,
  kindBounds: 0,
  anyReading: 0,
  unit: 0,
  year: 0,
  drafted: 0,
  draftedRight: 0,
});

const brief = (s: TargetSpec): string =>
  JSON.stringify({ ...s, term: undefined, direction: undefined, precision: undefined, milestones: undefined });

export function measureDraft(draft: Draft, gold: readonly GoldTarget[]): Measurement {
  const kinds = [...new Set([...gold.map((g) => g.spec.kind), ...draft.items.map((d) => d.readings[0]?.kind)])].filter(
    (k): k is TargetKind => k !== undefined,
  );
  const rows = new Map<TargetKind, MeasureRow>(kinds.map((k) => [k, emptyRow()]));
  const used = new Set<string>();
  const misses: Measurement['misses'] = [];
  for (const g of gold) {
    const row = rows.get(g.spec.kind);
    if (!row) continue;
    row.gold++;
    const near = draft.items.filter((d) => overlaps(g, d) && !used.has(d.id));
    const right = near.find((d) => d.readings[0] && sameBounds(g.spec, d.readings[0].spec));
    const either = right ?? near.find((d) => d.readings.some((r) => sameBounds(g.spec, r.spec)));
    const pick = right ?? either ?? near[0];
    if (pick) {
      row.located++;
      used.add(pick.id);
    }
    if (right) row.kindBounds++;
    if (either) row.anyReading++;
    const r = pick?.readings[0];
    if (pick && r && sameUnit(g.unit, r.unit ?? pick.indicator.unit)) row.unit++;
    if (r && yearOf(r.spec) === yearOf(g.spec)) row.year++;
    if (!right) misses.push({ code: g.code, line: g.line, expected: brief(g.spec), drafted: r ? brief(r.spec) : '—' });
  }
  const rightIds = new Set<string>();
  for (const g of gold) {
    const d = draft.items.find(
      (x) => overlaps(g, x) && !rightIds.has(x.id) && x.readings[0] && sameBounds(g.spec, x.readings[0].spec),
    );
    if (d) rightIds.add(d.id);
  }
  for (const d of draft.items) {
    const k = d.readings[0]?.kind;
    const row = k ? rows.get(k) : undefined;
    if (!row) continue;
    row.drafted++;
    if (rightIds.has(d.id)) row.draftedRight++;
  }
  const total = emptyRow();
  for (const r of rows.values()) for (const k of Object.keys(total) as (keyof MeasureRow)[]) total[k] += r[k];
  return { byKind: rows, total, misses };
}

const pct = (a: number, b: number, locale: 'vi' | 'en' = 'vi'): string =>
  b === 0
    ? '—'
    : locale === 'vi'
      ? `${((100 * a) / b).toFixed(1).replace('.', ',')} %`
      : `${((100 * a) / b).toFixed(1)}%`;

/** The measured table by kind (plain text, vi-VN percentages), then the totals in one sentence per language. */
export function formatMeasurement(m: Measurement, notUnderstood: number): string {
  const header = ['kind', 'gold', 'located', 'kind+bounds', 'recall', 'unit', 'year', 'drafted', 'precision'];
  const line = (k: string, r: MeasureRow) => [
    k,
    String(r.gold),
    String(r.located),
    String(r.kindBounds),
    pct(r.kindBounds, r.gold),
    String(r.unit),
    String(r.year),
    String(r.drafted),
    pct(r.draftedRight, r.drafted),
  ];
  const table = [header, ...[...m.byKind.entries()].map(([k, r]) => line(k, r)), line('total', m.total)];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  const t = m.total;
  return [
    ...table.map((row) =>
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    ),
    '',
    `Đúng loại và mức (cách hiểu đầu): ${pct(t.kindBounds, t.gold)} chỉ tiêu; với một trong các cách hiểu: ` +
      `${pct(t.anyReading, t.gold)}; độ chính xác: ${pct(t.draftedRight, t.drafted)}; chưa đọc được: ${notUnderstood} câu.`,
    `Right kind and bounds (first reading): ${pct(t.kindBounds, t.gold, 'en')} of targets; with either reading: ` +
      `${pct(t.anyReading, t.gold, 'en')}; precision: ${pct(t.draftedRight, t.drafted, 'en')}; not understood: ${notUnderstood}.`,
    '',
  ].join('\n');
}
