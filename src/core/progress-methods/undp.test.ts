// UNDP SDG Push's AARR branch and its 8.1.1 growth-rate rule through runProgressMethod, on the peer's own numbers:
// each expected figure is the peer's expression (getAARR: Math.log(v1/v0)/t; LandingPage: lodash meanBy) evaluated
// on the same inputs in Node and, independently, in Python (math.log, left-to-right sums), which agree to the bit.
// eslint-disable-next-line no-restricted-imports -- tests read fixtures from disk; the module under test stays pure
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { runProgressMethod, type ProgressInput } from './index.ts';

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

const reasonOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.details.reason;
    throw e;
  }
  return 'no error';
};

describe('undp_aarr (getStatus.tsx AARR branch)', () => {
  it.each([
    [
      'Viet Nam GDP toward 1,000 billion USD: ln(429.7/239.3)/8 below the required ln(1000/239.3)/15',
      { points: vnmGdp, target: '1000000000000', targetYear: 2030, direction: 'higher_better' },
      {
        peerStatus: 'Limited or No Progress',
        track: 'off_track',
        value: 0.07319786754481651,
        intermediates: {
          baseYear: 2015,
          baseValue: 239258328381.7414,
          finalYear: 2023,
          finalValue: 429716969049.5928,
          observedAarr: 0.07319786754481651,
          requiredAarr: 0.0953474292587957,
        },
      },
    ],
    [
      'a decrease faster than required is not On Track: the rates ignore direction (the peer quirk)',
      {
        points: [
          { year: 2015, value: '9.8' },
          { year: 2018, value: '6.8' },
          { year: 2022, value: '4.3' },
        ],
        target: '3',
        targetYear: 2030,
        direction: 'lower_better',
      },
      {
        peerStatus: 'Limited or No Progress',
        track: 'off_track',
        value: -0.11768105185385853,
        intermediates: { observedAarr: -0.11768105185385853, requiredAarr: -0.07891800646722777 },
      },
    ],
    [
      'a target strictly passed decides before any rate (Target Achieved)',
      {
        points: [
          { year: 2015, value: '50' },
          { year: 2020, value: '80' },
        ],
        target: '70',
        targetYear: 2030,
        direction: 'higher_better',
      },
      {
        peerStatus: 'Target Achieved',
        track: 'achieved',
        value: null,
        intermediates: { baseYear: 2015, baseValue: 50, finalYear: 2020, finalValue: 80, observedAarr: null },
      },
    ],
    [
      'one year of data has no rate (Insufficient Data)',
      { points: [{ year: 2015, value: '50' }], target: '70', targetYear: 2030, direction: 'higher_better' },
      { peerStatus: 'Insufficient Data', track: 'no_data', value: null },
    ],
  ] as const)('%s', (_name, input, expected) => {
    const r = runProgressMethod('undp_aarr', input as ProgressInput);
    expect(r).toMatchObject({ method: 'undp_aarr', score: null, ...expected });
  });

  it('a zero base is refused, and run as the peer reads ln ∞ ≥ ln ∞ as On Track', () => {
    const input: ProgressInput = {
      points: [
        { year: 2015, value: '0' },
        { year: 2020, value: '3' },
      ],
      target: '9',
      targetYear: 2030,
      direction: 'higher_better',
    };
    expect(reasonOf(() => runProgressMethod('undp_aarr', input))).toBe('zero_base');
    const peer = runProgressMethod('undp_aarr', { ...input, zeroBase: 'peer' });
    expect(peer).toMatchObject({
      peerStatus: 'On Track',
      intermediates: { observedAarr: Number.POSITIVE_INFINITY, requiredAarr: Number.POSITIVE_INFINITY },
    });
  });

  it('needs a target', () => {
    expect(
      reasonOf(() => runProgressMethod('undp_aarr', { points: vnmGdp, targetYear: 2030, direction: 'higher_better' })),
    ).toBe('target_required');
  });
});

const rates = (pairs: [number, string][]): ProgressInput => ({
  points: pairs.map(([year, value]) => ({ year, value })),
  targetYear: 2030,
  direction: 'higher_better',
});

describe('undp_growth_rate_811 (LandingPage.tsx rule for GDP per capita growth)', () => {
  it.each([
    [
      'a mean above 2 % since 2015 is On Track',
      rates([
        [2012, '5'],
        [2013, '5.4'],
        [2014, '6.4'],
        [2015, '6.9'],
        [2016, '6.2'],
        [2017, '6.8'],
        [2018, '7.5'],
        [2019, '7.4'],
        [2020, '2.9'],
        [2021, '2.6'],
        [2022, '8.1'],
        [2023, '5'],
      ]),
      'On Track',
      'on_track',
      5.933333333333334,
      5.6000000000000005,
    ],
    [
      'below the earlier mean is Deterioration',
      rates([
        [2013, '3'],
        [2014, '3.5'],
        [2015, '1.2'],
        [2016, '1.9'],
      ]),
      'Deterioration',
      'off_track',
      1.5499999999999998,
      3.25,
    ],
    [
      'above 1.5 % and not below the earlier mean is Fair progress',
      rates([
        [2013, '1'],
        [2014, '1.2'],
        [2015, '1.6'],
        [2016, '1.8'],
      ]),
      'Fair progress but acceleration needed',
      'at_risk',
      1.7000000000000002,
      1.1,
    ],
    [
      'at most 1.5 % and not below the earlier mean is Limited',
      rates([
        [2013, '1'],
        [2014, '1.2'],
        [2015, '1.3'],
        [2016, '1.4'],
      ]),
      'Limited or No Progress',
      'off_track',
      1.35,
      1.1,
    ],
    [
      'without a rate before 2015 and not above 2 % the peer gives no status',
      rates([
        [2015, '1'],
        [2016, '1.2'],
      ]),
      'no_status',
      'no_data',
      1.1,
      null,
    ],
    [
      'earlier rates alone: NaN fails every comparison, so the peer says Limited',
      rates([
        [2013, '3'],
        [2014, '4'],
      ]),
      'Limited or No Progress',
      'off_track',
      null,
      3.5,
    ],
  ] as const)('%s', (_name, input, peerStatus, track, meanSince, meanBefore) => {
    const r = runProgressMethod('undp_growth_rate_811', input);
    expect(r.peerStatus).toBe(peerStatus);
    expect(r.track).toBe(track);
    expect(r.value).toBe(meanSince);
    expect(r.intermediates).toMatchObject({ since: 2015, meanSince, meanBefore });
  });
});
