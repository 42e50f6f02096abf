// In-term verdict from a projection: on track when the projection reaches the target, otherwise graded by the share
// of the required progress the trend delivers, P = (v̂ − v_b)/(v* − v_b) (the UN 2023 expected-value ratio [O8]).
// chitieu's default edges are stricter than the peers' 0.95: "on track" means projected to reach the target.
import { Decimal } from '../decimal.ts';
import { InvalidTarget } from '../errors.ts';
import { parseExact, ratioText, type Exact } from './exact.ts';
import type { OnTrackBand, TrackStatus } from './types.ts';

export interface Band {
  onTrack: Decimal;
  atRisk: Decimal;
  /** The same two edges as scaled integers (exactRatioTrack). */
  onTrackExact: Exact;
  atRiskExact: Exact;
}

export const DEFAULT_BAND: OnTrackBand = { onTrack: '1', atRisk: '0.9' };

const defaultBand: Band = {
  onTrack: new Decimal(DEFAULT_BAND.onTrack),
  atRisk: new Decimal(DEFAULT_BAND.atRisk),
  onTrackExact: parseExact(DEFAULT_BAND.onTrack),
  atRiskExact: parseExact(DEFAULT_BAND.atRisk),
};

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
  return {
    onTrack: new Decimal(b.onTrack),
    atRisk: new Decimal(b.atRisk),
    onTrackExact: parseExact(b.onTrack),
    atRiskExact: parseExact(b.atRisk),
  };
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

/** Digits of a BigInt's magnitude. */
function digitsOf(x: bigint): number {
  return (x < 0n ? -x : x).toString().length;
}

/** P/R ≥ e, P and R BigInts (R ≠ 0), e a safe scaled integer. */
function atLeast(p: bigint, r: bigint, e: Exact): boolean {
  const lhs = p * 10n ** BigInt(e.s);
  const rhs = BigInt(e.n) * r;
  return r > 0n ? lhs >= rhs : lhs <= rhs;
}

/**
 * The progress ratio's text (4 decimals) and the track, from a ratio r = (pn·10^−ps)/(rn·10^−rs) known exactly, the
 * same as decimal.js gives for trackOf(reaches, progressRatio(...)) and ratio.toDecimalPlaces(4).toFixed() when its
 * ratio is r rounded at 40 digits at most twice (each time within 5·10^−40·|r|, so within 10^−39·|r| in all): when r
 * equals a 4-decimal tie or a band edge it is a decimal of a few digits that decimal.js holds exactly, and otherwise
 * r = P/R is at least 1/(|R|·10^q) from any figure with q decimals, more than 10^−39·|r| whenever |P|·10^q < 10^38
 * (checked; ratioText checks the same for the text), so both sides round and compare alike. Null beyond these bounds
 * or outside the safe integers: the caller asks decimal.js.
 */
export function exactRatioTrack(
  pn: number,
  ps: number,
  rn: number,
  rs: number,
  reaches: boolean,
  band: Band,
): { ratio: string | null; status: Exclude<TrackStatus, 'no_data'> } | null {
  if (!Number.isSafeInteger(pn) || !Number.isSafeInteger(rn)) return null;
  if (rn === 0) return { ratio: null, status: reaches ? 'on_track' : 'off_track' };
  const text = ratioText({ text: '', n: pn, s: ps }, { text: '', n: rn, s: rs }, 4);
  if (text === null) return null;
  if (reaches) return { ratio: text, status: 'on_track' };
  const on = band.onTrackExact;
  const risk = band.atRiskExact;
  if (!Number.isSafeInteger(on.n) || !Number.isSafeInteger(risk.n)) return null;
  const p = BigInt(pn) * 10n ** BigInt(rs);
  const r = BigInt(rn) * 10n ** BigInt(ps);
  const d = digitsOf(p);
  if (d + on.s > 37 || d + risk.s > 37) return null;
  const status = atLeast(p, r, on) ? 'on_track' : atLeast(p, r, risk) ? 'at_risk' : 'off_track';
  return { ratio: text, status };
}
