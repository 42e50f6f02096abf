// The scales a forecast works on: levels and growth on the log scale (they move by percent), bounded percentages on
// the logit scale (they cannot leave 0–100 and move slowly near either end).
export type ScaleName = 'log' | 'logit';

export interface Scale {
  name: ScaleName;
  /** From a value to the scale; bounds outside the scale's domain map to ∓∞. */
  to(x: number): number;
  from(y: number): number;
  /** Whether a figure can be put on this scale at all. */
  admits(x: number): boolean;
}

export const LOG: Scale = {
  name: 'log',
  to: (x) => (x > 0 ? Math.log(x) : -Infinity),
  from: (y) => Math.exp(y),
  admits: (x) => x > 0,
};

// A share of exactly 0 or 100 % has no logit; it is read as 0.05 or 99.95 %, which no printed share can tell apart.
const EDGE = 0.05;

export const LOGIT: Scale = {
  name: 'logit',
  to: (x) => {
    if (x <= 0) return -Infinity;
    if (x >= 100) return Infinity;
    return Math.log(x / (100 - x));
  },
  from: (y) => 100 / (1 + Math.exp(-y)),
  admits: (x) => x >= 0 && x <= 100,
};

/** A figure on the scale, with the edges of a share pulled in so that 0 % and 100 % can still move. */
export function onScale(scale: Scale, x: number): number {
  return scale.name === 'logit' ? scale.to(Math.min(Math.max(x, EDGE), 100 - EDGE)) : scale.to(x);
}
