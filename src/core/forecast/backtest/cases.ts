// The backtest's cases: every five-year term of every unit with a known outcome becomes "level at the end" targets
// of +g %/yr from the term's base year, seen at checkpoints one to four years into the term.
import { Decimal } from '../../decimal.ts';
import { evaluate } from '../../evaluation/index.ts';
import type { LevelAtEndTarget, ObservationInput } from '../../targets/target.ts';

/** Yearly figures of one unit (exact decimal strings by year). */
export type Panel = ReadonlyMap<string, ReadonlyMap<number, string>>;

export interface CaseOptions {
  /** First base year (a term 1980–1985 has base year 1980 and is judged in 1985). */
  firstBase: number;
  /** Last year whose figure may judge a term. */
  lastEnd: number;
  termYears: number;
  /** Required growth, %/yr (decimal strings). */
  growths: readonly string[];
  checkpoints: readonly number[];
}

export const WORLD_BANK_CASES: CaseOptions = {
  firstBase: 1980,
  lastEnd: 2023,
  termYears: 5,
  growths: ['3', '6', '9'],
  checkpoints: [1, 2, 3, 4],
};

export interface BacktestCase {
  unit: string;
  baseYear: number;
  endYear: number;
  checkpoint: number;
  growth: string;
  target: LevelAtEndTarget;
  /** The figures known at the checkpoint: the base year's and the term's so far. */
  observations: ObservationInput[];
  /** The verdict of the evaluation engine on the end year's figure. */
  met: boolean;
}

const official = (year: number, value: string): ObservationInput => ({
  period: String(year),
  value,
  status: 'official',
  measure: 'level',
});

export function buildCases(panel: Panel, o: CaseOptions): BacktestCase[] {
  const out: BacktestCase[] = [];
  for (const [unit, series] of panel) {
    for (let base = o.firstBase; base + o.termYears <= o.lastEnd; base++) {
      const end = base + o.termYears;
      const baseValue = series.get(base);
      const endValue = series.get(end);
      if (baseValue === undefined || endValue === undefined) continue;
      for (const growth of o.growths) {
        // v* = v_b · (1 + g/100)^n, declared with six significant digits as a plan would print it (11380).
        const value = new Decimal(baseValue)
          .times(new Decimal(1).plus(new Decimal(growth).div(100)).pow(o.termYears))
          .toSignificantDigits(6)
          .toFixed();
        const target: LevelAtEndTarget = {
          kind: 'level_at_end',
          direction: 'higher_better',
          term: { firstYear: base + 1, lastYear: end },
          value,
          year: end,
          baseline: { value: baseValue, period: String(base) },
        };
        const judged = evaluate(target, [official(end, endValue)], { year: end + 1 });
        const met = judged.status === 'met' || judged.status === 'exceeded';
        for (const k of o.checkpoints) {
          const observations: ObservationInput[] = [];
          for (let y = base; y <= base + k; y++) {
            const v = series.get(y);
            if (v === undefined) break;
            observations.push(official(y, v));
          }
          if (observations.length !== k + 1) continue;
          out.push({ unit, baseYear: base, endYear: end, checkpoint: k, growth, target, observations, met });
        }
      }
    }
  }
  return out;
}

/** Terms judged by `lastTrainYear` fit the model; the later ones score it. */
export function splitCases(
  cases: readonly BacktestCase[],
  lastTrainYear: number,
): { train: BacktestCase[]; test: BacktestCase[] } {
  return {
    train: cases.filter((c) => c.endYear <= lastTrainYear),
    test: cases.filter((c) => c.endYear > lastTrainYear),
  };
}
