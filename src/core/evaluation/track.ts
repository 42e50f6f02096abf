// In-term verdict from a projection: on track when the projection reaches the target, otherwise graded by the share
// of the required progress the trend delivers, P = (v̂ − v_b)/(v* − v_b) (the UN 2023 expected-value ratio [O8]).
// chitieu's default edges are stricter than the peers' 0.95: "on track" means projected to reach the target.
import { Decimal } from '../decimal.ts';
import { InvalidTarget } from '../errors.ts';
import type { OnTrackBand, TrackStatus } from './types.ts';

export interface Band {
  onTrack: Decimal;
  atRisk: Decimal;
}

export const DEFAULT_BAND: OnTrackBand = { onTrack: '1', atRisk: '0.9' };

const defaultBand: Band = { onTrack: new Decimal(DEFAULT_BAND.onTrack), atRisk: new Decimal(DEFAULT_BAND.atRisk) };

export function bandOf(b: OnTrackBand | undefined): Band {
  if (b === undefined) return defaultBand;
  const ok = /^-?\d+(\.\d+)?$/;
  if (!ok.test(b.onTrack) || !ok.test(b.atRisk) || new Decimal(b.atRisk).gt(b.onTrack)) {
    throw new InvalidTarget(
      {
        vi: `Ngưỡng đánh giá tiến độ không hợp lệ (${b.onTrack} / ${b.atRisk}): cần hai số, ngưỡng "có nguy cơ" không lớn hơn "đúng hướng"`,
        en: `Invalid progress band (${b.onTrack} / ${b.atRisk}): two decimals, at-risk not above on-track`,
      },
      { onTrackBand: b },
    );
  }
  return { onTrack: new Decimal(b.onTrack), atRisk: new Decimal(b.atRisk) };
}

/** P = (projected − base)/(target − base); null when the target equals the base (no progress is required). */
export function progressRatio(projected: Decimal, base: Decimal, target: Decimal): Decimal | null {
  const need = target.minus(base);
  if (need.isZero()) return null;
  return projected.minus(base).div(need);
}

export function trackOf(
  projectionReaches: boolean,
  ratio: Decimal | null,
  band: Band,
): Exclude<TrackStatus, 'no_data'> {
  if (projectionReaches) return 'on_track';
  if (ratio === null) return 'off_track';
  if (ratio.gte(band.onTrack)) return 'on_track';
  if (ratio.gte(band.atRisk)) return 'at_risk';
  return 'off_track';
}
