// Benchmark of the evaluation engine as the product runs it: N (target × unit) evaluations with 5–60 observations
// each, every figure and explanation computed and serialised (JSON.stringify of each evaluation), against the floor of
// iterating over the same observations and serialising a precomputed evaluation of the same case (same size).
// Two case mixes: the headline one (bench/kit/evaluation-cases.ts: half after the term, half inside it with every
// year's figure given) and "in term" (a mid-term evaluation date, later years missing: projections, progress ratios
// and required values in every case), each against its own floor.
// Not a timed test: run `npm run bench:evaluate -- [--n 100000]`.
//
// `--instructions` counts instead of timing, immune to the load other processes put on a shared machine: the script
// runs once under `valgrind --tool=callgrind --dump-before=uv_getrusage`, with `--expose-gc`. After the same warm-up of
// every loop, each measured section (one loop over the N cases: floor or engine, headline or in term) starts with a
// full `gc()` and is fenced by two `process.cpuUsage()` calls, each of which makes callgrind dump its counters
// (cpuUsage is the only caller of uv_getrusage): so a section's count is its own, read in the same process as every
// other section, under identical conditions, with nothing subtracted between processes. The sides alternate which
// runs first in each rep; the figure reported is the median over `--reps`, with the spread. Writes
// bench/results/evaluate-instructions.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../src/core/evaluation/index.ts';
import { evaluationCases, inTermCases, type EvaluationCase } from './kit/evaluation-cases.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const INSTRUCTIONS = process.argv.includes('--instructions');
const COUNTING = option('phase') === 'count';
const N = Number(option('n') ?? (INSTRUCTIONS || COUNTING ? 2_000 : 100_000));
const REPS = Number(option('reps') ?? 5);
const POOL = Math.min(20_000, N);
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results');
const MIXES = ['headline', 'inTerm'] as const;
type Mix = (typeof MIXES)[number];
type Side = 'floor' | 'engine' | 'floorParsed';
const SIDES: readonly Side[] = ['floor', 'engine', 'floorParsed'];

