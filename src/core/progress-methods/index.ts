// The named peer progress methods behind one call. Unlike the rest of chitieu, these compute in binary floats on
// purpose: their job is to give the number the peer publishes, to the last bit, and the peers compute in doubles
// (Python floats for sdg-build and EUSTAT, V8 numbers for UNDP). Decimal strings in, doubles inside.
import { eustatSeriesProgress } from './eustat-eurostat-variant.ts';
import { duplicateYears, toFloat, toFloatPoints } from './float-inputs.ts';
import { refuseProgressInput } from './refusal.ts';
import { statcanIndicatorProgress } from './statcan-indicator.ts';
import { statcanSeriesProgress, type PeerDirection, type StatcanSeriesResult } from './statcan-opensdg.ts';
import { eustatTrack, evTrack, statcanTrack, undpTrack } from './track.ts';
import { undpAarr } from './undp-aarr.ts';
import { undpGrowthRate811 } from './undp-growth-rate-811.ts';
import { expectedValueProgress } from './un-2023-expected-value.ts';
import { undpCurrentRatio } from './un-progress-chart-cr.ts';
import type { ProgressInput, ProgressMethodName, ProgressResult } from './types.ts';

export type { ProgressInput, ProgressMethodName, ProgressResult, Track } from './types.ts';

export const PROGRESS_METHODS: readonly {
  name: ProgressMethodName;
  title: { vi: string; en: string };
  reference: string;
}[] = [
  {
    name: 'statcan_opensdg',
    title: {
      vi: 'Thống kê Canada / Open SDG (tỷ lệ tăng trưởng bình quân)',
      en: 'Statistics Canada / Open SDG (growth ratio)',
    },
    reference: 'open-sdg/sdg-build sdg/ProgressMeasure.py @ 139fede74ba534d2ed8b9eee4cd878b41f54cb67 (release 2.4.0)',
  },
  {
    name: 'statcan_opensdg_indicator',
    title: {
      vi: 'Thống kê Canada / Open SDG, cấp chỉ tiêu (trung bình điểm các chuỗi)',
      en: 'Statistics Canada / Open SDG, indicator level (mean of the series scores)',
    },
    reference: 'open-sdg/sdg-build sdg/ProgressMeasure.py @ 139fede74ba534d2ed8b9eee4cd878b41f54cb67 (release 2.4.0)',
  },
  {
    name: 'un_progress_chart_cr',
    title: { vi: 'Biểu đồ tiến độ LHQ: tỷ số hiện tại (UNDP)', en: 'UN Progress Chart current ratio (UNDP)' },
    reference: 'UNDP-Data/SDG-Accelerator src/utils/getStatus.tsx @ 455863876aeafbe80e42103b3ec573a4e40e221f',
  },
  {
    name: 'undp_aarr',
    title: {
      vi: 'UNDP: tốc độ giảm bình quân năm (AARR)',
      en: 'UNDP average annual rate of reduction (AARR)',
    },
    reference: 'UNDP-Data/SDG-Accelerator src/utils/getStatus.tsx @ 455863876aeafbe80e42103b3ec573a4e40e221f',
  },
  {
    name: 'undp_growth_rate_811',
    title: {
      vi: 'UNDP: quy tắc tốc độ tăng cho chỉ tiêu 8.1.1 (bình quân các tốc độ)',
      en: 'UNDP growth-rate rule for indicator 8.1.1 (mean of the rates)',
    },
    reference: 'UNDP-Data/SDG-Accelerator src/LandingPage.tsx @ 455863876aeafbe80e42103b3ec573a4e40e221f',
  },
  {
    name: 'un_2023_expected_value',
    title: { vi: 'Biểu đồ tiến độ LHQ 2023: giá trị dự kiến', en: 'UN Progress Chart 2023 expected value' },
    reference:
      'EUSTAT-DES/site _pages/en/metodologia.md @ 10f3c702d7a2e175c52e128fc907419e86bc91c0 (documented; no peer code)',
  },
  {
    name: 'eustat_eurostat_variant',
    title: { vi: 'EUSTAT: ngưỡng kiểu Eurostat', en: 'EUSTAT Eurostat-style thresholds' },
    reference: 'EUSTAT-DES/data scripts/build_data.py @ 0320a59e9e75439b359569c6f0121b20b15a0f7f on sdg-build 139fede',
  },
];

