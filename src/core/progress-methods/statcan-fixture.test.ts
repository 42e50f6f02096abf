// Every value Statistics Canada published with sdg-build 2.4.0, recomputed: 132 series and 83 indicators.
// eslint-disable-next-line no-restricted-imports -- tests read fixtures from disk; the module under test stays pure
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runProgressMethod, type ProgressInput } from './index.ts';
import { statcanIndicatorProgress } from './statcan-indicator.ts';
import { statcanFromComponents, statcanSeriesProgress, type StatcanSeriesResult } from './statcan-opensdg.ts';

const dir = new URL('../../../test/fixtures/progress-methods/', import.meta.url);

interface PublishedSeries {
  base_value: number | null;
  base_year: number;
  current_value: number | null;
  current_year: number | null;
  direction: 1 | -1;
  limit: number | null;
  progress_value: number | null;
  score: number | null;
  status: string;
  target: number | null;
  target_year: number;
}
type PublishedIndicator = { progress_status: string; score: number | null } & Record<
  string,
  PublishedSeries | string | number | null
>;

const published = parse(
  readFileSync(new URL('statcan-cif-indicator_calculation_components.yml', dir), 'utf8'),
) as Record<string, PublishedIndicator>;
const configuredOrder = JSON.parse(readFileSync(new URL('statcan-cif-series-order.json', dir), 'utf8')) as Record<
  string,
  string[]
>;

const seriesOf = (ind: PublishedIndicator): [string, PublishedSeries][] =>
  Object.entries(ind).filter((e): e is [string, PublishedSeries] => typeof e[1] === 'object' && e[1] !== null);

const allSeries = Object.entries(published).flatMap(([id, ind]) => seriesOf(ind).map(([tag, s]) => ({ id, tag, s })));

function recompute(s: PublishedSeries): StatcanSeriesResult {
  const direction = s.direction === 1 ? 'positive' : 'negative';
  if (s.base_value === null || s.current_value === null || s.current_year === null)
    return statcanSeriesProgress([], { target: s.target, direction });
  return statcanFromComponents({
    baseYear: s.base_year,
    baseValue: s.base_value,
    currentYear: s.current_year,
    currentValue: s.current_value,
    target: s.target,
    targetYear: s.target_year,
    direction,
    limit: s.limit,
  });
}

describe('StatCan CIF published progress (sdg-build 2.4.0)', () => {
  it('holds 132 series in 86 indicators', () => {
    expect(allSeries).toHaveLength(132);
    expect(Object.keys(published)).toHaveLength(86);
  });

  it.each(allSeries.map((x) => [x.tag, x.s] as const))('reproduces %s bit for bit', (_tag, s) => {
    const r = recompute(s);
    expect(r.status).toBe(s.status);
    expect(Object.is(r.progressValue, s.progress_value)).toBe(true);
    expect(Object.is(r.score, s.score)).toBe(true);
  });

  it.each(allSeries.filter((x) => x.s.base_value !== null).map((x) => [x.tag, x.s] as const))(
    'gets the same result for %s from the two data points through year selection',
    (_tag, s) => {
      const points = [
        { year: s.base_year, value: s.base_value ?? Number.NaN },
        { year: s.current_year ?? Number.NaN, value: s.current_value ?? Number.NaN },
      ].filter((p, i, all) => i === 0 || p.year !== all[0]?.year);
      const r = statcanSeriesProgress(points, {
        baseYear: s.base_year,
        target: s.target,
        targetYear: s.target_year,
        direction: s.direction === 1 ? 'positive' : 'negative',
        limit: s.limit,
      });
      expect(Object.is(r.progressValue, s.progress_value) && Object.is(r.score, s.score) && r.status === s.status).toBe(
        true,
      );
    },
  );

  const indicators = Object.entries(published).filter(([, ind]) => ind.progress_status !== 'not_available_manual');

  it('has 83 computed indicators (3 carry a manual status)', () => expect(indicators).toHaveLength(83));

  it.each(indicators)('reproduces the indicator score and status of %s bit for bit', (id, ind) => {
    const byTag = new Map(seriesOf(ind));
    // The YAML lists series alphabetically; np.mean summed them in configured order, which decides the last bits.
    const order = configuredOrder[id] ?? [...byTag.keys()];
    const results = order.map((tag) => {
      const s = byTag.get(tag);
      if (s === undefined) throw new Error(`series ${tag} missing`);
      return recompute(s);
    });
    const agg = statcanIndicatorProgress(results);
    expect(agg.status).toBe(ind.progress_status);
    expect(Object.is(agg.score, ind.score)).toBe(true);
  });

  /** A published series as runProgressMethod's input: its two data points as decimal text, its configuration. */
  const inputOf = (s: PublishedSeries): Omit<ProgressInput, 'series' | 'zeroBase'> => ({
    points:
      s.base_value === null || s.current_value === null || s.current_year === null
        ? []
        : [
            { year: s.base_year, value: String(s.base_value) },
            { year: s.current_year, value: String(s.current_value) },
          ].filter((p, i, all) => i === 0 || p.year !== all[0]?.year),
    baseYear: s.base_year,
    ...(s.target === null ? {} : { target: String(s.target) }),
    targetYear: s.target_year,
    direction: s.direction === 1 ? 'higher_better' : 'lower_better',
    ...(s.limit === null ? {} : { limit: String(s.limit) }),
  });

  it.each(indicators)(
    'gives the published score and status of %s through runProgressMethod, as the peer',
    (id, ind) => {
      const byTag = new Map(seriesOf(ind));
      const order = configuredOrder[id] ?? [...byTag.keys()];
      const series = order.map((tag) => inputOf(byTag.get(tag) as PublishedSeries));
      const r = runProgressMethod('statcan_opensdg_indicator', {
        points: [],
        targetYear: 2030,
        direction: 'higher_better',
        zeroBase: 'peer',
        series,
      });
      expect(r.peerStatus).toBe(ind.progress_status);
      expect(Object.is(r.score, ind.score)).toBe(true);
      // Every series' own figures ride along, in configured order, with the peer's progress value and score.
      order.forEach((tag, i) => {
        const s = byTag.get(tag) as PublishedSeries;
        expect(r.intermediates[`series.${i}.status`]).toBe(s.status);
        expect(Object.is(r.intermediates[`series.${i}.value`], s.progress_value)).toBe(true);
        expect(Object.is(r.intermediates[`series.${i}.score`], s.score)).toBe(true);
      });
      expect(r.intermediates.seriesCount).toBe(order.length);
    },
  );
});