if (INSTRUCTIONS) {
  await countInstructions();
  process.exit(0);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Runs this script once under callgrind (`--phase count`) and reads each measured section's own dump. */
async function countInstructions(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const dir = join(tmpdir(), `evaluate-callgrind-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'cg.out');
  const sectionsFile = join(dir, 'sections.json');
  await new Promise<void>((resolve, reject) => {
    const run = spawn(
      'valgrind',
      [
        '--tool=callgrind',
        '--dump-before=uv_getrusage',
        `--callgrind-out-file=${out}`,
        process.execPath,
        // The same V8 settings for every section: a fixed garbage collection schedule (no heap sizing from timing, no
        // memory reducer), no background threads (collector and compiler work runs on the main thread, inside the
        // section that caused it), fixed hash and random seeds (hash table layouts alike from run to run).
        '--predictable',
        '--hash-seed=20250101',
        '--random-seed=20250101',
        '--expose-gc',
        '--import',
        'tsx',
        self,
        '--phase',
        'count',
        '--n',
        String(N),
        '--reps',
        String(REPS),
        '--sections',
        sectionsFile,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    run.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-64 * 1024);
    });
    run.on('error', reject).on('close', (status) => {
      if (status !== 0) reject(new Error(`callgrind failed: ${stderr.slice(-2000)}`));
      else resolve();
    });
  });
  // Dump k (1-based) holds the instructions since dump k − 1: dump 2i + 2 is section i, the odd ones the gc() and
  // bookkeeping between sections.
  const sections = JSON.parse(readFileSync(sectionsFile, 'utf8')) as { mix: Mix; side: Side; rep: number }[];
  const dumps = readdirSync(dir).filter((f) => /^cg\.out\.\d+$/.test(f)).length;
  if (dumps !== 2 * sections.length + 1) {
    throw new Error(`callgrind wrote ${dumps} dumps for ${sections.length} sections: another uv_getrusage caller?`);
  }
  const totalOf = (k: number): number => {
    const m = /^totals:\s*(\d+)/m.exec(readFileSync(`${out}.${k}`, 'utf8'));
    if (m === null) throw new Error(`no totals in dump ${k}`);
    return Number(m[1]);
  };
  const setup = totalOf(1);
  const per: Record<Mix, Record<Side, number[]>> = {
    headline: { floor: [], engine: [], floorParsed: [] },
    inTerm: { floor: [], engine: [], floorParsed: [] },
  };
  // The full gc() after a section (dump 2i + 3) collects what the section left: reported beside the sections, not
  // added to them, since most of a full collection is marking the live heap (the cases, the rows, the code), the same
  // for either side.
  const after: Record<Mix, Record<Side, number[]>> = {
    headline: { floor: [], engine: [], floorParsed: [] },
    inTerm: { floor: [], engine: [], floorParsed: [] },
  };
  sections.forEach((s, i) => {
    per[s.mix][s.side].push(Math.round(totalOf(2 * i + 2) / N));
    after[s.mix][s.side].push(Math.round(totalOf(2 * i + 3) / N));
  });
  rmSync(dir, { recursive: true, force: true });
  const summary = (xs: number[]) => {
    const m = median(xs);
    return {
      median: m,
      min: Math.min(...xs),
      max: Math.max(...xs),
      spread: Number(((Math.max(...xs) - Math.min(...xs)) / m).toFixed(4)),
      reps: xs,
    };
  };
  const mixes = Object.fromEntries(
    MIXES.map((mix) => {
      const engine = summary(per[mix].engine);
      const floor = summary(per[mix].floor);
      const floorParsed = summary(per[mix].floorParsed);
      return [
        mix,
        {
          engine,
          floor,
          ratioToFloor: Number((engine.median / floor.median).toFixed(2)),
          floorParsed,
          ratioToFloorParsed: Number((engine.median / floorParsed.median).toFixed(2)),
          fullCollectionAfter: {
            engine: median(after[mix].engine),
            floor: median(after[mix].floor),
            floorParsed: median(after[mix].floorParsed),
          },
        },
      ];
    }),
  ) as Record<
    Mix,
    {
      engine: ReturnType<typeof summary>;
      floor: ReturnType<typeof summary>;
      ratioToFloor: number;
      floorParsed: ReturnType<typeof summary>;
      ratioToFloorParsed: number;
      fullCollectionAfter: Record<Side, number>;
    }
  >;
  const result = {
    evaluations: N,
    reps: REPS,
    mode: 'full: every figure and explanation, serialised (JSON.stringify of each evaluation)',
    counted:
      'instructions per evaluation (valgrind --tool=callgrind, all of the process: JIT code, garbage collection, runtime), ' +
      'each measured section dumped on its own in one process (gc() before each), median over the reps',
    setupInstructions: setup,
    engineInstructionsPerEvaluation: mixes.headline.engine.median,
    floorInstructionsPerEvaluation: mixes.headline.floor.median,
    floor: 'iterate the same observations and JSON.stringify a precomputed evaluation of the same case',
    ratioToFloor: mixes.headline.ratioToFloor,
    floorParsedInstructionsPerEvaluation: mixes.headline.floorParsed.median,
    ratioToFloorParsed: mixes.headline.ratioToFloorParsed,
    inTerm: {
      cases: 'evaluation date inside the term, later years missing (bench/kit/evaluation-cases.ts inTermCases)',
      engineInstructionsPerEvaluation: mixes.inTerm.engine.median,
      floorInstructionsPerEvaluation: mixes.inTerm.floor.median,
      ratioToFloor: mixes.inTerm.ratioToFloor,
      floorParsedInstructionsPerEvaluation: mixes.inTerm.floorParsed.median,
      ratioToFloorParsed: mixes.inTerm.ratioToFloorParsed,
    },
    sections: mixes,
    node: process.version,
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    date: new Date().toISOString(),
  };
  console.table(
    Object.fromEntries(
      MIXES.map((mix) => [
        mix,
        {
          'engine: instructions / evaluation (median)': mixes[mix].engine.median,
          'engine spread': `${(mixes[mix].engine.spread * 100).toFixed(2)} %`,
          'floor: instructions / evaluation (median)': mixes[mix].floor.median,
          'floor spread': `${(mixes[mix].floor.spread * 100).toFixed(2)} %`,
          'ratio to floor': mixes[mix].ratioToFloor,
          'floor over parsed rows (median)': mixes[mix].floorParsed.median,
          'ratio to it': mixes[mix].ratioToFloorParsed,
          'gc() after, engine / floor': `${mixes[mix].fullCollectionAfter.engine} / ${mixes[mix].fullCollectionAfter.floor}`,
        },
      ]),
    ),
  );
  console.log(JSON.stringify({ sections: per, fullCollectionAfter: after }));
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'evaluate-instructions.json'), `${JSON.stringify(result, null, 2)}\n`);
}

const CASES: Record<Mix, EvaluationCase[]> = { headline: evaluationCases(POOL), inTerm: inTermCases(POOL) };
// The floor's rows: each case's evaluation, computed once before timing, so the floor serialises the same bytes.
const ROWS: Record<Mix, ReturnType<typeof evaluate>[]> = {
  headline: CASES.headline.map((c) => evaluate(c.target, c.observations, c.asOf)),
  inTerm: CASES.inTerm.map((c) => evaluate(c.target, c.observations, c.asOf)),
};
// The same rows as fresh JSON.parse objects (flat strings, the parser's own shapes): a second floor, reported beside
// the first, that does not depend on how the engine happened to build its strings.
// (Counted runs only.)
const PARSED: Record<Mix, unknown[]> = {
  headline: COUNTING ? ROWS.headline.map((r) => JSON.parse(JSON.stringify(r)) as unknown) : [],
  inTerm: COUNTING ? ROWS.inTerm.map((r) => JSON.parse(JSON.stringify(r)) as unknown) : [],
};
let rssPeak = process.memoryUsage().rss;
const sample = (): void => {
  const r = process.memoryUsage().rss;
  if (r > rssPeak) rssPeak = r;
};
// Blocks of 2,000: the floor and the engine alternate ten times in 20,000 evaluations, so load and collections fall on both.
const BLOCK = Math.min(POOL, 2_000);

// The floor: iterate the same observations (touching each one's period and value) and serialise a precomputed row.
function floorBlock(
  mix: Mix,
  from: number,
  to: number,
  rows: readonly unknown[] = ROWS[mix],
): { ms: number; observations: number; bytes: number } {
  const cases = CASES[mix];
  const t0 = performance.now();
  let acc = 0;
  let count = 0;
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = cases[i % POOL] as EvaluationCase;
    for (const o of c.observations) {
      acc += o.period.length + o.value.length;
      count++;
    }
    bytes += JSON.stringify(rows[i % POOL]).length;
  }
  const ms = performance.now() - t0;
  if (acc === -1) console.log(acc);
  return { ms, observations: count, bytes };
}

// The engine on the same cases: one full evaluation per case, serialised.
function engineBlock(
  mix: Mix,
  from: number,
  to: number,
  statuses: Record<string, number>,
): { ms: number; bytes: number } {
  const cases = CASES[mix];
  const t0 = performance.now();
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = cases[i % POOL] as EvaluationCase;
    const e = evaluate(c.target, c.observations, c.asOf);
    statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    bytes += JSON.stringify(e).length;
  }
  return { ms: performance.now() - t0, bytes };
}

// Warm up every loop so the JIT compares steady states.
for (const mix of MIXES) {
  floorBlock(mix, 0, Math.min(POOL, N));
  engineBlock(mix, 0, Math.min(POOL, N), {});
}
if (COUNTING) {
  // Under callgrind (see --instructions): three more warm-up passes of every loop, then the measured sections, each
  // after a full gc() and between two process.cpuUsage() calls (each one a callgrind dump). Which side runs first
  // alternates by rep.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('--phase count needs node --expose-gc');
  for (let w = 0; w < 3; w++) {
    for (const mix of MIXES) {
      floorBlock(mix, 0, N);
      engineBlock(mix, 0, N, {});
      floorBlock(mix, 0, N, PARSED[mix]);
    }
  }
  // After gc(), block the main thread a moment so that the collector's and the compiler's background tasks
  // (concurrent sweeping, compile jobs) finish before the section starts rather than inside it.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const settle = (): void => void Atomics.wait(pause, 0, 0, 50);
  const sections: { mix: Mix; side: Side; rep: number }[] = [];
  const statuses = {};
  for (let rep = 0; rep < REPS; rep++) {
    for (const mix of MIXES) {
      const sides = SIDES.map((_, j) => SIDES[(j + rep) % SIDES.length] as Side);
      for (const side of sides) {
        gc();
        settle();
        process.cpuUsage();
        if (side === 'floor') floorBlock(mix, 0, N);
        else if (side === 'floorParsed') floorBlock(mix, 0, N, PARSED[mix]);
        else engineBlock(mix, 0, N, statuses);
        process.cpuUsage();
        sections.push({ mix, side, rep });
      }
    }
  }
  // A last full collection, dumped on its own too: every section is followed by one (reported beside it).
  gc();
  settle();
  process.cpuUsage();
  writeFileSync(option('sections') as string, JSON.stringify(sections));
  process.exit(0);
}
const results = MIXES.map((mix) => {
  const f = { ms: 0, observations: 0, bytes: 0 };
  const r = { ms: 0, bytes: 0, statuses: {} as Record<string, number> };
  // Alternate blocks of floor and engine so that any load on the machine weighs on both alike.
  for (let from = 0; from < N; from += BLOCK) {
    const to = Math.min(N, from + BLOCK);
    const fb = floorBlock(mix, from, to);
    f.ms += fb.ms;
    f.observations += fb.observations;
    f.bytes += fb.bytes;
    const eb = engineBlock(mix, from, to, r.statuses);
    r.ms += eb.ms;
    r.bytes += eb.bytes;
    sample();
  }
  if (r.bytes !== f.bytes) throw new Error(`engine wrote ${r.bytes} bytes, the floor ${f.bytes}: not the same rows`);
  return {
    mix,
    observationsPerEvaluation: Number((f.observations / N).toFixed(2)),
    bytesPerEvaluation: Math.round(r.bytes / N),
    engineMs: Math.round(r.ms),
    evaluationsPerSecond: Math.round(N / (r.ms / 1000)),
    microsecondsPerEvaluation: Number(((r.ms * 1000) / N).toFixed(2)),
    floorMs: Math.round(f.ms),
    ratioToFloor: Number((r.ms / f.ms).toFixed(2)),
    statuses: r.statuses,
  };
});
const [headline, inTerm] = results as [(typeof results)[number], (typeof results)[number]];
const result = {
  evaluations: N,
  mode: 'full: every figure and explanation, serialised (JSON.stringify of each evaluation)',
  observationsPerEvaluation: headline.observationsPerEvaluation,
  bytesPerEvaluation: headline.bytesPerEvaluation,
  engineMs: headline.engineMs,
  evaluationsPerSecond: headline.evaluationsPerSecond,
  microsecondsPerEvaluation: headline.microsecondsPerEvaluation,
  floorMs: headline.floorMs,
  floor: 'iterate the same observations and JSON.stringify a precomputed evaluation of the same case',
  ratioToFloor: headline.ratioToFloor,
  statuses: headline.statuses,
  inTerm,
  peakRssMiB: Math.round(rssPeak / 1048576),
  node: process.version,
  // The machine is shared: the 1, 5 and 15 minute load averages at the end of the run say how busy it was.
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  date: new Date().toISOString(),
};
console.table(
  Object.fromEntries(
    results.map((m) => [
      m.mix,
      {
        evaluations: N,
        'observations / evaluation': m.observationsPerEvaluation,
        'JSON bytes / evaluation': m.bytesPerEvaluation,
        'full evaluation + JSON (ms)': m.engineMs,
        'µs / evaluation': m.microsecondsPerEvaluation,
        'floor (ms)': m.floorMs,
        'ratio to floor': m.ratioToFloor,
      },
    ]),
  ),
);
console.log(`peak RSS ${result.peakRssMiB} MiB, load average ${result.loadAverage.join(' / ')}`);
const out = join(RESULTS, 'evaluate.json');
mkdirSync(RESULTS, { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`written ${out}`);
