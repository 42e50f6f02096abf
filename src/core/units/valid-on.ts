// Units valid on a date, and counts such as "55/67 xã" computed from them (vn-conventions §6.4 UNIT-2): after a
// reorganisation the denominator changes, so it is never typed in.
import { Decimal } from '../decimal.ts';
import type { IsoDate } from '../format/date.ts';
import type { UnitRecord } from './unit-code.ts';

export function isValidOn(unit: UnitRecord, date: IsoDate): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

export function unitsValidOn<U extends UnitRecord>(units: readonly U[], date: IsoDate): U[] {
  return units.filter((u) => isValidOn(u, date));
}

export interface UnitCount {
  count: number;
  of: number;
  /** count / of in percent, exact; null when no unit is valid. */
  share: Decimal | null;
}

/** How many of the units valid on the date meet the predicate, e.g. communes meeting the new-rural standard. */
export function countMeeting<U extends UnitRecord>(
  units: readonly U[],
  date: IsoDate,
  predicate: (unit: U) => boolean,
): UnitCount {
  const valid = unitsValidOn(units, date);
  const count = valid.filter(predicate).length;
  return {
    count,
    of: valid.length,
    share: valid.length === 0 ? null : new Decimal(count).times(100).div(valid.length),
  };
}
