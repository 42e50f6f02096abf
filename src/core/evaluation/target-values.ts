// Reading a target's own figures: decimals as declared (an invalid one is the target's fault, so InvalidTarget), and
// the precision at which derived figures (averages, ratios, projections) are compared with them.
import { Decimal } from '../decimal.ts';
import { ChitieuError, InvalidTarget } from '../errors.ts';
import type { TargetSpec } from '../targets/target.ts';
import { cmp, parseExact, type Exact } from './exact.ts';
import type { PreparedObservation } from './prepare.ts';

export function targetNumber(text: string | undefined, field: string): Exact {
  if (text === undefined) {
    throw new InvalidTarget({ vi: `Mục tiêu thiếu giá trị ${field}`, en: `The target lacks its ${field}` }, { field });
  }
  try {
    return parseExact(text, field);
  } catch (e) {
    if (e instanceof ChitieuError) {
      throw new InvalidTarget(
        {
          vi: `Giá trị ${field} của mục tiêu ("${String(text)}") không phải số thập phân hợp lệ`,
          en: `The target's ${field} ("${String(text)}") is not a valid decimal`,
        },
        { field, value: text },
      );
    }
    throw e;
  }
}

/** A min–max pair with min ≤ max, or the min alone. */
export function targetRange(
  min: string | undefined,
  max: string | undefined,
  what: string,
): { min: Exact; max?: Exact } {
  const lo = targetNumber(min, `${what}.min`);
  if (max === undefined) return { min: lo };
  const hi = targetNumber(max, `${what}.max`);
  if (cmp(lo, hi) > 0) {
    throw new InvalidTarget(
      {
        vi: `Khoảng mục tiêu ${min}–${max} không hợp lệ: cận dưới lớn hơn cận trên`,
        en: `Target range ${min}–${max} is invalid: the minimum exceeds the maximum`,
      },
      { min, max },
    );
  }
  return { min: lo, max: hi };
}

/** Derived figures have no declared precision of their own; beyond 12 decimals no statistic carries meaning. */
const MAX_COMPARE_SCALE = 12;

/**
 * Scale at which a derived figure is rounded (half up) before it is compared: the finest precision among the target
 * (its `precision`, else its figures as written) and the observations it is derived from. A value reported directly is
 * compared as written.
 */
export function compareScale(
  target: TargetSpec,
  targetFigures: readonly Exact[],
  used: readonly PreparedObservation[],
): number {
  let s = target.precision ?? 0;
  for (const f of targetFigures) if (f.s > s) s = f.s;
  for (const o of used) if (o.value.s > s) s = o.value.s;
  return Math.min(s, MAX_COMPARE_SCALE);
}

export function roundTo(d: Decimal, scale: number): string {
  return d.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed();
}

/** Rounds a requirement away from the target's bad side, so that delivering the stated figure really reaches it. */
export function roundRequired(d: Decimal, scale: number, lowerIsBetter: boolean): string {
  return d.toDecimalPlaces(scale, lowerIsBetter ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL).toFixed();
}