/** Every figure sdg-build reports for a series, also when "target achieved" decides the status. */
function statcanFigures(r: StatcanSeriesResult): ProgressResult['intermediates'] {
  return {
    baseYear: r.components?.baseYear ?? null,
    baseValue: r.components?.baseValue ?? null,
    currentYear: r.components?.currentYear ?? null,
    currentValue: r.components?.currentValue ?? null,
    effectiveTarget: r.effectiveTarget,
    sign: r.sign,
    high: r.thresholds?.high ?? null,
    med: r.thresholds?.med ?? null,
    low: r.thresholds?.low ?? null,
    coefficient: r.coefficient,
    notAvailableReason: r.notAvailableReason,
  };
}

const peerDirection = (d: ProgressInput['direction']): PeerDirection =>
  d === 'higher_better' ? 'positive' : 'negative';

/**
 * Runs a named method with chitieu's explicit inputs (direction always given, target year from the plan) and the
 * peer's rules otherwise, except that where a peer would crash or silently guess, chitieu refuses: a repeated year
 * and a zero base value (StatCan's 0.001) are typed errors here. Refusals are ValidationError with code
 * `progress_input_invalid` and `details.reason`.
 */
export function runProgressMethod(name: ProgressMethodName, input: ProgressInput): ProgressResult {
  const asPeer = input.zeroBase === 'peer';
  const points = toFloatPoints(input.points);
  // StatCan and EUSTAT crash on a repeated year, UNDP silently keeps the first: chitieu refuses for every method.
  const dup = duplicateYears(points);
  if (dup.length > 0) throw refuseProgressInput('duplicate_year', '/points', { years: dup });
  const target = input.target === undefined ? null : toFloat(input.target, 'target');
  const limit = input.limit === undefined ? null : toFloat(input.limit, 'limit');
  const common = {
    baseYear: input.baseYear,
    target,
    targetYear: input.targetYear,
    direction: peerDirection(input.direction),
    limit,
    zeroBase: asPeer ? 'substitute' : 'refuse',
  } as const;
  switch (name) {
    case 'statcan_opensdg': {
      const r = statcanSeriesProgress(points, common);
      return {
        method: name,
        peerStatus: r.status,
        value: r.progressValue,
        score: r.score,
        track: statcanTrack(r.status),
        intermediates: statcanFigures(r),
      };
    }
    case 'statcan_opensdg_indicator': {
      // Every series runs as statcan_opensdg would; the indicator is the mean of the scores (series order kept,
      // since np.mean's pairwise sum depends on it), achieved only if every scored series achieved its target.
      // Without `series`, the input itself is the indicator's one series (a target evaluated on its own).
      const series = input.series ?? [{ ...input, series: undefined }];
      if (series.length === 0) throw refuseProgressInput('series_required', '/series');
      const results = series.map((s) =>
        runProgressMethod('statcan_opensdg', { ...s, ...(input.zeroBase ? { zeroBase: input.zeroBase } : {}) }),
      );
      const rolled = statcanIndicatorProgress(
        results.map((r) => ({ score: r.score, targetAchieved: r.peerStatus === 'target_achieved' })),
      );
      const intermediates: ProgressResult['intermediates'] = {
        seriesCount: results.length,
        scoredCount: results.filter((r) => r.score !== null).length,
      };
      results.forEach((r, i) => {
        intermediates[`series.${i}.status`] = r.peerStatus;
        intermediates[`series.${i}.value`] = r.value;
        intermediates[`series.${i}.score`] = r.score;
        for (const [k, v] of Object.entries(r.intermediates)) intermediates[`series.${i}.${k}`] = v;
      });
      return {
        method: name,
        peerStatus: rolled.status,
        value: null,
        score: rolled.score,
        track: statcanTrack(rolled.status),
        intermediates,
      };
    }
    case 'eustat_eurostat_variant': {
      const r = eustatSeriesProgress(points, common);
      return {
        method: name,
        peerStatus: r.status,
        value: r.progressValue,
        score: r.score,
        track: eustatTrack(r.status, r.targetAchieved),
        intermediates: {
          baseYear: r.components?.baseYear ?? null,
          baseValue: r.components?.baseValue ?? null,
          currentYear: r.components?.currentYear ?? null,
          currentValue: r.components?.currentValue ?? null,
          high: r.thresholds?.high ?? null,
          med: r.thresholds?.med ?? null,
          low: r.thresholds?.low ?? null,
          coefficient: r.coefficient,
          notAvailableReason: r.notAvailableReason,
        },
      };
    }
    case 'undp_aarr': {
      if (target === null) throw refuseProgressInput('target_required', '/target');
      const r = undpAarr(points, {
        target,
        type: input.direction === 'higher_better' ? 'max' : 'min',
        targetYear: input.targetYear,
        baseYear: input.baseYear,
      });
      if (r.baseValue === 0 && !asPeer) throw refuseProgressInput('zero_base', '/points', { baseYear: r.baseYear });
      return {
        method: name,
        peerStatus: r.status,
        value: r.observedAarr,
        score: null,
        track: undpTrack(r.status),
        intermediates: {
          baseYear: r.baseYear,
          baseValue: r.baseValue,
          finalYear: r.finalYear,
          finalValue: r.finalValue,
          observedAarr: r.observedAarr,
          requiredAarr: r.requiredAarr,
        },
      };
    }
    case 'undp_growth_rate_811': {
      // The points are yearly growth rates (in %); no target: the rule compares means of the rates.
      const since = input.baseYear ?? 2015;
      const r = undpGrowthRate811(points, since);
      return {
        method: name,
        peerStatus: r.status ?? 'no_status',
        value: r.meanSince,
        score: null,
        track: r.status === null ? 'no_data' : undpTrack(r.status),
        intermediates: {
          since,
          meanSince: r.meanSince,
          meanBefore: r.meanBefore,
          countSince: points.filter((p) => p.year >= since).length,
          countBefore: points.filter((p) => p.year < since).length,
        },
      };
    }
    case 'un_progress_chart_cr': {
      if (target === null) throw refuseProgressInput('target_required', '/target');
      const r = undpCurrentRatio(points, {
        target,
        type: input.direction === 'higher_better' ? 'max' : 'min',
        targetYear: input.targetYear,
        baseYear: input.baseYear,
      });
      return {
        method: name,
        peerStatus: r.status,
        value: r.cr,
        score: null,
        track: undpTrack(r.status),
        intermediates: {
          baseYear: r.baseYear,
          baseValue: r.baseValue,
          finalYear: r.finalYear,
          finalValue: r.finalValue,
          observedCagr: r.observedCagr,
          requiredCagr: r.requiredCagr,
        },
      };
    }
    case 'un_2023_expected_value': {
      const r = expectedValueProgress(points, {
        target,
        targetYear: input.targetYear,
        baseYear: input.baseYear,
        direction: input.direction === 'higher_better' ? 'increase' : 'decrease',
      });
      return {
        method: name,
        peerStatus: r.label ?? 'not_available',
        value: r.value,
        score: null,
        track: evTrack(r.category, r.rule),
        intermediates: {
          category: r.category,
          rule: r.rule,
          projected: r.projected,
          baseYear: r.baseYear,
          baseValue: r.baseValue,
          latestYear: r.latestYear,
          latestValue: r.latestValue,
        },
      };
    }
  }
}
