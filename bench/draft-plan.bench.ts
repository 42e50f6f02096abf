// Measures the plan drafter on the bundled source document against the hand-built plan: recall and precision of the
// 2025–2030 targets (kind, bounds, unit, year), by kind. Not a timed test: run `npx tsx bench/draft-plan.bench.ts`
// (the same table as `chitieu draft-plan ../shared/source/000_fcfbe4c97d396d0a.txt --against
// data/plans/hai-phong-2025-2030.json`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftPlan } from '../src/core/drafting/draft-plan.ts';
import { formatMeasurement, goldTargets, measureDraft } from '../src/core/drafting/measure.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = join(root, '../shared/source/000_fcfbe4c97d396d0a.txt');
const planPath = join(root, 'data/plans/hai-phong-2025-2030.json');

const gold = goldTargets(JSON.parse(readFileSync(planPath, 'utf8')) as Parameters<typeof goldTargets>[0]);
const started = performance.now();
const draft = draftPlan(readFileSync(sourcePath, 'utf8'));
const elapsedMs = performance.now() - started;
const m = measureDraft(draft, gold);
process.stdout.write(formatMeasurement(m, draft.notUnderstood.length));
console.log(`${elapsedMs.toFixed(0)} ms`);
if (process.argv.includes('--misses'))
  for (const x of m.misses) console.log(`${x.code} @${x.line}\n  want ${x.expected}\n  got  ${x.drafted}`);

const total = m.total;

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
      byKind: Object.fromEntries(m.byKind),
      notUnderstood: draft.notUnderstood.length,
      misses: m.misses,
    },
    null,
    2,
  )}\n`,
);
