// eslint-disable-next-line no-restricted-imports -- tests read fixtures from disk; the module under test stays pure
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidObservation, ValidationError } from '../errors.ts';
import { PROGRESS_METHODS, runProgressMethod, type ProgressInput, type ProgressMethodName } from './index.ts';

// Viet Nam GDP, current US$, 2010–2023 (World Bank NY.GDP.MKTP.CD via datasets/gdp): a real series to judge a
// "1,000 billion USD by 2030" target. Expected values computed independently in Python from the documented formulas.
const csv = readFileSync(
  new URL('../../../test/fixtures/progress-methods/worldbank-vnm-gdp-current-usd.csv', import.meta.url),
  'utf8',
);
const vnmGdp = csv
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [, , year = '', value = ''] = line.split(',');
    return { year: Number(year), value };
  });
const trillionBy2030: ProgressInput = {
  points: vnmGdp,
  target: '1000000000000',
  targetYear: 2030,
  direction: 'higher_better',
};

function reasonOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return [e.code, e.details.reason];
    throw e;
  }
  return 'no error';
}

describe('runProgressMethod', () => {
  it('lists the seven named methods with bilingual titles and a pinned reference', () => {
    expect(PROGRESS_METHODS.map((m) => m.name)).toEqual([
      'statcan_opensdg',
      'statcan_opensdg_indicator',
      'un_progress_chart_cr',
      'undp_aarr',
      'undp_growth_rate_811',
      'un_2023_expected_value',
      'eustat_eurostat_variant',
    ]);
    for (const m of PROGRESS_METHODS) expect(m.reference).toMatch(/@ [0-9a-f]{40}/);
  });

  it('reproduces StatCan 1-1-1 from decimal strings', () => {
    const r = runProgressMethod('statcan_opensdg', {
      points: [
        { year: 2015, value: '14.5' },
        { year: 2023, value: '10.2' },
      ],
      target: '7.25',
      targetYear: 2030,
      direction: 'lower_better',
    });
    expect(r).toMatchObject({
      method: 'statcan_opensdg',
      peerStatus: 'substantial_progress',
      value: 0.9525901792032172,
      score: 2.5185563910306596,
      track: 'on_track',
    });
  });

  it.each([
    ['statcan_opensdg', 'moderate_progress', 0.7591230494384635, 1.136640029834001, 'at_risk'],
    ['eustat_eurostat_variant', 'moderate_progress', 0.7591230494384635, 1.1365932102747398, 'at_risk'],
    ['un_progress_chart_cr', 'Fair progress but acceleration needed', 0.7591230494384635, null, 'at_risk'],
    ['un_2023_expected_value', 'Progreso razonable, pero es necesario acelerarlo', 0.6284056450477308, null, 'at_risk'],
  ] as const)(
    'judges Viet Nam GDP against 1,000 billion USD by 2030 with %s',
    (name, peerStatus, value, score, track) => {
      const r = runProgressMethod(name, trillionBy2030);
      expect(r.peerStatus).toBe(peerStatus);
      expect(r.value).toBeCloseTo(value, 14);
      if (score === null) expect(r.score).toBeNull();
      else expect(r.score).toBeCloseTo(score, 14);
      expect(r.track).toBe(track);
    },
  );

  it.each(PROGRESS_METHODS.map((m) => m.name))('refuses a repeated year with %s', (name: ProgressMethodName) => {
    const input: ProgressInput = {
      points: [
        { year: 2015, value: '1' },
        { year: 2015, value: '2' },
        { year: 2020, value: '3' },
      ],
      target: '5',
      targetYear: 2030,
      direction: 'higher_better',
    };
    expect(reasonOf(() => runProgressMethod(name, input))).toEqual(['progress_input_invalid', 'duplicate_year']);
  });

  it('refuses a zero base instead of aiming from 0.001', () => {
    const input: ProgressInput = {
      points: [
        { year: 2015, value: '0' },
        { year: 2020, value: '3' },
      ],
      targetYear: 2030,
      direction: 'higher_better',
    };
    expect(reasonOf(() => runProgressMethod('statcan_opensdg', input))).toEqual([
      'progress_input_invalid',
      'zero_base',
    ]);
    expect(reasonOf(() => runProgressMethod('un_2023_expected_value', input))).toEqual([
      'progress_input_invalid',
      'zero_base',
    ]);
  });

  it('reports a zero base as Insufficient Data under the UNDP ratio, as the peer does', () => {
    const r = runProgressMethod('un_progress_chart_cr', {
      points: [
        { year: 2015, value: '0' },
        { year: 2020, value: '3' },
      ],
      target: '9',
      targetYear: 2030,
      direction: 'higher_better',
    });
    expect([r.peerStatus, r.track]).toEqual(['Insufficient Data', 'no_data']);
  });

  it('refuses the current ratio without a target', () => {
    expect(
      reasonOf(() =>
        runProgressMethod('un_progress_chart_cr', { points: vnmGdp, targetYear: 2030, direction: 'higher_better' }),
      ),
    ).toEqual(['progress_input_invalid', 'target_required']);
  });

  it('rejects a value that is not a canonical decimal', () => {
    expect(() =>
      runProgressMethod('statcan_opensdg', {
        points: [{ year: 2015, value: '1,5' }],
        targetYear: 2030,
        direction: 'higher_better',
      }),
    ).toThrowError(InvalidObservation);
  });

  it('maps a met target to achieved while keeping the peer name', () => {
    const input: ProgressInput = {
      points: [
        { year: 2015, value: '50' },
        { year: 2020, value: '80' },
      ],
      target: '70',
      targetYear: 2030,
      direction: 'higher_better',
    };
    expect(runProgressMethod('eustat_eurostat_variant', input)).toMatchObject({
      peerStatus: 'significant_progress',
      track: 'achieved',
    });
    expect(runProgressMethod('statcan_opensdg', input)).toMatchObject({
      peerStatus: 'target_achieved',
      track: 'achieved',
    });
    expect(runProgressMethod('un_progress_chart_cr', input)).toMatchObject({
      peerStatus: 'Target Achieved',
      track: 'achieved',
    });
    expect(runProgressMethod('un_2023_expected_value', input)).toMatchObject({
      track: 'achieved',
      intermediates: { rule: 'target_met' },
    });
  });

  it('gives no_data for a single observation with every trend method (the 8.1.1 rule reads rates, not a trend)', () => {
    const input: ProgressInput = {
      points: [{ year: 2015, value: '50' }],
      target: '70',
      targetYear: 2030,
      direction: 'higher_better',
    };
    for (const m of PROGRESS_METHODS)
      if (m.name !== 'undp_growth_rate_811') expect(runProgressMethod(m.name, input).track).toBe('no_data');
  });
});
