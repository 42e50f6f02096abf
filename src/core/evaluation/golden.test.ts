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
import { evaluationCases, inTermCases } from '../../../bench/kit/evaluation-cases.ts';
import type { ObservationInput, TargetSpec } from '../targets/target.ts';
import { evaluate } from './evaluate.ts';
import type { AsOf, EvaluateOptions } from './types.ts';

const EXPECTED_CASES = 'e1751d782f6bb6932d3b4d5332f377e89ad4dd15f85222ea41f6e63e8c04b02d';
const EXPECTED_PLANS = '6bd31455e20fd8816d346368dc2e409aa26b848875ba7fb2c66974416bca9b17';
// The benchmark's in-term cases (later years missing), recorded from the engine before issue 14's fifth pass
// (commit 0ee8d37, with only bench/kit/evaluation-cases.ts's inTermCases() added).
const EXPECTED_IN_TERM = 'd419898458b5733976269956048a42ea4306cb4f72a790c3e087f6ec84215cca';

function run(target: TargetSpec, observations: readonly ObservationInput[], asOf: AsOf, options?: EvaluateOptions) {
  try {
    return JSON.stringify(evaluate(target, observations, asOf, options));
  } catch (e) {
    return `error ${(e as Error).name} ${(e as Error).message} ${JSON.stringify((e as { details?: unknown }).details ?? null)}`;
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
    const cases = evaluationCases(2_000);
    const hash = createHash('sha256');
    for (const options of OPTION_SETS) {
      for (const c of cases) hash.update(run(c.target, c.observations, c.asOf, options)).update('\n');
    }
    const got = hash.digest('hex');
    console.log(`cases ${got}`);
    expect(got).toBe(EXPECTED_CASES);
  });

  it('the benchmark in-term cases (later years missing) under three option sets', () => {
    const cases = inTermCases(2_000);
    const hash = createHash('sha256');
    for (const options of OPTION_SETS) {
      for (const c of cases) hash.update(run(c.target, c.observations, c.asOf, options)).update('\n');
    }
    const got = hash.digest('hex');
    console.log(`in-term ${got}`);
    expect(got).toBe(EXPECTED_IN_TERM);
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
