// Byte-identity of the engine's output: the JSON of evaluating the benchmark's generated cases (bench/evaluate.bench.ts,
// same seeded generator, under three option sets) and every target of the three bundled plans (data/plans/*.json) at
// 32 dates each, hashed. A change to the engine that changes one byte of any evaluation (or of an error) fails here.
// The expected hashes were produced once by this file run against the engine before issue 14's fourth pass
// (commit 88a7fad: this file copied into `git archive 88a7fad`, `npx vitest run src/core/evaluation/golden.test.ts`
// there printing the computed hashes).
// eslint-disable-next-line no-restricted-imports -- a hash of the outputs, no I/O
import { createHash } from 'node:crypto';
// eslint-disable-next-line no-restricted-imports -- the test reads the bundled plans from disk; the engine stays pure
import { readdirSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- the bundled plans' path
import { dirname, join } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the bundled plans' path
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { evaluate } from './evaluate.ts';
import type { AsOf, EvaluateOptions } from './types.ts';

const EXPECTED_CASES = 'e1751d782f6bb6932d3b4d5332f377e89ad4dd15f85222ea41f6e63e8c04b02d';
const EXPECTED_PLANS = '6bd31455e20fd8816d346368dc2e409aa26b848875ba7fb2c66974416bca9b17';

function run(target: TargetSpec, observations: readonly ObservationInput[], asOf: AsOf, options?: EvaluateOptions) {
  try {
    return JSON.stringify(evaluate(target, observations, asOf, options));
  } catch (e) {
    return `error ${(e as Error).name} ${(e as Error).message} ${JSON.stringify((e as { details?: unknown }).details ?? null)}`;
  }
}

// The benchmark's seeded generator (mulberry32) and cases, copied from bench/evaluate.bench.ts.
let seed = 20250101;
function rnd(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (a: number, b: number): number => a + Math.floor(rnd() * (b - a + 1));
const dec = (a: number, b: number, places: number): string => (a + rnd() * (b - a)).toFixed(places);

interface Case {
  target: TargetSpec;
  observations: ObservationInput[];
  asOf: AsOf;
}

function makeCase(): Case {
  const len = int(5, 60);
  const first = 2000;
  const last = first + len - 1;
  const term = { firstYear: first, lastYear: last };
  const asOf = rnd() < 0.5 ? { year: last + 1 } : { year: first + int(1, len - 1), month: int(1, 12) };
  const status = (): ObservationInput['status'] =>
    rnd() < 0.2 ? 'estimate' : rnd() < 0.5 ? 'preliminary' : 'official';
  const years = (f: () => string, extra: Partial<ObservationInput> = {}): ObservationInput[] =>
    Array.from({ length: len }, (_, i) => ({ period: String(first + i), value: f(), status: status(), ...extra }));
  switch (int(0, 6)) {
    case 0:
      return {
        target: {
          kind: 'growth_average',
          direction: 'higher_better',
          term,
          min: '7',
          max: '7.5',
          averaging: 'geometric',
          baseYear: first - 1,
        },
        observations: years(() => dec(2, 12, 2), { measure: 'growth_rate' }),
        asOf,
      };
    case 1:
      return {
        target: { kind: 'range_at_end', direction: 'higher_better', term, min: '40', max: '50', year: last },
        observations: years(() => dec(30, 60, 2)),
        asOf,
      };
    case 2:
      return {
        target: { kind: 'threshold', direction: 'lower_better', term, op: '<', value: '3.5', year: last },
        observations: years(() => dec(2, 5, 1)),
        asOf,
      };
    case 3:
      return {
        target: { kind: 'cumulative', direction: 'higher_better', term, value: String(len * 240000) },
        observations: years(() => dec(150000, 300000, 0), { measure: 'flow' }),
        asOf,
      };
    case 4:
      return {
        target: { kind: 'yearly_flow', direction: 'higher_better', term, value: '55800' },
        observations: years(() => dec(50000, 60000, 0), { measure: 'flow' }),
        asOf,
      };
    case 5:
      return {
        target: { kind: 'level_at_end', direction: 'higher_better', term, value: '11380', year: last },
        observations: years(() => dec(5000, 12000, 2)),
        asOf,
      };
    default:
      return {
        target: {
          kind: 'units_meeting_standard',
          direction: 'higher_better',
          term,
          share: '80',
          ofCount: 67,
          standard: 'NTM',
          year: last,
        },
        observations: years(() => String(int(30, 67)), { measure: 'count' }),
        asOf,
      };
  }
}

const OPTION_SETS: (EvaluateOptions | undefined)[] = [
  undefined,
  { onTrackBand: { onTrack: '0.95', atRisk: '0.8' }, indicatorUnit: '%' },
  {
    progressMethod: 'statcan_opensdg',
    override: { status: 'met', reason: 'golden', by: 'test', at: '2026-11-30T00:00:00Z' },
  },
];

describe('the engine output is byte-identical to the recorded one', () => {
  it('the benchmark cases under three option sets', () => {
    seed = 20250101;
    const cases = Array.from({ length: 2_000 }, makeCase);
    const hash = createHash('sha256');
    for (const options of OPTION_SETS) {
      for (const c of cases) hash.update(run(c.target, c.observations, c.asOf, options)).update('\n');
    }
    const got = hash.digest('hex');
    console.log(`cases ${got}`);
    expect(got).toBe(EXPECTED_CASES);
  });

  it('every target of the bundled plans at 32 dates, with and without options', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../data/plans');
    const hash = createHash('sha256');
    let evaluations = 0;
    for (const file of readdirSync(dir).sort()) {
      const plan = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        indicators: { unit?: string; observations?: ObservationInput[]; targets: { spec: TargetSpec | null }[] }[];
      };
      for (const ind of plan.indicators) {
        for (const t of ind.targets) {
          if (t.spec === null || t.spec === undefined) continue;
          const { firstYear, lastYear } = t.spec.term;
          for (let year = firstYear - 1; year <= lastYear + 1; year++) {
            for (const month of [undefined, 3, 6, 12]) {
              const asOf = month === undefined ? { year } : { year, month };
              for (const options of OPTION_SETS) {
                hash.update(run(t.spec, ind.observations ?? [], asOf, options)).update('\n');
                evaluations++;
              }
            }
          }
        }
      }
    }
    const got = hash.digest('hex');
    console.log(`plans ${got} (${evaluations} evaluations)`);
    expect(evaluations).toBeGreaterThan(1_000);
    expect(got).toBe(EXPECTED_PLANS);
  });
});
