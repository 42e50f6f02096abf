import { describe, expect, it } from 'vitest';
import { buildCases, splitCases, type CaseOptions, type Panel } from './cases.ts';
import { DEFAULT_PRIORS } from '../prior.ts';
import { crossSectionKey, fitLogPrior, fitPooledPrior } from './fit.ts';
import { nelderMead } from './nelder-mead.ts';
import { crossSections, modelProbability, runBacktest } from './run.ts';
import { score } from './score.ts';

// A seeded panel (mulberry32) of 12 units, 1990–2020, growing about 5 %/yr with noise: small enough to fit in a test.
function panel(seed: number, poisonAfter?: number): Panel {
  let s = seed;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Map<string, Map<number, string>>();
  for (let u = 0; u < 12; u++) {
    const series = new Map<number, string>();
    let v = 1000 + 500 * u;
    const drift = 0.02 + 0.06 * rnd();
    for (let y = 1990; y <= 2020; y++) {
      v *= Math.exp(drift + 0.08 * (rnd() - 0.5));
      // A poisoned panel differs from the clean one only in the years after the split (drawn without the generator,
      // so that the earlier years stay the same).
      const value =
        poisonAfter !== undefined && y > poisonAfter ? v * (0.2 + ((y * 7919 + u * 104729) % 1000) / 300) : v;
      series.set(y, value.toFixed(2));
    }
    out.set(`U${u}`, series);
  }
  return out;
}

const options: CaseOptions = { firstBase: 1990, lastEnd: 2020, termYears: 5, growths: ['3', '6'], checkpoints: [1, 2] };

describe('the backtest split', () => {
  it('trains only on terms judged by the split year and on figures no later than it', () => {
    const { train, test } = splitCases(buildCases(panel(7), options), 2012);
    expect(train.length).toBeGreaterThan(0);
    expect(test.length).toBeGreaterThan(0);
    for (const c of train) {
      expect(c.endYear).toBeLessThanOrEqual(2012);
      for (const o of c.observations) expect(Number(o.period)).toBeLessThanOrEqual(2012);
    }
    for (const c of test) expect(c.endYear).toBeGreaterThan(2012);
  });

  it('the fitted prior does not move when every figure after the split year changes', () => {
    const small: CaseOptions = { ...options, growths: ['5'], checkpoints: [2] };
    const fitOn = (p: Panel, year: number): unknown => fitLogPrior(splitCases(buildCases(p, small), year).train).prior;
    expect(fitOn(panel(7, 2012), 2012)).toEqual(fitOn(panel(7), 2012));
    // The same check catches a split that lets one later year in.
    expect(fitOn(panel(7, 2012), 2013)).not.toEqual(fitOn(panel(7), 2013));
  });

  it('the pooled structure does not move when every figure after the split year changes', () => {
    const small: CaseOptions = { ...options, growths: ['5'], checkpoints: [2] };
    const fitOn = (p: Panel, year: number): unknown => {
      const cases = buildCases(p, small);
      // A few hundred steps are enough to show whether the later figures move the fit.
      return fitPooledPrior(splitCases(cases, year).train, crossSections(p, cases), { maxIterations: 300 }).structure;
    };
    expect(fitOn(panel(7, 2012), 2012)).toEqual(fitOn(panel(7), 2012));
    expect(fitOn(panel(7, 2012), 2013)).not.toEqual(fitOn(panel(7), 2013));
  });

  it('a case’s probability reads no figure after its checkpoint year, of its own unit or of any peer', () => {
    const clean = panel(7);
    const cases = buildCases(clean, options);
    const fitted = { prior: DEFAULT_PRIORS.log, pool: DEFAULT_PRIORS.pool };
    const sections = crossSections(clean, cases);
    // One case per term and checkpoint (the growths share their figures).
    const seen = new Set<string>();
    let checked = 0;
    for (const c of cases) {
      const key = crossSectionKey(c.baseYear, c.checkpoint);
      if (seen.has(key)) continue;
      seen.add(key);
      const year = c.baseYear + c.checkpoint;
      for (const o of c.observations) expect(Number(o.period)).toBeLessThanOrEqual(year);
      // Every series of the panel throws on a read of a later year.
      const guarded = new Map(
        [...clean].map(([unit, series]) => [
          unit,
          {
            get: (y: number): string | undefined => {
              if (y > year) throw new Error(`${unit} ${y} read at the checkpoint ${year}`);
              return series.get(y);
            },
          } as unknown as ReadonlyMap<number, string>,
        ]),
      );
      const cs = crossSections(guarded, [c]).get(key) ?? null;
      expect(cs).toEqual(sections.get(key));
      expect(modelProbability(c, fitted, cs)).toBe(modelProbability(c, fitted, sections.get(key) ?? null));
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('scores every checkpoint of the later terms for the model and the three baselines', () => {
    const r = runBacktest(panel(11), options, 2012);
    expect(Object.keys(r.checkpoints)).toEqual(['1', '2']);
    for (const c of Object.values(r.checkpoints)) {
      for (const m of ['model', 'climatology', 'onTrack', 'unCategories'] as const) {
        expect(c[m].n).toBe(c.n);
        expect(c[m].brier).toBeGreaterThanOrEqual(0);
        expect(c[m].ece).toBeGreaterThanOrEqual(0);
      }
      // A yes/no forecast's Brier score is its error rate, and its ECE too.
      expect(c.onTrack.brier).toBeCloseTo(c.onTrack.ece, 12);
    }
  });
});

describe('scores', () => {
  it('Brier, log score and ECE by hand', () => {
    const s = score([
      { p: 0.8, met: true },
      { p: 0.8, met: false },
      { p: 0.1, met: false },
      { p: 0.1, met: false },
    ]);
    expect(s.brier).toBeCloseTo((0.04 + 0.64 + 0.01 + 0.01) / 4, 12);
    expect(s.logScore).toBeCloseTo(-(Math.log(0.8) + Math.log(0.2) + 2 * Math.log(0.9)) / 4, 12);
    // Bins: {0.8, 0.8} observed 0.5 → |0.3|·2/4; {0.1, 0.1} observed 0 → |0.1|·2/4.
    expect(s.ece).toBeCloseTo(0.15 + 0.05, 12);
  });

  it('Nelder–Mead finds the minimum of a shifted quadratic', () => {
    const m = nelderMead((x) => ((x[0] ?? 0) - 1) ** 2 + 3 * ((x[1] ?? 0) + 2) ** 2, [0, 0]);
    expect(m.x[0]).toBeCloseTo(1, 4);
    expect(m.x[1]).toBeCloseTo(-2, 4);
  });
});
