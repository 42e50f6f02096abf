// Measures the plan drafter on the bundled source document against the hand-built plan: recall and precision of the
// 2025–2030 targets (kind, bounds, unit, year), by kind. Not a timed test: run `npx tsx bench/draft-plan.bench.ts`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from '../src/core/decimal.ts';
import { draftPlan } from '../src/core/drafting/draft-plan.ts';
import type { DraftItem } from '../src/core/drafting/types.ts';
import type { TargetKind, TargetSpec } from '../src/core/targets/target.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = join(root, '../shared/source/000_fcfbe4c97d396d0a.txt');
const planPath = join(root, 'data/plans/hai-phong-2025-2030.json');

interface GoldTarget {
  code: string;
  unit: string | null;
  line: number;
  lineEnd: number;
  spec: TargetSpec;
}

interface PlanFile {
  indicators: { code: string; unit: string | null; targets: { line: number; lineEnd?: number; spec: TargetSpec }[] }[];
}

const plan = JSON.parse(readFileSync(planPath, 'utf8')) as PlanFile;
const gold: GoldTarget[] = plan.indicators.flatMap((i) =>
  i.targets.map((t) => ({ code: i.code, unit: i.unit, line: t.line, lineEnd: t.lineEnd ?? t.line + 1, spec: t.spec })),
);

const started = performance.now();
const draft = draftPlan(readFileSync(sourcePath, 'utf8'));
const elapsedMs = performance.now() - started;

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
  }
}

function yearOf(s: TargetSpec): string {
  switch (s.kind) {
    case 'level_at_end':
    case 'range_at_end':
    case 'threshold':
    case 'units_meeting_standard':
    case 'rank':
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

interface Row {
  gold: number;
  located: number;
  kindBounds: number;
  anyReading: number;
  unit: number;
  year: number;
  drafted: number;
  draftedRight: number;
}
const kinds = [...new Set([...gold.map((g) => g.spec.kind), ...draft.items.map((d) => d.readings[0]?.kind)])].filter(
  (k): k is TargetKind => k !== undefined,
);
const rows = new Map<TargetKind, Row>(
  kinds.map((k) => [
    k,
    { gold: 0, located: 0, kindBounds: 0, anyReading: 0, unit: 0, year: 0, drafted: 0, draftedRight: 0 },
  ]),
);
const used = new Set<string>();
const misses: { code: string; line: number; expected: string; drafted: string }[] = [];
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
  if (!right) {
    misses.push({
      code: g.code,
      line: g.line,
      expected: JSON.stringify({
        ...g.spec,
        term: undefined,
        direction: undefined,
        precision: undefined,
        milestones: undefined,
      }),
      drafted: r
        ? JSON.stringify({
            ...r.spec,
            term: undefined,
            direction: undefined,
            precision: undefined,
            milestones: undefined,
          })
        : '—',
    });
  }
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

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
const total = [...rows.values()].reduce(
  (t, r) => ({
    gold: t.gold + r.gold,
    located: t.located + r.located,
    kindBounds: t.kindBounds + r.kindBounds,
    anyReading: t.anyReading + r.anyReading,
    unit: t.unit + r.unit,
    year: t.year + r.year,
    drafted: t.drafted + r.drafted,
    draftedRight: t.draftedRight + r.draftedRight,
  }),
  { gold: 0, located: 0, kindBounds: 0, anyReading: 0, unit: 0, year: 0, drafted: 0, draftedRight: 0 },
);

const header = ['kind', 'gold', 'located', 'kind+bounds', 'recall', 'unit', 'year', 'drafted', 'precision'];
const line = (k: string, r: Row) => [
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
const table = [header, ...[...rows.entries()].map(([k, r]) => line(k, r)), line('total', total)];
const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
console.log(
  `\nrecall (kind + bounds, first reading): ${pct(total.kindBounds, total.gold)}; with either reading: ${pct(total.anyReading, total.gold)}; ` +
    `precision: ${pct(total.draftedRight, total.drafted)}; not understood: ${draft.notUnderstood.length}; ${elapsedMs.toFixed(0)} ms`,
);
if (process.argv.includes('--misses'))
  for (const m of misses) console.log(`${m.code} @${m.line}\n  want ${m.expected}\n  got  ${m.drafted}`);

const out = join(root, 'bench/results/draft-plan.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      bench: 'draft-plan',
      source: '../shared/source/000_fcfbe4c97d396d0a.txt',
      gold: 'data/plans/hai-phong-2025-2030.json',
      measuredAt: new Date().toISOString(),
      elapsedMs: Math.round(elapsedMs),
      total: {
        ...total,
        recall: total.gold === 0 ? null : total.kindBounds / total.gold,
        precision: total.drafted === 0 ? null : total.draftedRight / total.drafted,
      },
      byKind: Object.fromEntries(rows),
      notUnderstood: draft.notUnderstood.length,
      misses,
    },
    null,
    2,
  )}\n`,
);
