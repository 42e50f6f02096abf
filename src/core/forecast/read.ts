// Reads a target's figures exactly (decimal strings to decimals) and only then turns them into floats for the model:
// the inputs are official figures, the forecast is a model statement.
import { parseDecimal, declaredScale, type Decimal } from '../decimal.ts';
import type { ObservationInput, ObservationStatus } from '../targets/target.ts';
import { parsePeriod } from '../periods/period.ts';

type Measure = NonNullable<ObservationInput['measure']>;

export interface YearPoint {
  year: number;
  value: Decimal;
  /** The value as a float, for the model only. */
  x: number;
  status: ObservationStatus;
  scale: number;
}

export interface SpanPoint extends YearPoint {
  endYear: number;
  aggregate: ObservationInput['aggregate'];
}

function point(o: ObservationInput, year: number): YearPoint {
  const value = parseDecimal(o.value, `${o.period}/value`);
  return { year, value, x: value.toNumber(), status: o.status, scale: declaredScale(o.value) };
}

/** Full-year figures of the given measures (unstated counts as any), ascending by year. */
export function yearly(observations: readonly ObservationInput[], measures: readonly Measure[]): YearPoint[] {
  const out: YearPoint[] = [];
  for (const o of observations) {
    if (o.measure !== undefined && !measures.includes(o.measure)) continue;
    const p = parsePeriod(o.period);
    if (p.kind === 'year') out.push(point(o, p.year));
  }
  return out.sort((a, b) => a.year - b.year);
}

/** Span figures ("2026-2027") of the given measures starting in `firstYear`, longest first. */
export function spansFrom(
  observations: readonly ObservationInput[],
  firstYear: number,
  measures: readonly Measure[],
): SpanPoint[] {
  const out: SpanPoint[] = [];
  for (const o of observations) {
    if (o.measure !== undefined && !measures.includes(o.measure)) continue;
    const p = parsePeriod(o.period);
    if (p.kind === 'span' && p.year === firstYear)
      out.push({ ...point(o, p.year), endYear: p.endYear, aggregate: o.aggregate });
  }
  return out.sort((a, b) => b.endYear - a.endYear);
}

/** The decimals to print a forecast value with: those of the figures and the target, at least `min`. */
export function printScale(
  points: readonly YearPoint[],
  targetTexts: readonly (string | undefined)[],
  min = 0,
): number {
  let s = min;
  for (const p of points) s = Math.max(s, p.scale);
  for (const t of targetTexts) if (t !== undefined) s = Math.max(s, declaredScale(t));
  return Math.min(s, 4);
}
